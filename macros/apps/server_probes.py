"""Which server feature cells the server probes decide (``tests/servers/test_server_probes.py``).

The probes start each server in ``data/servers/`` with a reference app (plain ASGI or WSGI, in
``tests/servers/probe_app/``), adding the flags its ``feature_flags`` declare, and check the
feature over the wire. Whether a cell is proven follows from the data alone, so the site can show
it at build time without running anything: the suite fails whenever the data and a probe disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Server

PROBE_TEST_FILE = "tests/servers/test_server_probes.py"


@dataclass(frozen=True)
class ServerProbe:
    """One feature probe: what it needs from the server, and what it checks."""

    feature: str
    checks: str
    asgi_only: bool = False
    wsgi_first: bool = False
    plain: str = ""
    """What the plain ``run`` command decides without flags: "both" (yes and no), "no" (only a
    ``no``: a yes needs its flags declared) or "" (nothing: the flags are needed)."""

    def test_id(self, server_id: str) -> str:
        """The pytest id of this probe for one server."""
        return f"{PROBE_TEST_FILE}::test_{self.feature}[{server_id}]"


PROBES: dict[str, ServerProbe] = {
    p.feature: p
    for p in (
        ServerProbe("keep_alive", "three requests answered on one TCP connection", plain="both"),
        ServerProbe(
            "http2",
            "an h2 client gets a response over HTTP/2 (TLS with ALPN, or h2c prior knowledge)",
            plain="no",
        ),
        ServerProbe("websockets", "a WebSocket echo round trip", asgi_only=True, plain="both"),
        ServerProbe("tls", "an HTTPS request with a throwaway self-signed certificate"),
        ServerProbe(
            "lifespan", "the app saw the lifespan startup event", asgi_only=True, plain="both"
        ),
        ServerProbe("unix_socket", "an HTTP request over the UNIX socket"),
        ServerProbe("process_workers", "two worker PIDs answer when two workers are asked for"),
        ServerProbe(
            "thread_workers",
            "two overlapping requests run in one process on two different threads "
            "(on WSGI where the server has it; an ASGI app runs on the event loop's thread)",
            wsgi_first=True,
            plain="both",
        ),
        ServerProbe(
            "worker_recycling",
            "with a limit of 3 requests per worker, requests spread over up to 10 s meet "
            "three worker PIDs",
        ),
        ServerProbe(
            "graceful_shutdown",
            "a request in flight when the server gets SIGTERM completes with 200",
            plain="both",
        ),
        ServerProbe(
            "reload", "after the app's file changes, a new import of the app answers within 10 s"
        ),
        ServerProbe(
            "access_log_control",
            "a request path shows in the output with the log on, and not with it off",
        ),
        ServerProbe(
            "proxy_headers",
            "X-Forwarded-For / -Proto sent from 127.0.0.1 reach the app as client address "
            "and scheme (yes: both; partial: at least one; no: neither)",
            plain="no",
        ),
        ServerProbe("static_files", "a file of the folder is served under /static/"),
    )
}

UNDECIDABLE: dict[str, str] = {
    "http3": "needs a QUIC client and a UDP set-up that the suite does not carry",
    "free_threading": "needs a free-threaded CPython build (3.13t+), which the test machines do "
    "not have",
}
"""Server features no probe decides here, and why (shown on the verification page)."""


def probe_interface(server: Server, probe: ServerProbe) -> str | None:
    """The interface (``asgi`` or ``wsgi``) the probe runs on this server, if it can."""
    wanted = ["asgi"] if probe.asgi_only else [p for p in server.protocols if p != "rsgi"]
    if probe.wsgi_first:
        wanted.sort(key=lambda p: p != "wsgi")
    return next((p for p in wanted if p in server.run), None)


def flags_for(server: Server, feature: str) -> object:
    """The server's declared flags for ``feature`` (``None`` when it declares none)."""
    return getattr(server.feature_flags, feature, None)


def proven_by(server: Server, feature: str) -> str | None:
    """The test id that proves this server's cell, or ``None`` if no probe decides it here."""
    probe = PROBES.get(feature)
    if probe is None or server.probe_skip or probe_interface(server, probe) is None:
        return None
    claim = getattr(server.features, feature, None)
    if claim is None or claim.value == "via-plugin":
        return None
    if flags_for(server, feature) is not None or probe.plain == "both":
        return probe.test_id(server.id)
    if probe.plain == "no" and claim.value == "no":
        return probe.test_id(server.id)
    return None
