"""Collect provenance for a benchmark run: machine, interpreters, packages, tools, git commit."""

from __future__ import annotations

import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from macros.data.bench_model import MACHINE_LABEL, Machine, PackageEnv

ROOT = Path(__file__).resolve().parents[2]


def _run(argv: list[str], timeout: float = 30) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (done.stdout or done.stderr).strip()


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (``unknown`` if it is not there)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> Machine:
    """This machine, labelled as the shared VM it is."""
    import os

    os_name = _run(["sh", "-c", '. /etc/os-release && echo "$PRETTY_NAME"']) or None
    return Machine(
        label=MACHINE_LABEL,
        cpu_model=cpu_model(),
        cores=os.cpu_count() or 1,
        kernel=platform.release(),
        os=os_name,
    )


def one_line(text: str) -> str:
    """Collapse whitespace so a version string fits one line."""
    return " ".join(text.split())[:200]


def python_version(python: Path | str) -> str:
    """``sys.version`` of an interpreter, on one line."""
    return one_line(_run([str(python), "-c", "import sys; print(sys.version)"]))


def packages(python: Path | str) -> dict[str, str]:
    """Every installed distribution of an interpreter's environment, name -> version."""
    out = _run(["uv", "pip", "list", "--python", str(python), "--format", "json"], timeout=60)
    try:
        return {p["name"]: p["version"] for p in json.loads(out)}
    except (ValueError, KeyError, TypeError):
        return {}


def package_env(name: str, python: Path | str) -> PackageEnv:
    """An environment's interpreter version and packages."""
    return PackageEnv(name=name, python=python_version(python), packages=packages(python))


def tools() -> dict[str, str]:
    """Versions of the external tools the harness uses (only those installed)."""
    found: dict[str, str] = {}
    probes = {
        "wrk": ["wrk", "-v"],
        "valgrind": ["valgrind", "--version"],
        "uv": ["uv", "--version"],
        "taskset": ["taskset", "--version"],
    }
    for name, argv in probes.items():
        if shutil.which(argv[0]):
            text = _run(argv)
            if text:
                found[name] = one_line(text.splitlines()[0])
    return found


def git_commit() -> str | None:
    """The checked-out commit, with ``+dirty`` if tracked files changed."""
    commit = _run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"])
    if not commit:
        return None
    dirty = _run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"])
    return commit + ("+dirty" if dirty else "")


def now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


def load_average() -> str:
    """The 1/5/15-minute load averages, for a note on how busy the shared machine was."""
    import os

    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def base(
    command: str,
    started: dt.datetime,
    environments: list[PackageEnv],
    notes: list[str],
    start_load: str | None = None,
) -> dict[str, Any]:
    """A provenance mapping ready for the result model."""
    load = f"Load average (1/5/15 min) at the end: {load_average()}"
    if start_load:
        load = f"Load average (1/5/15 min) at the start: {start_load}; at the end: {load_average()}"
    notes = [*notes, load + f" on {machine().cores} cores (other work shared the machine)."]
    return {
        "date": started.date(),
        "started": started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "duration_seconds": round((now() - started).total_seconds(), 1),
        "machine": machine(),
        "harness_python": one_line(sys.version),
        "git_commit": git_commit(),
        "command": command,
        "tools": tools(),
        "environments": environments,
        "notes": notes,
    }
