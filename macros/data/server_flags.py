"""The command-line flags a server needs to show a feature, for the server probes to run it.

``feature_flags`` in ``data/servers/<id>.yaml`` sits beside ``run``: each entry is added to the
server's ``run`` command (at its ``{flags}`` placeholder, else at the end) when the probe of that
feature starts it. A feature without an entry is probed with the plain ``run`` command when it needs
no option (keep-alive, WebSockets, lifespan, graceful shutdown); a `no` of HTTP/2 or proxy headers
is checked on the plain command too. Any other feature without an entry is not probed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from macros.data.fields import HttpUrl, OneLine, Strict

FLAG_FIELDS = frozenset(
    {
        "host",
        "port",
        "certfile",
        "keyfile",
        "tls_port",
        "socket",
        "workers",
        "max_requests",
        "proxy",
        "static_dir",
    }
)
"""Placeholders a flag template may use (see :class:`ServerFeatureFlags` for each)."""

Flags = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\n]*$")]


class FlagSwitch(Strict):
    """Flags that turn a feature on and off (either may be empty: the server's default)."""

    on: Flags = Field(description="Flags that turn it on (empty: on by default).")
    off: Flags = Field(description="Flags that turn it off (empty: off by default).")


class ServerFeatureFlags(Strict):
    """Per feature, the flags added to the ``run`` command to show it; placeholders in braces."""

    keep_alive: OneLine | None = Field(
        default=None, description="Keep connections open (omit if it does by default)."
    )
    http2: OneLine | None = Field(
        default=None,
        description="Serve HTTP/2. With {certfile}/{keyfile} the probe speaks h2 over TLS "
        "(ALPN) on {tls_port} or {port}; without, h2c with prior knowledge on {port}.",
    )
    tls: OneLine | None = Field(
        default=None,
        description="Serve HTTPS with {certfile} and {keyfile}, on {tls_port} if used, "
        "else {port}.",
    )
    unix_socket: OneLine | None = Field(
        default=None, description="Listen on the UNIX socket {socket} (TCP may stay bound)."
    )
    process_workers: OneLine | None = Field(
        default=None, description="Run {workers} worker processes."
    )
    thread_workers: OneLine | None = Field(
        default=None, description="Run the app in several threads (omit if it does by default)."
    )
    worker_recycling: OneLine | None = Field(
        default=None,
        description="Replace a worker after {max_requests} requests (with a supervisor that "
        "starts the next one).",
    )
    reload: OneLine | None = Field(
        default=None, description="Restart when a source file of the app changes."
    )
    graceful_shutdown: OneLine | None = Field(
        default=None, description="Make SIGTERM drain open requests (omit if it does by default)."
    )
    access_log_control: FlagSwitch | None = Field(
        default=None, description="Write the access log to the output (on) or nothing (off)."
    )
    proxy_headers: OneLine | None = Field(
        default=None,
        description="Trust X-Forwarded-For / X-Forwarded-Proto from {proxy} (127.0.0.1).",
    )
    static_files: OneLine | None = Field(
        default=None, description="Serve the folder {static_dir} under the URL path /static/."
    )


class ServerFinding(Strict):
    """A claim in this file that a server probe contradicted, and its correction."""

    field: OneLine = Field(description="What was wrong, e.g. `features.tls` or `run.wsgi`.")
    was: OneLine = Field(description="The value before the probe.")
    now: OneLine = Field(description="The corrected value (the field holds it now).")
    observed: OneLine = Field(description="What the probe saw, in our own words.")
    test: OneLine = Field(description="The test id that decides it.")
    source: HttpUrl = Field(description="The page that supports the corrected value.")
    found: dt.date = Field(description="The day the probe contradicted the claim.")
