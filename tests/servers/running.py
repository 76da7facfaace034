"""Start a server from its data (``run`` plus a feature's flags) with the probe app; reuse starts.

Each configuration (server, interface, flags) starts once; the plain one serves several probes.
Only one server's configurations stay up at a time: starting another server's stops them.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import wire

from macros.apps.env import ensure_env, env_vars
from macros.apps.process import HOST, AppProcess, ServerStartError, free_port
from macros.data.run_template import fill_flags, fill_template, template_fields

HERE = Path(__file__).resolve().parent
APP_DIR = HERE / "probe_app"
ENVS_DIR = HERE / "envs"
TARGETS = {"asgi": "probe_app:asgi", "wsgi": "probe_app:wsgi"}
START_DEADLINE = 25.0
STOP_GRACE = 3.0


@dataclass(frozen=True)
class Config:
    """One way to start a server: its run template, interface and filled flags."""

    server: str
    interface: str
    template: str
    flags_template: str = ""

    @property
    def uses_tls(self) -> bool:
        """The flags turn on TLS (on ``{tls_port}`` if they use it, else on ``{port}``)."""
        return "certfile" in template_fields(self.flags_template)

    @property
    def tls_on_own_port(self) -> bool:
        return "tls_port" in template_fields(self.flags_template)

    @property
    def uses_socket(self) -> bool:
        return "socket" in template_fields(self.flags_template)


@dataclass
class Running:
    """A started configuration: the process, where it listens, and its output."""

    config: Config
    app: AppProcess
    tls_port: int
    socket: str
    values: dict[str, object] = field(default_factory=dict)

    @property
    def host(self) -> str:
        return self.app.host

    @property
    def port(self) -> int:
        return self.app.port

    @property
    def https_port(self) -> int:
        """Where TLS is served when the flags turn it on."""
        return self.tls_port if self.config.tls_on_own_port else self.port

    @property
    def command(self) -> str:
        return shlex.join(self.app.argv)

    def output(self) -> str:
        return self.app.output(limit=200_000)

    def get(self, path: str, **kwargs: object) -> wire.Reply:
        """A GET over the channel this configuration opens: TLS, the UNIX socket, or TCP."""
        if self.config.uses_socket:
            return wire.get(self.host, self.port, path, uds=self.socket, **kwargs)  # type: ignore[arg-type]
        if self.config.uses_tls:
            return wire.get(self.host, self.https_port, path, tls=True, **kwargs)  # type: ignore[arg-type]
        return wire.get(self.host, self.port, path, **kwargs)  # type: ignore[arg-type]


def certificate(folder: Path) -> tuple[Path, Path] | None:
    """A throwaway self-signed certificate for localhost, made with ``openssl`` (if installed)."""
    if shutil.which("openssl") is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


class Starter:
    """Starts configurations, keeps them for reuse, stops them when another server starts."""

    def __init__(self, certificate: tuple[Path, Path] | None) -> None:
        self.certificate = certificate
        self.running: dict[Config, Running] = {}

    def requirements(self, server: str) -> Path:
        return ENVS_DIR / f"{server}.txt"

    def get(self, config: Config) -> Running:
        """The running configuration, started if needed."""
        for other in [c for c in self.running if c.server != config.server]:
            self.stop(other)
        if config not in self.running:
            self.running[config] = self.start(config)
        return self.running[config]

    def start(self, config: Config, cwd: Path = APP_DIR) -> Running:
        """Start ``config`` now, in ``cwd`` (not cached: the caller stops it)."""
        if self.certificate is None and {"certfile", "keyfile"} & template_fields(
            config.flags_template
        ):
            pytest.skip("openssl is not installed: no certificate for the TLS probes")
        cert, key = self.certificate or (Path("-"), Path("-"))
        venv = ensure_env(f"probe-{config.server}", self.requirements(config.server))
        port, tls_port = free_port(), free_port()
        folder = Path(tempfile.mkdtemp(prefix="atlas-probe-"))
        values: dict[str, object] = {
            "host": HOST,
            "port": port,
            "tls_port": tls_port,
            "certfile": cert,
            "keyfile": key,
            "socket": folder / "server.sock",
            "workers": 2,
            "max_requests": 3,
            "proxy": "127.0.0.1",
            "static_dir": cwd / "static",
        }
        flags = fill_flags(config.flags_template, values) if config.flags_template else ""
        line = fill_template(config.template, TARGETS[config.interface], HOST, port, flags)
        app = AppProcess(shlex.split(line), cwd, HOST, port, env_vars(venv))
        running = Running(config, app, tls_port, str(values["socket"]), values)
        app.start()
        try:
            _wait_ready(running)
        except BaseException:
            app.stop(STOP_GRACE)
            raise
        return running

    def stop(self, config: Config) -> None:
        running = self.running.pop(config, None)
        if running is not None:
            running.app.stop(STOP_GRACE)

    def stop_all(self) -> None:
        for config in list(self.running):
            self.stop(config)


def _wait_ready(running: Running) -> None:
    started = time.monotonic()
    process = running.app.process
    while time.monotonic() - started < START_DEADLINE:
        if process is not None and process.poll() is not None:
            raise ServerStartError(
                f"{running.command}\nexited with {process.returncode}:\n{running.output()[-3000:]}"
            )
        try:
            running.get("/plaintext", timeout=2.0)
            return
        except (OSError, wire.http.client.HTTPException):
            time.sleep(0.1)
    raise ServerStartError(
        f"{running.command}\nno answer in {START_DEADLINE} s:\n{running.output()[-3000:]}"
    )
