"""Count instructions with valgrind's Cachegrind: repeatable where wall time on a VM is not."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

CACHEGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]


def available() -> bool:
    """Whether valgrind is installed."""
    return shutil.which("valgrind") is not None


def command_line() -> str:
    """The valgrind command line used, for provenance."""
    return " ".join([*CACHEGRIND, "--cachegrind-out-file=FILE", "PROGRAM"])


def instructions(
    argv: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 600
) -> int:
    """Total instructions executed (``Ir``) by ``argv`` and its output, under Cachegrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cachegrind.out"
        done = subprocess.run(
            [*CACHEGRIND, f"--cachegrind-out-file={out}", *argv],
            env=dict(env) if env is not None else None,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"cachegrind failed ({done.returncode}): {done.stderr[-1500:]}")
        match = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
        if not match:
            raise RuntimeError("no summary line in the cachegrind output")
        return int(match.group(1))


def per_operation(
    argv_for_n: Mapping[int, Sequence[str]], n: int, env: Mapping[str, str] | None = None
) -> float:
    """Instructions per operation: ``(Ir(n) - Ir(0)) / n``, so start-up and imports cancel."""
    base = instructions(argv_for_n[0], env)
    full = instructions(argv_for_n[n], env)
    return (full - base) / n
