"""The answer the benchmarks overview opens with, computed from the runs on show.

Per test: the fastest and the slowest framework + server as ratios to the reference, and how far
apart they are. Set side by side, the toy tests and the database tests answer how much the
choice of framework and server matters once an application waits on a database.
"""

from __future__ import annotations

from collections.abc import Iterable

from macros.bench.select import HTTP_TESTS, shown_http_runs
from macros.data.bench_model import BenchmarkRun, HttpResult
from macros.pages.html_text import esc

TEST_LABELS = {
    "plaintext": "plaintext",
    "json": "JSON",
    "post-users": "validated POST",
    "db": "one database query",
    "queries": "20 database queries",
    "fortunes": "fortunes (query + template)",
    "updates": "20 database updates",
}


def extremes(runs: Iterable[BenchmarkRun]) -> list[tuple[str, HttpResult, HttpResult, str]]:
    """``(test, fastest, slowest, run id)`` of every test on show with two or more ok results."""
    found = []
    for test in HTTP_TESTS:
        run = shown_http_runs(runs).get(test)
        if run is None:
            continue
        ok = [r for r in run.results if r.test == test and r.status == "ok" and r.ratio]
        if len(ok) >= 2:
            ranked = sorted(ok, key=lambda r: r.ratio.median if r.ratio else 0.0)
            found.append((test, ranked[-1], ranked[0], run.id))
    return found


def answer_html(runs: Iterable[BenchmarkRun]) -> str:
    """A list: per test, fastest ÷ slowest, naming both, with their ratios to the reference."""
    items = []
    for test, fast, slow, _run_id in extremes(list(runs)):
        assert fast.ratio is not None and slow.ratio is not None
        gap = fast.ratio.median / slow.ratio.median if slow.ratio.median else 0.0
        items.append(
            f"<li><strong>{esc(TEST_LABELS.get(test, test))}</strong>: the fastest pair, "
            f"{esc(fast.framework)} on {esc(fast.server)} ({fast.ratio.median:.2f}), serves "
            f"{gap:.1f}\u00d7 the requests of the slowest, {esc(slow.framework)} on "
            f"{esc(slow.server)} ({slow.ratio.median:.2f}).</li>"
        )
    return f'<ul class="atlas-bench-answer">{"".join(items)}</ul>' if items else ""
