"""The ``mkdocs serve`` caches change nothing: a warm rebuild after a data edit equals a cold build.

One process builds the site twice the way ``mkdocs serve`` does (config reloaded, same modules),
editing data in between; a separate process builds the edited data with the caches off
(``ATLAS_BUILD_CACHE=0``). The two sites must be byte-identical, and the warm build must have
used the caches (else this test would prove nothing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.sitebuild import ROOT, SOURCE_DATE_EPOCH, build_or_fail, copy_project_data
from tests.site.test_site_build import tree_bytes

pytestmark = pytest.mark.slow

SERVE_LIKE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from macros.data import memo

def once(site):
    config = load_config(config_file=sys.argv[1], site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)

once(sys.argv[2])
for path, old, new in json.loads(sys.argv[4]):
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
once(sys.argv[3])
print(json.dumps({m.name: [m.hits, m.misses] for m in memo._memos}))
"""


def _edits(data: Path) -> list[tuple[str, str, str]]:
    flask = data / "frameworks" / "flask.yaml"
    fastapi = data / "frameworks" / "fastapi.yaml"
    return [
        (str(flask), "summary: ", "summary: Edited for the cache test. "),
        (str(fastapi), "description: |\n", "description: |\n  A cache test sentence.\n"),
    ]


def test_warm_rebuild_after_a_data_edit_equals_a_cold_build(tmp_path: Path) -> None:
    data = copy_project_data(tmp_path / "project")
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1")
    env["ATLAS_DATA_DIR"] = str(data)
    env.pop("ATLAS_BUILD_CACHE", None)
    command = [sys.executable, "-c", SERVE_LIKE, str(ROOT / "mkdocs.yml")]
    command += [str(tmp_path / "first"), str(tmp_path / "warm"), json.dumps(_edits(data))]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-6000:]
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert counts["yaml"][0] > 100, counts  # unchanged files came from the cache
    assert counts["yaml"][1] >= 2, counts  # the edited ones were parsed again
    assert counts["search"][0] > 50, counts
    assert counts["jinja"][0] > 100, counts  # pages and templates compiled once
    assert counts["charts"][0] > 0, counts
    assert counts["pages"][0] > 100, counts  # unchanged pages were not converted again

    os.environ["ATLAS_BUILD_CACHE"] = "0"
    try:
        cold = tree_bytes(build_or_fail(tmp_path / "cold", data))
    finally:
        del os.environ["ATLAS_BUILD_CACHE"]
    warm = tree_bytes(tmp_path / "warm")
    assert sorted(warm) == sorted(cold)
    assert [name for name in cold if cold[name] != warm[name]] == []
    assert b"Edited for the cache test." in warm["frameworks/flask/index.html"]
