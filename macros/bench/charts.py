"""Plotly figures and their data tables, built from result files (never from typed numbers).

Each builder returns a :class:`Chart`: the figure as plain JSON-ready data (``template="none"``
keeps it small), a table with the same numbers for readers without JavaScript or sight, and a
one-line summary for the figure's accessible name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]

from macros.data.bench_model import HttpResult, HttpRun, MicroResult, MicroRun

SERVER_ORDER = ("uvicorn", "granian", "hypercorn", "gunicorn", "waitress")
LIBRARY_NAMES = {
    "pydantic": "Pydantic v2",
    "msgspec": "msgspec",
    "stdlib": "json + dataclasses",
    "orjson": "orjson + dataclasses",
}
OPERATION_NAMES = {
    "encode": "encode",
    "decode": "decode + validate",
    "roundtrip": "decode + validate + encode",
}


def server_rank(server: str) -> tuple[int, str]:
    """Sort key of a server: the known ones in ``SERVER_ORDER``, then the others by name."""
    return (SERVER_ORDER.index(server) if server in SERVER_ORDER else len(SERVER_ORDER), server)


@dataclass(frozen=True)
class Chart:
    """A figure plus the table that carries the same numbers."""

    key: str
    title: str
    figure: dict[str, Any]
    headers: list[str]
    rows: list[list[str]]
    summary: str
    notes: list[str] = field(default_factory=list)


def _layout(
    fig: go.Figure,
    title: str,
    y_title: str,
    log: bool = False,
    categories: list[str] | None = None,
) -> dict[str, Any]:
    """Shared layout; ``categories`` fixes the x order (else plotly orders by first trace)."""
    xaxis: dict[str, Any] = {"automargin": True}
    if categories:
        xaxis |= {"categoryorder": "array", "categoryarray": categories}
    fig.update_layout(
        template="none",
        title={"text": title},
        barmode="group",
        height=460,
        margin={"l": 70, "r": 20, "t": 60, "b": 110},
        legend={"orientation": "h", "y": -0.25},
        yaxis={
            "title": {"text": y_title},
            "type": "log" if log else "linear",
            "zeroline": True,
            "gridcolor": "#ddd",
        },
        xaxis=xaxis,
    )
    data: dict[str, Any] = fig.to_plotly_json()
    return data


def span(low: str, high: str) -> str:
    """``low`` and ``high`` joined by an en dash."""
    return f"{low}\u2013{high}"


def _fmt(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "\u2013"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.{digits}g}"


def ok_results(run: HttpRun, test: str) -> list[HttpResult]:
    """Results of one test that were measured, reference first, then by framework and server."""
    ref = run.method.reference
    found = [r for r in run.results if r.test == test and r.status == "ok"]
    return sorted(
        found,
        key=lambda r: (
            (r.framework, r.server) != (ref.framework, ref.server),
            r.framework,
            server_rank(r.server),
        ),
    )


def _frameworks(results: list[HttpResult]) -> list[str]:
    seen: list[str] = []
    for r in results:
        if r.framework not in seen:
            seen.append(r.framework)
    return seen


def _own_server(r: HttpResult) -> str:
    return "own server" if r.server == r.framework else r.server


def _servers_by_legend(results: list[HttpResult]) -> list[str]:
    """Legend entries: known servers in a fixed order, then "own server" and any others."""
    return sorted(
        {_own_server(r) for r in results},
        key=server_rank,
    )


def ratio_chart(run: HttpRun, test: str) -> Chart:
    """Grouped bars (framework x server) of the median ratio to the reference, CI as error bars."""
    results = [r for r in ok_results(run, test) if r.ratio is not None]
    fig = go.Figure()
    for server in _servers_by_legend(results):
        group = [r for r in results if _own_server(r) == server]
        fig.add_bar(
            name=server,
            x=[r.framework for r in group],
            y=[r.ratio.median for r in group if r.ratio],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [round(r.ratio.high - r.ratio.median, 4) for r in group if r.ratio],
                "arrayminus": [round(r.ratio.median - r.ratio.low, 4) for r in group if r.ratio],
            },
            hovertemplate="%{x} on " + server + ": %{y:.2f}\u00d7 reference<extra></extra>",
        )
    ref = run.method.reference
    title = f"{test}: req/s relative to {ref.framework} on {ref.server} (= 1)"
    rows = [
        [
            r.framework,
            r.server,
            _fmt(r.ratio.median),
            span(_fmt(r.ratio.low), _fmt(r.ratio.high)),
            _fmt(r.cv, 2),
        ]
        for r in results
        if r.ratio
    ]
    best = max(results, key=lambda r: r.ratio.median if r.ratio else 0, default=None)
    summary = (
        f"Bar chart of {len(results)} framework and server pairs; highest ratio "
        f"{best.framework} on {best.server} at {_fmt(best.ratio.median)}\u00d7."
        if best and best.ratio
        else "No measured results."
    )
    return Chart(
        f"{run.id}-{test}-ratio",
        title,
        _layout(fig, title, "ratio to reference (95 % CI)", categories=_frameworks(results)),
        ["Framework", "Server", "Ratio (median)", "95 % CI", "CV of req/s"],
        rows,
        summary,
    )


def rps_chart(run: HttpRun, test: str) -> Chart:
    """Grouped bars of the median req/s with min-max error bars (indicative only)."""
    results = ok_results(run, test)
    fig = go.Figure()
    for server in _servers_by_legend(results):
        group = [r for r in results if _own_server(r) == server]
        fig.add_bar(
            name=server,
            x=[r.framework for r in group],
            y=[r.median_rps for r in group],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [round((r.max_rps or 0) - (r.median_rps or 0), 1) for r in group],
                "arrayminus": [round((r.median_rps or 0) - (r.min_rps or 0), 1) for r in group],
            },
            hovertemplate="%{x} on " + server + ": %{y:,.0f} req/s<extra></extra>",
        )
    title = f"{test}: requests per second (median of rounds, min\u2013max bars; indicative)"
    rows = [
        [
            r.framework,
            r.server,
            _fmt(r.median_rps),
            span(_fmt(r.min_rps), _fmt(r.max_rps)),
            r.json_library or "\u2013",
            str(r.errors.non_2xx),
            str(r.errors.socket),
        ]
        for r in results
    ]
    return Chart(
        f"{run.id}-{test}-rps",
        title,
        _layout(fig, title, "req/s", categories=_frameworks(results)),
        [
            "Framework",
            "Server",
            "Median req/s",
            "Min\u2013max",
            "JSON library",
            "Non-2xx",
            "Socket errors",
        ],
        rows,
        f"Bar chart of median requests per second for {len(results)} pairs.",
    )


def latency_chart(run: HttpRun, test: str) -> Chart:
    """p50 and p99 latency per framework and server (log scale)."""
    results = ok_results(run, test)
    labels = [f"{r.framework} · {r.server}" for r in results]
    fig = go.Figure()
    fig.add_bar(name="p50", x=labels, y=[r.latency_p50_ms for r in results])
    fig.add_bar(name="p99", x=labels, y=[r.latency_p99_ms for r in results])
    title = f"{test}: latency at {run.method.connections} connections (median of rounds)"
    rows = [
        [r.framework, r.server, _fmt(r.latency_p50_ms), _fmt(r.latency_p99_ms)] for r in results
    ]
    return Chart(
        f"{run.id}-{test}-latency",
        title,
        _layout(fig, title, "ms (log scale)", log=True),
        ["Framework", "Server", "p50 (ms)", "p99 (ms)"],
        rows,
        f"Bar chart of median and 99th percentile latency for {len(results)} pairs.",
    )


def _micro_ok(run: MicroRun, group: str) -> list[MicroResult]:
    return [r for r in run.results if r.group == group and r.status == "ok"]


def serialization_chart(run: MicroRun, metric: str) -> Chart:
    """Per-operation cost of each library: ``wall`` (ns/op) or ``instructions`` (per op)."""
    results = _micro_ok(run, "serialization")
    fig = go.Figure()
    libs = [lib for lib in LIBRARY_NAMES if any(r.subject == lib for r in results)]
    for op, op_name in OPERATION_NAMES.items():
        group = {r.subject: r for r in results if r.operation == op}
        values = [
            (group[lib].ns_per_op if metric == "wall" else group[lib].instructions_per_op)
            if lib in group
            else None
            for lib in libs
        ]
        fig.add_bar(name=op_name, x=[LIBRARY_NAMES[lib] for lib in libs], y=values)
    unit = (
        "ns per operation (median of repeats)"
        if metric == "wall"
        else "instructions per operation (Cachegrind)"
    )
    title = f"Serializing a user object: {unit}"
    rows = [
        [
            LIBRARY_NAMES.get(r.subject, r.subject),
            OPERATION_NAMES.get(r.operation, r.operation),
            _fmt(r.ns_per_op),
            _fmt(r.cv, 2),
            _fmt(r.instructions_per_op),
        ]
        for r in results
    ]
    return Chart(
        f"{run.id}-serialization-{metric}",
        title,
        _layout(fig, title, unit),
        ["Library", "Operation", "ns/op", "CV", "Instructions/op"],
        rows,
        f"Bar chart of {unit} for {len(libs)} libraries and 3 operations.",
    )


def _ms(seconds: float | None) -> float | None:
    return round(seconds * 1000, 2) if seconds is not None else None


def cold_start_chart(run: MicroRun) -> Chart:
    """Import + app creation time per framework, with and without compiled bytecode."""
    results = _micro_ok(run, "cold-start")
    frameworks = sorted({r.subject for r in results})
    fig = go.Figure()
    for mode, name in (("bytecode", "compiled bytecode"), ("source", "from source")):
        by = {r.subject: r for r in results if r.id.endswith("/" + mode)}
        fig.add_bar(
            name=name,
            x=frameworks,
            y=[_ms(by[f].median_seconds) if f in by else None for f in frameworks],
        )
    title = "Cold start: import + app creation (ms, median of repeats)"
    rows = []
    for f in frameworks:
        by = {r.id.rsplit("/", 1)[1]: r for r in results if r.subject == f}
        rows.append(
            [f]
            + [
                _fmt((by[m].median_seconds or 0) * 1000) if m in by else "\u2013"
                for m in ("bytecode", "source")
            ]
        )
    return Chart(
        f"{run.id}-cold-start",
        title,
        _layout(fig, title, "ms"),
        ["Framework", "With bytecode (ms)", "From source (ms)"],
        rows,
        f"Bar chart of cold-start time for {len(frameworks)} frameworks.",
    )


def runtime_chart(run: MicroRun) -> Chart:
    """The same ASGI call on each CPython: ns and instructions per call."""
    results = sorted(_micro_ok(run, "runtime"), key=lambda r: r.subject)
    fig = go.Figure()
    fig.add_bar(
        name="ns per call", x=[r.subject for r in results], y=[r.ns_per_op for r in results]
    )
    fig.add_bar(
        name="thousand instructions per call",
        x=[r.subject for r in results],
        y=[(r.instructions_per_op or 0) / 1000 or None for r in results],
    )
    title = "Starlette plaintext via ASGI, in-process, per CPython"
    rows = [
        [
            r.subject,
            ", ".join(r.notes) or "\u2013",
            _fmt(r.ns_per_op),
            _fmt(r.cv, 2),
            _fmt(r.instructions_per_op),
        ]
        for r in results
    ]
    return Chart(
        f"{run.id}-runtime",
        title,
        _layout(fig, title, "per call"),
        ["Python", "Build", "ns/call", "CV", "Instructions/call"],
        rows,
        f"Bar chart of the cost of one ASGI call on {len(results)} Python versions.",
    )
