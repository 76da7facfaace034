"""``mkdocs serve`` rebuilds when a data file changes (the ``watch:`` list covers ``data/``)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.checks.build import build_env
from macros.checks.project import copy_project

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
FIRST_BUILD_SECONDS = 240
REBUILD_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, seconds: float) -> float:
    """Seconds until ``url`` serves a page containing ``needle``; fails after ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        body = get(url)
        if body is not None and needle in body:
            return time.monotonic() - start
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {needle!r} within {seconds} s")


@pytest.fixture
def served_copy(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A copy of the project under ``mkdocs serve`` on 127.0.0.1: (project, base URL, log)."""
    project = copy_project(ROOT, tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = build_env()
    env.pop("ATLAS_DATA_DIR", None)  # serve the copy's own data/
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield project, f"http://127.0.0.1:{port}/", log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def test_yaml_edit_is_served_after_rebuild(served_copy: tuple[Path, str, Path]) -> None:
    project, base, log = served_copy
    source = project / "data" / "frameworks" / "fastapi.yaml"
    text = source.read_text(encoding="utf-8")
    old_summary = re.search(r"^summary: (.*)$", text, re.MULTILINE)
    assert old_summary is not None
    page = base + "frameworks/fastapi/"
    try:
        wait_for(page, "<h1", FIRST_BUILD_SECONDS)
    except AssertionError:
        raise AssertionError(log.read_text()[-3000:]) from None
    marker = f"Reload marker {time.time_ns()} for the serve test."
    assert marker not in (get(page) or "")
    time.sleep(1)  # a distinct modification time for the watcher
    source.write_text(text.replace(old_summary.group(0), f"summary: {marker}"), encoding="utf-8")
    waited = wait_for(page, marker, REBUILD_SECONDS)
    print(f"rebuilt and served the edit after {waited:.1f} s")
