"""The site builds with ProperDocs (the MkDocs 1.x fork) to the same files and content as MkDocs.

This is the toolchain plan's safety net (docs/contributing.md, "Toolchain"): if MkDocs 1.x stops
working, switching the generator must change nothing a reader sees. Only the generator meta tag
may differ; any other difference is named, file by file.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import pytest

from tests.site.sitebuild import build_or_fail

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("properdocs") is None,
        reason="properdocs is not installed (it is in the dev dependency group: run `uv sync`)",
    ),
]


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): GENERATOR_TAG.sub(b"", p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _first_difference(a: bytes, b: bytes) -> str:
    lines = difflib.unified_diff(
        a.decode("utf-8", "replace").splitlines(),
        b.decode("utf-8", "replace").splitlines(),
        lineterm="",
        n=0,
    )
    return "\n".join(list(lines)[2:8])


def test_properdocs_builds_the_same_site(site_dir: Path, tmp_path: Path) -> None:
    mkdocs_files = _files(site_dir)
    properdocs_files = _files(build_or_fail(tmp_path / "properdocs", generator="properdocs"))
    assert sorted(properdocs_files) == sorted(mkdocs_files), (
        f"only MkDocs: {sorted(set(mkdocs_files) - set(properdocs_files))}; "
        f"only ProperDocs: {sorted(set(properdocs_files) - set(mkdocs_files))}"
    )
    differing = {
        name: _first_difference(mkdocs_files[name], properdocs_files[name])
        for name in mkdocs_files
        if mkdocs_files[name] != properdocs_files[name]
    }
    assert not differing, "pages that differ:\n" + "\n\n".join(
        f"{name}:\n{diff}" for name, diff in sorted(differing.items())[:5]
    )
    assert any(name.endswith("index.html") for name in mkdocs_files)
