"""Clients for the server probes: HTTP/1.1 over TCP, TLS or a UNIX socket, and HTTP/2 (h2)."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from typing import Any

import h2.config
import h2.connection
import h2.events

TIMEOUT = 5.0


@dataclass(frozen=True)
class Reply:
    """An HTTP response, read in full."""

    status: int
    body: bytes
    will_close: bool = False

    def json(self) -> Any:
        """The body as JSON, or ``None``."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def tls_context(alpn: list[str] | None = None) -> ssl.SSLContext:
    """A client context that accepts the throwaway self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if alpn:
        context.set_alpn_protocols(alpn)
    return context


class CountingConnection(http.client.HTTPConnection):
    """An HTTP/1.1 connection that counts how often it had to (re)connect."""

    connects = 0

    def connect(self) -> None:
        self.connects += 1
        super().connect()


class UnixConnection(http.client.HTTPConnection):
    """HTTP over a UNIX domain socket."""

    def __init__(self, path: str, timeout: float = TIMEOUT) -> None:
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.socket_path)
        self.sock = sock


def connection(
    host: str, port: int, *, tls: bool = False, uds: str | None = None, timeout: float = TIMEOUT
) -> http.client.HTTPConnection:
    """A new HTTP/1.1 connection (not yet opened) over TCP, TLS or a UNIX socket."""
    if uds:
        return UnixConnection(uds, timeout)
    if tls:
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=tls_context())
    return http.client.HTTPConnection(host, port, timeout=timeout)


def send(
    conn: http.client.HTTPConnection, path: str, headers: dict[str, str] | None = None
) -> Reply:
    """One GET on ``conn``, read in full."""
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    return Reply(response.status, body, response.will_close)


def get(
    host: str,
    port: int,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    tls: bool = False,
    uds: str | None = None,
    timeout: float = TIMEOUT,
) -> Reply:
    """One GET on a fresh connection, closed afterwards."""
    conn = connection(host, port, tls=tls, uds=uds, timeout=timeout)
    try:
        return send(conn, path, headers)
    finally:
        conn.close()


def h2_get(host: str, port: int, path: str, *, tls: bool) -> tuple[int, bytes]:
    """GET over HTTP/2: TLS with ALPN ``h2``, or cleartext h2c with prior knowledge.

    Raises ``OSError`` or ``ValueError`` (with the reason) when the server does not speak HTTP/2.
    """
    raw = socket.create_connection((host, port), timeout=TIMEOUT)
    sock: socket.socket = raw
    try:
        if tls:
            sock = tls_context(["h2", "http/1.1"]).wrap_socket(raw, server_hostname="localhost")
            chosen = sock.selected_alpn_protocol()  # type: ignore[attr-defined]
            if chosen != "h2":
                raise ValueError(f"ALPN chose {chosen!r}, not 'h2'")
        return _h2_exchange(sock, f"{host}:{port}", path, "https" if tls else "http")
    finally:
        sock.close()


def _h2_exchange(sock: socket.socket, authority: str, path: str, scheme: str) -> tuple[int, bytes]:
    conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
    conn.initiate_connection()
    sock.sendall(conn.data_to_send())
    headers = [(":method", "GET"), (":path", path), (":scheme", scheme), (":authority", authority)]
    conn.send_headers(1, headers, end_stream=True)
    sock.sendall(conn.data_to_send())
    status, body = 0, b""
    while True:
        data = sock.recv(65535)
        if not data:
            raise ValueError("the server closed the connection without an HTTP/2 response")
        try:
            events = conn.receive_data(data)
        except Exception as exc:  # h2 rejects a non-HTTP/2 answer (an HTTP/1.1 400, say)
            raise ValueError(f"not HTTP/2: {type(exc).__name__}: {data[:60]!r}") from exc
        for event in events:
            if isinstance(event, h2.events.ResponseReceived):
                status = int(dict(event.headers)[b":status"])
            elif isinstance(event, h2.events.DataReceived):
                body += event.data
                conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, h2.events.StreamEnded):
                return status, body
            elif isinstance(event, h2.events.ConnectionTerminated):
                raise ValueError(f"the server ended the HTTP/2 connection ({event.error_code})")
        sock.sendall(conn.data_to_send())
