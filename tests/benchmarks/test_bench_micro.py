"""``atlas bench-micro --quick`` writes a valid result file (serialization and runtime groups)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.bench_loader import read_run
from macros.data.bench_model import MicroRun

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset is not installed")
def test_quick_micro_run(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.atlas",
            "bench-micro",
            "--quick",
            "--n",
            "2000",
            "--repeats",
            "3",
            "--cachegrind-n",
            "500",
            "--groups",
            "serialization",
            "--libs",
            "msgspec",
            "--id",
            "micro-test",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    run, _, problems = read_run(tmp_path / "micro-test.yaml", "micro-test.yaml")
    assert problems == [] and isinstance(run, MicroRun)
    ids = {r.id for r in run.results}
    assert ids == {
        f"serialization/{op}/{lib}"
        for op in ("encode", "decode", "roundtrip")
        for lib in ("msgspec",)
    }
    for result in run.results:
        assert result.status == "ok" and len(result.wall_seconds) == 3
        assert result.ns_per_op and result.ns_per_op > 0
        if shutil.which("valgrind"):
            assert result.instructions_per_op and result.instructions_per_op > 100
    packages = run.provenance.environments[0].packages
    assert {"pydantic", "msgspec", "orjson"} <= set(packages)
    assert run.method.cachegrind is None or "cachegrind" in run.method.cachegrind
