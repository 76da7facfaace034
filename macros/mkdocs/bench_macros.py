"""Benchmark macros for the Markdown pages: charts, result tables, provenance, claims ledger.

Registered by ``macros.define_env``; every macro returns a stashed HTML placeholder
(:func:`macros.mkdocs.state.stash`), so result text never passes through Markdown or Jinja.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.bench import charts as bench_charts
from macros.bench.answer import answer_html
from macros.bench.charts import span
from macros.bench.claims import judge
from macros.bench.databases import databases_html
from macros.bench.headline import framework_answer_html, server_answer_html
from macros.bench.outside import outside_html, runs_to_compare
from macros.bench.production import production_html
from macros.bench.render import (
    RUNS_PAGE,
    chart_html,
    claims_html,
    method_html,
    provenance_html,
    relative,
    runs_table_html,
    table_html,
)
from macros.bench.select import newest_run, shown_http_runs
from macros.data.bench_model import BenchmarkRun, HttpRun, MicroRun
from macros.data.memo import Memo, digest
from macros.data.model import Server
from macros.mkdocs import state as site_state

HTTP_CHARTS: dict[str, Callable[[HttpRun, str], bench_charts.Chart]] = {
    "ratio": bench_charts.ratio_chart,
    "rps": bench_charts.rps_chart,
    "latency": bench_charts.latency_chart,
}
MICRO_CHARTS: dict[str, Callable[[MicroRun], bench_charts.Chart]] = {
    "serialization-wall": lambda run: bench_charts.serialization_chart(run, "wall"),
    "serialization-instructions": lambda run: bench_charts.serialization_chart(run, "instructions"),
    "cold-start": bench_charts.cold_start_chart,
    "runtime": bench_charts.runtime_chart,
}


_CHARTS: Memo[bench_charts.Chart] = Memo("charts", persist=True)
"""Charts by name, test and the SHA-256 of the run's data (a chart depends on its run alone)."""


def _chart(name: str, test: str, run: BenchmarkRun) -> bench_charts.Chart:
    def build() -> bench_charts.Chart:
        if isinstance(run, HttpRun):
            return HTTP_CHARTS[name](run, test)
        assert isinstance(run, MicroRun)
        return MICRO_CHARTS[name](run)

    return _CHARTS.get((name, test, digest(run.model_dump_json())), build)


def latest(kind: str, run_id: str | None = None, test: str | None = None) -> BenchmarkRun | None:
    """Run ``run_id``, or the newest full (not quick) run of ``kind`` (with results for ``test``,
    if given), else the newest of any."""
    runs = site_state.dataset().benchmarks
    if run_id is not None:
        if run_id not in runs:
            raise KeyError(f"no benchmark run {run_id!r} in data/benchmarks/")
        return runs[run_id]
    return newest_run(runs.values(), kind, test)


def _none(kind: str) -> str:
    return site_state.stash(
        f'<p class="atlas-bench-empty">No {kind} benchmark results yet: '
        f"run <code>uv run atlas bench{'-micro' if kind == 'micro' else ''}"
        "</code>.</p>"
    )


def register(env: Any) -> None:
    """Declare the benchmark macros on the mkdocs-macros environment."""

    def page_url() -> str:
        page = getattr(env, "page", None)
        return str(page.url) if page is not None else ""

    @env.macro  # type: ignore[untyped-decorator]
    def bench_chart(chart: str, test: str = "plaintext", run: str | None = None) -> str:
        """One chart (``ratio``/``rps``/``latency`` for a test, or a micro chart)."""
        if chart in HTTP_CHARTS:
            found = latest("http", run, test)
            if not isinstance(found, HttpRun):
                return _none("http")
            return site_state.stash(chart_html(_chart(chart, test, found), found, page_url()))
        if chart not in MICRO_CHARTS:
            raise ValueError(
                f"unknown chart {chart!r}: one of {', '.join([*HTTP_CHARTS, *MICRO_CHARTS])}"
            )
        micro = latest("micro", run)
        if not isinstance(micro, MicroRun):
            return _none("micro")
        return site_state.stash(chart_html(_chart(chart, "", micro), micro, page_url()))

    @env.macro  # type: ignore[untyped-decorator]
    def bench_results_table(test: str | None = None, run: str | None = None) -> str:
        """Every HTTP result (of one test, if given), failed and skipped ones with their reason."""
        found = latest("http", run, test)
        if not isinstance(found, HttpRun):
            return _none("http")
        rows = [
            [
                r.test,
                r.framework,
                r.server,
                r.status,
                f"{r.median_rps:,.0f}" if r.median_rps else "\u2013",
                f"{r.ratio.median:.2f} ({span(f'{r.ratio.low:.2f}', f'{r.ratio.high:.2f}')})"
                if r.ratio
                else "\u2013",
                f"{r.cv:.2f}" if r.cv is not None else "\u2013",
                r.json_library or "\u2013",
                r.reason or "",
            ]
            for r in found.results
        ]
        return site_state.stash(
            table_html(
                [
                    "Test",
                    "Framework",
                    "Server",
                    "Status",
                    "Median req/s",
                    "Ratio (95 % CI)",
                    "CV",
                    "JSON library",
                    "Reason",
                ],
                rows,
            )
        )

    @env.macro  # type: ignore[untyped-decorator]
    def bench_method(test: str | None = None, run: str | None = None) -> str:
        """Method parameters of an HTTP run (the newest with results for ``test``)."""
        found = latest("http", run, test)
        return site_state.stash(method_html(found)) if isinstance(found, HttpRun) else _none("http")

    @env.macro  # type: ignore[untyped-decorator]
    def bench_provenance(
        kind: str = "http", test: str | None = None, run: str | None = None
    ) -> str:
        """Provenance of the newest run of ``kind`` (``http`` or ``micro``), optionally with
        results for ``test``."""
        found = latest(kind, run, test)
        return site_state.stash(provenance_html(found)) if found else _none(kind)

    @env.macro  # type: ignore[untyped-decorator]
    def bench_production() -> str:
        """The production settings of every measured command, from data."""
        dataset = site_state.dataset()
        servers = [e for e in dataset.entities.values() if isinstance(e, Server)]
        return site_state.stash(production_html(servers, list(dataset.examples.values())))

    @env.macro  # type: ignore[untyped-decorator]
    def bench_databases() -> str:
        """Driver, pool size and template of every example's database endpoints, from data."""
        return site_state.stash(databases_html(list(site_state.dataset().examples.values())))

    @env.macro  # type: ignore[untyped-decorator]
    def bench_outside() -> str:
        """Published independent results beside the two newest Atlas runs of each test."""
        dataset = site_state.dataset()
        if dataset.outside is None:
            return site_state.stash("<p>No outside results recorded.</p>")
        http = [r for r in dataset.benchmarks.values() if isinstance(r, HttpRun)]
        by_test = {t: runs_to_compare(http, t) for t in ("plaintext", "json")}
        labels = {r.id: f"{r.provenance.date} run" for runs in by_test.values() for r in runs}
        html = outside_html(dataset.outside.sources, by_test, dataset.examples, labels)
        return site_state.stash(html)

    @env.macro  # type: ignore[untyped-decorator]
    def bench_answer() -> str:
        """Per test on show: the fastest and slowest pair and how far apart they are."""
        html = answer_html(site_state.dataset().benchmarks.values())
        return site_state.stash(html) if html else _none("http")

    @env.macro  # type: ignore[untyped-decorator]
    def bench_runs() -> str:
        """Every committed run, marking those the pages draw from."""
        runs = list(site_state.dataset().benchmarks.values())
        micro = latest("micro")
        newest = {r.id for r in shown_http_runs(runs).values()} | ({micro.id} if micro else set())
        return site_state.stash(runs_table_html(runs, newest)) if runs else _none("http")

    @env.macro  # type: ignore[untyped-decorator]
    def bench_server_answer(server: str = "granian", baseline: str = "uvicorn") -> str:
        """Whether ``server`` serves more than ``baseline`` for the same framework, in words."""
        runs = shown_http_runs(site_state.dataset().benchmarks.values())
        html = server_answer_html(runs, server, baseline, _names())
        return site_state.stash(html) if html else _none("http")

    @env.macro  # type: ignore[untyped-decorator]
    def bench_framework_answer(test: str = "json") -> str:
        """Each framework on its fastest server in ``test``, in words and one static chart."""
        run = shown_http_runs(site_state.dataset().benchmarks.values()).get(test)
        if run is None:
            return _none("http")
        return site_state.stash(framework_answer_html(run, test, _names()))

    @env.macro  # type: ignore[untyped-decorator]
    def bench_claims() -> str:
        """The claims ledger with verdicts computed from the results."""
        dataset = site_state.dataset()
        verdicts = [judge(c, dataset.benchmarks) for c in dataset.claims.claims]
        runs_page = relative(page_url(), RUNS_PAGE).rstrip("/") + "/"
        return site_state.stash(claims_html(verdicts, runs_page))


def _names() -> dict[str, str]:
    """Entity id -> name, so the answers read "Granian", not "granian"."""
    return {e.id: e.name for e in site_state.dataset().entities.values()}
