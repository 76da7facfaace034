"""A server that fails its first start gets one more: a slow start under load is not a verdict."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from scripts.bench.http import Contender, live, start_all
from tests.benchmarks.fixtures import small_plan

pytestmark = pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset is not installed")

PLAN = small_plan(ready_deadline=20)


def _flaky(tmp_path: Path) -> Contender:
    """Exits 1 on its first start; serves HTTP (any answer counts as ready) from the second."""
    serve = f"exec {shlex.quote(sys.executable)} -m http.server --bind {{host}} {{port}}"
    script = f"if [ -e started-once ]; then {serve}; else touch started-once; exit 1; fi"
    return Contender(
        "flaky", "own", None, template=f"sh -c {shlex.quote(script)}", cwd=tmp_path, env={}
    )


def test_a_failed_start_is_retried_once(tmp_path: Path) -> None:
    flaky = _flaky(tmp_path)
    try:
        start_all([flaky], PLAN)
        assert live([flaky]) == [flaky], flaky.reason
        assert flaky.process is not None and flaky.process.process is not None
        assert flaky.process.process.poll() is None
    finally:
        flaky.stop()


def test_without_retries_the_failure_is_recorded(tmp_path: Path) -> None:
    flaky = _flaky(tmp_path)
    try:
        start_all([flaky], PLAN, retries=0)
        assert flaky.reason is not None and "did not start" in flaky.reason
    finally:
        flaky.stop()
