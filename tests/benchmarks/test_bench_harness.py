"""The wrk harness against real servers: one ASGI and one WSGI example plus a broken app.

Slow (about a minute): starts real servers and real wrk windows, pinned like a full run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.bench_loader import read_run
from macros.data.bench_model import HttpRun
from scripts.bench import examples as bench_examples
from scripts.bench.http import (
    Contender,
    Progress,
    contenders_for,
    http_method,
    prepare,
    run_test,
    start_all,
    summarise,
)
from scripts.bench.output import write_run
from scripts.bench.provenance import base, now
from tests.benchmarks.fixtures import small_plan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("wrk") is None, reason="wrk is not installed (Debian: apt-get install -y wrk)"
    ),
    pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset is not installed"),
]

ROOT = Path(__file__).resolve().parents[2]
PLAN = small_plan(tests=["plaintext", "post-users"])


def _examples() -> dict[str, object]:
    examples = {e.framework: e for e in bench_examples.load_examples()}
    for needed in ("starlette", "flask"):
        if needed not in examples:
            pytest.skip(f"example {needed!r} is not in data/examples/")
    return examples  # type: ignore[return-value]


def test_quick_run_with_a_broken_app(tmp_path: Path) -> None:
    examples = _examples()
    chosen = [examples["starlette"], examples["flask"]]
    contenders = contenders_for(
        chosen,
        None,
        ("starlette", "uvicorn"),  # type: ignore[arg-type]
        {("starlette", "uvicorn"), ("flask", "gunicorn")},
    )
    assert [c.key for c in contenders] == ["starlette@uvicorn", "flask@gunicorn"]
    envs = prepare(contenders, examples)  # type: ignore[arg-type]
    broken = Contender(
        "broken",
        "uvicorn",
        None,
        "app:app",
        template=f"{sys.executable} -c 'raise SystemExit(3)'",
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
    )
    contenders.append(broken)
    results = []
    for test in PLAN.tests:
        for c in contenders:
            c.windows, c.ratios, c.reason = {}, {}, None
        start_all(contenders, PLAN)
        try:
            run_test(contenders, test, PLAN, Progress(), restart_each_round=test == "post-users")
        finally:
            for c in contenders:
                c.stop()
        results += [summarise(c, test, PLAN, PLAN.rounds) for c in contenders]
    by = {(r.framework, r.server, r.test): r for r in results}
    for test in PLAN.tests:
        ref, flask = by[("starlette", "uvicorn", test)], by[("flask", "gunicorn", test)]
        assert ref.status == "ok" and ref.ratio is not None and ref.ratio.median == 1.0
        assert flask.status == "ok", flask.reason
        assert len(flask.rps) == PLAN.rounds and flask.median_rps and flask.median_rps > 0
        assert flask.ratio is not None and flask.ratio.low <= flask.ratio.median
        assert flask.latency_p99_ms and flask.latency_p99_ms >= (flask.latency_p50_ms or 0)
        failed = by[("broken", "uvicorn", test)]
        assert failed.status == "failed" and "did not start" in (failed.reason or "")
    post = by[("flask", "gunicorn", "post-users")]
    assert post.errors.non_2xx == 0, "unique emails: no 409 expected"
    run = HttpRun(
        id="http-test",
        kind="http",
        title="test",
        provenance=base("pytest", now(), envs, ["test"]),
        method=http_method(PLAN, ("starlette", "uvicorn"), restart_each_round=True),
        results=results,
    )
    path = write_run(run, tmp_path)
    loaded, _, problems = read_run(path, str(path))
    assert problems == [] and isinstance(loaded, HttpRun)
    assert {e.name for e in loaded.provenance.environments} == {"starlette", "flask"}
    assert all(not p.name.startswith(".") for p in tmp_path.iterdir() if p.suffix == ".yaml")


def test_cli_quick_run_writes_a_valid_file(tmp_path: Path) -> None:
    _examples()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.atlas",
            "bench",
            "--quick",
            "--cases",
            "flask@granian",
            "--tests",
            "json",
            "--rounds",
            "2",
            "--warmup",
            "0",
            "--id",
            "http-cli-test",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "json: round 2/2" in done.stdout
    run, _, problems = read_run(tmp_path / "http-cli-test.yaml", "http-cli-test.yaml")
    assert problems == [] and isinstance(run, HttpRun)
    assert {(r.framework, r.server) for r in run.results} == {
        ("starlette", "uvicorn"),
        ("flask", "granian"),
    }
    assert run.provenance.machine.cores >= 1 and "wrk" in run.provenance.tools
    assert any("Quick mode" in n for n in run.provenance.notes)
