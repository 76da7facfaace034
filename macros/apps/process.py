"""Start an app server as a child process group on 127.0.0.1, wait until it answers, stop it.

Shared by the example conformance tests and the benchmark harness. Servers such as Granian fork
a worker even with one worker, and Robyn ignores SIGTERM in some modes, so every server runs in its
own session (process group) and is stopped as a group: SIGTERM first, SIGKILL after a grace period.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shlex
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from macros.data.run_template import fill_template

HOST = "127.0.0.1"


class ServerStartError(RuntimeError):
    """The server exited early or did not answer before its deadline; carries its output."""


def free_port(host: str = HOST) -> int:
    """A TCP port that is free on ``host`` right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def render_command(template: str, target: str, host: str, port: int) -> list[str]:
    """Fill ``{target}``/``{host}``/``{port}`` in a command template and split it like a shell."""
    return shlex.split(fill_template(template, target, host, port))


@dataclass
class AppProcess:
    """A running server: its process group, address and captured output."""

    argv: list[str]
    cwd: Path
    host: str
    port: int
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        """``http://host:port`` of the server."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        """Launch the command in a new session, with stdout and stderr going to a temp file."""
        # Open for the life of the server; closed in stop().
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env or None,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self, limit: int = 4000) -> str:
        """The last ``limit`` characters the server printed."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-limit:]

    def output_size(self) -> int:
        """Bytes the server has written to stdout and stderr so far."""
        if self._log is None:
            return 0
        return os.fstat(self._log.fileno()).st_size

    def wait_ready(self, path: str = "/", deadline: float = 20.0) -> float:
        """Poll ``GET path`` until any HTTP answer arrives; return the seconds it took."""
        started = time.monotonic()
        while time.monotonic() - started < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ServerStartError(
                    f"{self.argv[0]} exited with {self.process.returncode}:\n{self.output()}"
                )
            if _answers(self.host, self.port, path):
                return time.monotonic() - started
            time.sleep(0.1)
        raise ServerStartError(
            f"no answer on {self.base_url}{path} in {deadline} s:\n{self.output()}"
        )

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM the whole process group, SIGKILL it after ``grace`` seconds."""
        if self.process is None:
            return
        pgid = self.process.pid  # start_new_session makes the child the group leader
        _signal_group(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(pgid, signal.SIGKILL)
            self.process.wait(timeout=grace)
        # Workers forked by the server may outlive the leader; make sure none are left.
        _signal_group(pgid, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
            self._log = None


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _answers(host: str, port: int, path: str) -> bool:
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", path)
        conn.getresponse().read()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


@contextlib.contextmanager
def running_app(
    template: str,
    *,
    cwd: Path,
    target: str = "",
    env: Mapping[str, str] | None = None,
    ready_path: str = "/",
    deadline: float = 20.0,
    grace: float = 5.0,
    host: str = HOST,
) -> Iterator[AppProcess]:
    """Run the server described by ``template`` for the body of a ``with`` block, then stop it.

    The server is stopped whatever happens in the block, including failed assertions; ``grace``
    is the time between SIGTERM and SIGKILL.
    """
    port = free_port(host)
    argv = render_command(template, target=target, host=host, port=port)
    app = AppProcess(argv, cwd, host, port, dict(env) if env is not None else {})
    app.start()
    try:
        app.wait_ready(ready_path, deadline)
        yield app
    finally:
        app.stop(grace)
