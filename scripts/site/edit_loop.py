"""Time the edit loop: a data edit under ``mkdocs serve`` until the changed page is served.

:func:`edit_loop` starts ``mkdocs serve`` on 127.0.0.1 in a project copy, waits for the first
build, then edits one entity file ``runs`` times (a new marker in its summary each time) and
polls the entity page until it is served with the marker. The time counts from the write to the
first response that has it: file-watcher latency (MkDocs polls every 0.5 s), the rebuild, and the
request (the server holds requests while a rebuild runs), i.e. what a reader of the browser tab
waits for.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from macros.checks.build import build_env

ENTITY = ("frameworks", "flask")
"""The entity edited: directory and id (its page is ``/<directory>/<id>/``)."""
POLL = 0.05
"""Seconds between two requests for the edited page."""


@dataclass
class Serve:
    """A running ``mkdocs serve`` of a project copy."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    """The body at ``url``, or None if the server does not answer (yet) or answers an error."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # 127.0.0.1 only
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def start(project: Path, env: dict[str, str], timeout: float = 600) -> Serve:
    """Start ``mkdocs serve`` in ``project``; return once the first build is served."""
    port = _free_port()
    log = project / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml"]
    command += ["-a", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=project, env={**build_env(), **env}, stdout=out, stderr=out
        )
    serve = Serve(process, f"http://127.0.0.1:{port}/", log)
    deadline = time.monotonic() + timeout
    while _get(serve.url) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            stop(serve)
            raise RuntimeError(f"mkdocs serve did not start:\n{log.read_text()[-4000:]}")
        time.sleep(0.2)
    return serve


def stop(serve: Serve) -> None:
    """End the server (the process this module started, by its id)."""
    if serve.process.poll() is None:
        serve.process.terminate()
        try:
            serve.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.process.kill()
            serve.process.wait()


def _with_marker(text: str, marker: str) -> str:
    """The entity file with ``marker`` at the end of its ``summary:`` line."""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("summary: "):
            lines[number] = line.rstrip("\n").rstrip(".") + f" ({marker}).\n"
            return "".join(lines)
    raise ValueError("the entity file has no one-line `summary:`")


def time_edit(serve: Serve, data_file: Path, page_url: str, marker: str, timeout: float) -> float:
    """Write ``marker`` into ``data_file``; seconds until ``page_url`` is served with it."""
    original = data_file.read_text(encoding="utf-8")
    start_time = time.perf_counter()
    data_file.write_text(_with_marker(original, marker), encoding="utf-8")
    while True:
        body = _get(page_url)
        elapsed = time.perf_counter() - start_time
        if body is not None and marker in body:
            return elapsed
        if serve.process.poll() is not None or elapsed > timeout:
            raise RuntimeError(f"the edit did not show:\n{serve.log.read_text()[-4000:]}")
        time.sleep(POLL)


def _settle(serve: Serve, quiet: float = 1.5) -> None:
    """Wait until the server's log has been quiet for ``quiet`` seconds (rebuild finished)."""
    size, since = -1, time.monotonic()
    while time.monotonic() - since < quiet:
        now = serve.log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        time.sleep(0.1)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` so far (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


@dataclass
class EditLoop:
    """``mkdocs serve`` of one project copy, and the edits timed against it."""

    project: Path
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    serve: Serve | None = None
    edits: int = 0
    original: str = field(default="", repr=False)

    @property
    def data_file(self) -> Path:
        directory, entity_id = ENTITY
        return self.project / "data" / directory / f"{entity_id}.yaml"

    def start(self, warmup: int = 1) -> None:
        """Start the server and make ``warmup`` untimed edits (the first rebuilds fill caches)."""
        self.original = self.data_file.read_text(encoding="utf-8")
        self.serve = start(self.project, self.env)
        for _ in range(warmup):
            self._edit()

    def _edit(self, timeout: float = 300) -> tuple[float, float | None]:
        assert self.serve is not None
        directory, entity_id = ENTITY
        _settle(self.serve)
        self.edits += 1
        before = cpu_seconds(self.serve.process.pid)
        page = f"{self.serve.url}{directory}/{entity_id}/"
        seconds = time_edit(self.serve, self.data_file, page, f"edit loop {self.edits}", timeout)
        after = cpu_seconds(self.serve.process.pid)
        return seconds, (after - before if before is not None and after is not None else None)

    def measure(self) -> float:
        """Time one edit; keep and return its seconds."""
        seconds, cpu = self._edit()
        self.times.append(seconds)
        if cpu is not None:
            self.cpu.append(cpu)
        return seconds

    def stop(self) -> None:
        """Stop the server and put the data file back."""
        if self.serve is not None:
            stop(self.serve)
            self.serve = None
        self.data_file.write_text(self.original, encoding="utf-8")
