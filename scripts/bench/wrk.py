"""Run one wrk window against a URL and read the summary that benchmarks/wrk/report.lua prints."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRK_DIR = ROOT / "benchmarks" / "wrk"
TESTS: dict[str, tuple[str, str]] = {
    "plaintext": ("/plaintext", "get.lua"),
    "json": ("/json", "get.lua"),
    "post-users": ("/users", "post_users.lua"),
    "db": ("/db", "get.lua"),
    "queries": ("/queries?queries=20", "get.lua"),
    "fortunes": ("/fortunes", "get.lua"),
    "updates": ("/updates?queries=20", "get.lua"),
}
"""Test name -> (path, wrk script). The last four are TechEmpower's database tests."""
DB_TESTS = ("db", "queries", "fortunes", "updates")
"""Tests that need the PostgreSQL cluster."""


@dataclass(frozen=True)
class Window:
    """What wrk saw during one window."""

    requests: int
    seconds: float
    non_2xx: int
    connect: int
    read: int
    write: int
    timeout: int
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        """Requests per second, counting every response."""
        return self.requests / self.seconds if self.seconds else 0.0


def available() -> bool:
    """Whether wrk is installed."""
    return shutil.which("wrk") is not None


def argv(
    base_url: str, test: str, seconds: int, connections: int, threads: int, cpus: list[int]
) -> list[str]:
    """The pinned wrk command of one window."""
    path, script = TESTS[test]
    return [
        "taskset",
        "-c",
        ",".join(map(str, cpus)),
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(WRK_DIR / script),
        base_url + path,
        "--",
        uuid.uuid4().hex[:12],
    ]


def template(connections: int, threads: int, seconds: int, cpus: list[int]) -> str:
    """Human-readable template of a window's command, for provenance."""
    return (
        f"taskset -c {','.join(map(str, cpus))} wrk -t{threads} -c{connections} "
        f"-d{seconds}s --timeout 5s -s benchmarks/wrk/<get|post_users>.lua "
        "http://127.0.0.1:<port>/<plaintext|json|users|db|queries?queries=20|fortunes|"
        "updates?queries=20> -- <token>"
    )


def run_window(command: list[str], seconds: int) -> Window:
    """Run wrk; raise ``RuntimeError`` if it fails or prints no summary."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    for line in done.stdout.splitlines():
        if line.startswith("ATLAS-WRK "):
            data = json.loads(line.removeprefix("ATLAS-WRK "))
            return Window(
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                non_2xx=data["non_2xx"],
                connect=data["connect"],
                read=data["read"],
                write=data["write"],
                timeout=data["timeout"],
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
            )
    raise RuntimeError(f"wrk exited {done.returncode}: {(done.stderr or done.stdout)[-300:]}")
