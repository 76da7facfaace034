"""The process manager shared by the example tests and the benchmarks: start, readiness, stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.apps.process import AppProcess, ServerStartError, free_port, running_app

# A server that ignores SIGTERM (as Robyn does) and forks a worker that outlives it.
STUBBORN = """
import http.server, os, signal, sys
signal.signal(signal.SIGTERM, signal.SIG_IGN)
if os.fork() == 0:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.pause()
handler = http.server.SimpleHTTPRequestHandler
http.server.HTTPServer((sys.argv[1], int(sys.argv[2])), handler).serve_forever()
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _live_members(pgid: int, wait: float = 2.0) -> list[str]:
    """Processes of the group that are not zombies (a dead worker waits for init to reap it)."""
    end = time.monotonic() + wait
    while True:
        states = subprocess.run(
            ["ps", "-o", "pid=,stat=", "-g", str(pgid)], capture_output=True, text=True
        ).stdout.split("\n")
        live = [line for line in states if line.strip() and "Z" not in line.split()[1]]
        if not live or time.monotonic() > end:
            return live
        time.sleep(0.05)


def test_serves_then_stops(tmp_path: Path) -> None:
    """A plain server answers inside the block and is gone after it."""
    template = f"{sys.executable} -m http.server --bind {{host}} {{port}}"
    with running_app(template, cwd=tmp_path, deadline=10) as app:
        assert app.process is not None
        pid = app.process.pid
        assert _alive(pid)
    assert not _alive(pid)


def test_stops_a_group_that_ignores_sigterm(tmp_path: Path) -> None:
    """SIGKILL after the grace period ends the leader and the worker it forked."""
    (tmp_path / "stubborn.py").write_text(STUBBORN, encoding="utf-8")
    template = f"{sys.executable} stubborn.py {{host}} {{port}}"
    with running_app(template, cwd=tmp_path, deadline=10, grace=0.5) as app:
        assert app.process is not None
        process = app.process
        leader = process.pid
    # It ignored SIGTERM, so only SIGKILL can have ended it.
    assert process.returncode == -signal.SIGKILL
    assert not _alive(leader)
    assert _live_members(leader) == [], f"processes left running in group {leader}"


def test_early_exit_is_reported_with_output(tmp_path: Path) -> None:
    """A server that dies at start raises ServerStartError carrying what it printed."""
    app = AppProcess(
        [sys.executable, "-c", "print('boom'); raise SystemExit(3)"],
        tmp_path,
        "127.0.0.1",
        free_port(),
    )
    app.start()
    try:
        with pytest.raises(ServerStartError, match="boom"):
            app.wait_ready(deadline=5)
    finally:
        app.stop(grace=0.5)
