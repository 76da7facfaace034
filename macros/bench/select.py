"""Which committed run a page (or the summary command) shows: the newest full run of a kind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from macros.data.bench_model import BenchmarkRun, HttpRun, HttpTest

HTTP_TESTS: tuple[str, ...] = get_args(HttpTest)
"""Every HTTP test, in the order the pages and tables show them."""


def newest_run(
    runs: Iterable[BenchmarkRun], kind: str, test: str | None = None
) -> BenchmarkRun | None:
    """The newest full (not quick) run of ``kind`` (with results for ``test``, if given), else
    the newest quick one; ``None`` when there is none."""
    mine = [
        r
        for r in runs
        if r.kind == kind
        and (test is None or (isinstance(r, HttpRun) and any(x.test == test for x in r.results)))
    ]
    full = [r for r in mine if "quick" not in r.id] or mine
    return max(full, key=lambda r: (r.provenance.started, r.id), default=None)


def shown_http_runs(runs: Iterable[BenchmarkRun]) -> dict[str, HttpRun]:
    """Test -> the run whose results of that test the pages show (the newest full one)."""
    http = [r for r in runs if isinstance(r, HttpRun)]
    shown = {test: newest_run(http, "http", test) for test in HTTP_TESTS}
    return {test: run for test, run in shown.items() if isinstance(run, HttpRun)}
