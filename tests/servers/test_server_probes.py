"""Server probes: run each server of ``data/servers/`` and check its feature cells over the wire.

Each ``test_<feature>[<server>]`` starts the server's pinned release (``envs/<server>.txt``) with
the reference app (``probe_app/``) through its ``run`` template plus the flags its
``feature_flags`` declare, and checks the cell both ways: a ``yes``/``partial`` the probe
contradicts fails, and so does a ``no`` it finds working, naming the data file and line. Which
cells are decided is in :mod:`macros.apps.server_probes`; the site shows those as verified.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import wire
from running import APP_DIR, Config, Running, Starter, certificate
from websockets.sync.client import connect

from macros.apps.server_probes import PROBES, ServerProbe, flags_for, probe_interface
from macros.data.dataset import DEFAULT_DATA_DIR
from macros.data.loader import read_model
from macros.data.model import Server
from macros.data.server_flags import FlagSwitch

SERVER_FILES = sorted((DEFAULT_DATA_DIR / "servers").glob("*.yaml"))
SERVER_IDS = [p.stem for p in SERVER_FILES]
FORWARDED_FOR = "203.0.113.7"


def _params() -> list[object]:
    return [
        pytest.param(s, id=s, marks=[pytest.mark.slow, pytest.mark.xdist_group(f"srv-{s}")])
        for s in SERVER_IDS
    ]


@pytest.fixture(scope="session")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Starter]:
    """Starts and reuses server configurations; stops every one at the end."""
    started = Starter(certificate(tmp_path_factory.mktemp("tls")))
    yield started
    started.stop_all()


@dataclass
class Claim:
    """A server's cell of one feature, where it is written, and how the probe runs."""

    server: Server
    probe: ServerProbe
    value: str
    where: str
    interface: str

    def config(self, flags: str = "") -> Config:
        return Config(self.server.id, self.interface, self.server.run[self.interface], flags)

    def fail(self, message: str, running: Running | None = None) -> None:
        context = ""
        if running is not None:
            context = f"\ncommand: {running.command}\noutput:\n{running.output()[-2000:]}"
        pytest.fail(f"{self.where}: features.{self.probe.feature}: {message}{context}")


def claim_of(server_id: str, feature: str) -> Claim:
    """The cell under test, or a skip saying why no probe decides it."""
    path = DEFAULT_DATA_DIR / "servers" / f"{server_id}.yaml"
    server, doc, problems = read_model(path, DEFAULT_DATA_DIR, Server)
    if server is None or doc is None:
        pytest.fail(f"data/servers/{server_id}.yaml cannot be read: {problems}")
    probe = PROBES[feature]
    line = doc.position_of(("features", feature)).line
    where = f"data/servers/{server_id}.yaml:{line}"
    if server.probe_skip:
        pytest.skip(f"{where}: {server.probe_skip}")
    interface = probe_interface(server, probe)
    if interface is None:
        wanted = "run.asgi" if probe.asgi_only else "run"
        pytest.skip(f"{server_id} has no {wanted} template, so the probe cannot start it")
    cell = getattr(server.features, feature)
    if cell is None:
        pytest.fail(f"{where}: features.{feature} is not set")
    if cell.value == "via-plugin":
        pytest.skip(
            f"{where}: via-plugin ({', '.join(cell.plugin + cell.via)}): not the server's own"
        )
    flags = flags_for(server, feature)
    if flags is None and probe.plain != "both" and not (probe.plain == "no" and cell.value == "no"):
        pytest.skip(
            f"{where}: {cell.value}, but no feature_flags.{feature} in data/servers/"
            f"{server_id}.yaml, so nothing to start it with"
        )
    return Claim(server, probe, cell.value, where, interface)


Verdict = tuple[bool, str]


def decide(claim: Claim, works: bool, detail: str, running: Running | None = None) -> None:
    """Hold the cell to what the probe saw, both ways."""
    if claim.value in ("yes", "partial") and not works:
        claim.fail(f"{claim.value!r}, but the probe found it not working: {detail}", running)
    if claim.value == "no" and works:
        claim.fail(f"'no', but the probe found it working: {detail}: correct the data", running)


def _flag_text(claim: Claim) -> str:
    flags = flags_for(claim.server, claim.probe.feature)
    return flags if isinstance(flags, str) else ""


def _plain_or_flagged(starter: Starter, claim: Claim) -> Running:
    return starter.get(claim.config(_flag_text(claim)))


# --- protocols -------------------------------------------------------------------------------


@pytest.mark.parametrize("server_id", _params())
def test_keep_alive(server_id: str, starter: Starter) -> None:
    """Three requests on one connection: the server must not close it in between."""
    claim = claim_of(server_id, "keep_alive")
    running = _plain_or_flagged(starter, claim)
    conn = wire.CountingConnection(running.host, running.port, timeout=wire.TIMEOUT)
    try:
        replies = [wire.send(conn, "/plaintext") for _ in range(3)]
    finally:
        conn.close()
    ok = all(r.status == 200 for r in replies)
    decide(claim, ok and conn.connects == 1, f"{conn.connects} connection(s) for 3 requests")


@pytest.mark.parametrize("server_id", _params())
def test_http2(server_id: str, starter: Starter) -> None:
    """An h2 client gets a response: TLS (ALPN h2) if the flags use a certificate, else h2c."""
    claim = claim_of(server_id, "http2")
    tries: list[tuple[Running, bool]] = []
    flags = flags_for(claim.server, "http2")
    if isinstance(flags, str):
        running = starter.get(claim.config(flags))
        tries.append((running, running.config.uses_tls))
    else:  # a "no": neither h2c on the plain command nor h2 over its TLS flags, if it has them
        tries.append((starter.get(claim.config()), False))
        tls = flags_for(claim.server, "tls")
        if isinstance(tls, str):
            tries.append((starter.get(claim.config(tls)), True))
    details = []
    for running, tls_on in tries:
        port = running.https_port if tls_on else running.port
        try:
            status, body = wire.h2_get(running.host, port, "/plaintext", tls=tls_on)
        except (OSError, ValueError) as exc:
            details.append(f"{'h2 over TLS' if tls_on else 'h2c'}: {exc}")
            continue
        works = status == 200 and body == b"Hello, World!"
        decide(claim, works, f"HTTP/2 answered {status} {body[:40]!r}", running)
        return
    decide(claim, False, "; ".join(details), tries[0][0])


@pytest.mark.parametrize("server_id", _params())
def test_websockets(server_id: str, starter: Starter) -> None:
    """A WebSocket message to /ws comes back unchanged."""
    claim = claim_of(server_id, "websockets")
    running = _plain_or_flagged(starter, claim)
    message = f"hello atlas {uuid.uuid4().hex[:6]}"
    try:
        with connect(
            f"ws://{running.host}:{running.port}/ws", open_timeout=5, close_timeout=1
        ) as ws:
            ws.send(message)
            echoed = ws.recv(timeout=5)
    except Exception as exc:  # any failure to connect or echo is the finding
        decide(claim, False, f"{type(exc).__name__}: {exc}", running)
        return
    decide(claim, echoed == message, f"sent {message!r}, got {echoed!r}", running)


@pytest.mark.parametrize("server_id", _params())
def test_tls(server_id: str, starter: Starter) -> None:
    """An HTTPS request with the throwaway certificate gets the app's answer."""
    claim = claim_of(server_id, "tls")
    running = starter.get(claim.config(_flag_text(claim)))
    reply = wire.get(running.host, running.https_port, "/plaintext", tls=True)
    decide(claim, reply.status == 200 and reply.body == b"Hello, World!", f"{reply}", running)


@pytest.mark.parametrize("server_id", _params())
def test_lifespan(server_id: str, starter: Starter) -> None:
    """The app's lifespan startup handler ran before it served a request."""
    claim = claim_of(server_id, "lifespan")
    running = _plain_or_flagged(starter, claim)
    info = running.get("/info").json() or {}
    started = bool(info.get("lifespan_started"))
    decide(claim, started, f"lifespan_started is {started}", running)


@pytest.mark.parametrize("server_id", _params())
def test_unix_socket(server_id: str, starter: Starter) -> None:
    """A request over the UNIX socket the flags name gets the app's answer."""
    claim = claim_of(server_id, "unix_socket")
    running = starter.get(claim.config(_flag_text(claim)))
    reply = wire.get(running.host, running.port, "/plaintext", uds=running.socket)
    decide(claim, reply.status == 200, f"{reply}", running)


# --- processes -------------------------------------------------------------------------------


def _pids(running: Running, rounds: int, parallel: int, delay_ms: int) -> list[int]:
    def one(_: int) -> int | None:
        for _attempt in range(20):
            try:
                info = running.get(f"/info?block={delay_ms}").json()
                return int(info["pid"]) if info else None
            except (OSError, wire.http.client.HTTPException):
                time.sleep(0.2)  # a worker being replaced
        return None

    seen: list[int] = []
    with ThreadPoolExecutor(parallel) as pool:
        for _ in range(rounds):
            seen += [p for p in pool.map(one, range(parallel)) if p is not None]
            if parallel > 1 and len(set(seen)) >= 2:
                break
    return seen


@pytest.mark.parametrize("server_id", _params())
def test_process_workers(server_id: str, starter: Starter) -> None:
    """With two workers asked for, two different PIDs answer."""
    claim = claim_of(server_id, "process_workers")
    running = starter.get(claim.config(_flag_text(claim)))
    pids = set(_pids(running, rounds=15, parallel=4, delay_ms=300))
    decide(claim, len(pids) >= 2, f"worker PIDs seen: {sorted(pids)}", running)


@pytest.mark.parametrize("server_id", _params())
def test_worker_recycling(server_id: str, starter: Starter) -> None:
    """With a limit of 3 requests per worker, requests for up to 10 s meet three worker PIDs.

    Servers check the limit on a timer (Uvicorn every tick, uWSGI's master every second), so the
    requests are spread out rather than sent at once.
    """
    claim = claim_of(server_id, "worker_recycling")
    running = starter.get(claim.config(_flag_text(claim)))
    pids: list[int] = []
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline and len(set(pids)) < 3:
        pids += _pids(running, rounds=1, parallel=1, delay_ms=0)
        time.sleep(0.15)
    decide(
        claim, len(set(pids)) >= 3, f"PIDs over {len(pids)} requests: {sorted(set(pids))}", running
    )


@pytest.mark.parametrize("server_id", _params())
def test_graceful_shutdown(server_id: str, starter: Starter, tmp_path: Path) -> None:
    """A slow request in flight when the server process gets SIGTERM still completes."""
    claim = claim_of(server_id, "graceful_shutdown")
    running = starter.start(claim.config(_flag_text(claim)))
    result: list[object] = []
    mark = tmp_path / "in-flight"

    def slow() -> None:
        try:
            result.append(running.get(f"/slow?ms=2500&mark={mark}", timeout=15.0))
        except Exception as exc:  # a cut connection is the finding
            result.append(exc)

    try:
        thread = threading.Thread(target=slow)
        thread.start()
        deadline = time.monotonic() + 10.0
        while not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # SIGTERM only once the app is inside the request
        time.sleep(0.3)
        assert running.app.process is not None
        os.kill(running.app.process.pid, signal.SIGTERM)
        thread.join(20)
        reply = result[0] if result else None
        works = isinstance(reply, wire.Reply) and reply.status == 200 and reply.body == b"done"
        decide(claim, works, f"in-flight request got {reply!r}", running)
    finally:
        running.app.stop(3.0)


@pytest.mark.parametrize("server_id", _params())
def test_thread_workers(server_id: str, starter: Starter) -> None:
    """Two overlapping slow requests are served by one process on two threads."""
    claim = claim_of(server_id, "thread_workers")
    running = _plain_or_flagged(starter, claim)
    with ThreadPoolExecutor(2) as pool:
        infos = list(pool.map(lambda _: running.get("/info?ms=600").json() or {}, range(2)))
    pids = {i.get("pid") for i in infos}
    threads = {(i.get("pid"), i.get("thread")) for i in infos}
    works = len(pids) == 1 and len(threads) == 2
    decide(claim, works, f"PIDs {sorted(map(str, pids))}, {len(threads)} thread(s)", running)


@pytest.mark.parametrize("server_id", _params())
def test_reload(server_id: str, starter: Starter, tmp_path: Path) -> None:
    """After the app's source changes, the app is imported again (a new boot mark answers)."""
    claim = claim_of(server_id, "reload")
    folder = tmp_path / "app"
    shutil.copytree(APP_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    running = starter.start(claim.config(_flag_text(claim)), cwd=folder)
    try:
        before = (running.get("/info").json() or {}).get("boot")
        time.sleep(1.5)  # past the first scan of pollers (uWSGI checks every second)
        source = folder / "probe_app.py"
        source.write_text(source.read_text() + "\n# touched by test_reload\n")
        after, deadline = before, time.monotonic() + 10.0
        while after == before and time.monotonic() < deadline:
            time.sleep(0.3)
            with contextlib.suppress(OSError, wire.http.client.HTTPException):  # restarting
                after = (running.get("/info", timeout=2.0).json() or {}).get("boot")
        decide(claim, after != before, f"boot mark before {before}, after {after}", running)
    finally:
        running.app.stop(3.0)


# --- operations ------------------------------------------------------------------------------


@pytest.mark.parametrize("server_id", _params())
def test_access_log_control(server_id: str, starter: Starter) -> None:
    """A request path appears in the server's output with the log on, and not with it off."""
    claim = claim_of(server_id, "access_log_control")
    switch = flags_for(claim.server, "access_log_control")
    assert isinstance(switch, FlagSwitch)
    logged = {}
    for state, flags in (("on", switch.on), ("off", switch.off)):
        running = starter.get(claim.config(flags))
        marker = f"/atlas-log-{uuid.uuid4().hex[:10]}"
        running.get(marker)
        running.get(marker)
        time.sleep(0.5)
        logged[state] = marker in running.output()
    works = logged["on"] and not logged["off"]
    decide(
        claim, works, f"path in the output with the log on: {logged['on']}, off: {logged['off']}"
    )


@pytest.mark.parametrize("server_id", _params())
def test_proxy_headers(server_id: str, starter: Starter) -> None:
    """X-Forwarded-For / -Proto from 127.0.0.1 become the client address and scheme the app sees."""
    claim = claim_of(server_id, "proxy_headers")
    running = _plain_or_flagged(starter, claim)
    headers = {"X-Forwarded-For": FORWARDED_FOR, "X-Forwarded-Proto": "https"}
    info = running.get("/info", headers=headers).json() or {}
    address, scheme = info.get("client") == FORWARDED_FOR, info.get("scheme") == "https"
    detail = f"the app saw client {info.get('client')!r} and scheme {info.get('scheme')!r}"
    if claim.value == "yes" and address != scheme:
        claim.fail(f"'yes', but only the {'address' if address else 'scheme'} is used: {detail}")
    decide(claim, address or scheme, detail, running)


@pytest.mark.parametrize("server_id", _params())
def test_static_files(server_id: str, starter: Starter) -> None:
    """A file of the folder the flags name is served under /static/ (the app answers 404 there)."""
    claim = claim_of(server_id, "static_files")
    running = starter.get(claim.config(_flag_text(claim)))
    expected = (APP_DIR / "static" / "probe.txt").read_bytes()
    reply = running.get("/static/probe.txt")
    decide(claim, reply.status == 200 and reply.body == expected, f"{reply}", running)


PROBE_TESTS: dict[str, Callable[..., None]] = {
    name.removeprefix("test_"): value
    for name, value in list(globals().items())
    if name.startswith("test_") and callable(value)
}


def test_every_probe_has_a_test() -> None:
    """The catalogue the site reads and this module agree."""
    assert sorted(PROBE_TESTS) == sorted(PROBES)


def test_pins_match_the_examples() -> None:
    """A server the examples also run is probed at the release they pin."""
    pins: dict[str, str] = {}
    for path in (APP_DIR.parents[2] / "examples").glob("*/requirements.txt"):
        pins.update(_pins(path))
    for path in sorted((APP_DIR.parent / "envs").glob("*.txt")):
        for name, version in _pins(path).items():
            if name in pins:
                assert version == pins[name], (
                    f"{path.name}: {name}=={version}, examples pin {pins[name]}"
                )


def _pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        text = line.split("#", 1)[0].strip()
        if "==" in text:
            name, version = text.split("==", 1)
            found[name.split("[", 1)[0].strip().lower()] = version.strip()
    return found
