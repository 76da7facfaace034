"""An entity page's own benchmark rows: each test's ratio and interval, linked to its run.

A framework page lists its example under every server; a server page lists every framework
measured on it. Rows come from the runs the benchmark pages show (the newest full run of each
test); a failed or skipped row shows its reason instead of a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from macros.bench.answer import TEST_LABELS
from macros.bench.render import run_anchor
from macros.bench.select import shown_http_runs
from macros.data.bench_model import BenchmarkRun, HttpResult
from macros.pages.html_text import esc


def entity_rows(
    entity_id: str, kind: str, runs: Iterable[BenchmarkRun], names: Mapping[str, str] = {}
) -> list[list[str]]:
    """``[test, pair, ratio, interval, median req/s, reference, run id]`` of ``entity_id``'s
    results; ``names`` shows entity ids as their names (an id without one stays as it is)."""

    def pair(framework: str, server: str) -> str:
        return f"{names.get(framework, framework)} on {names.get(server, server)}"

    rows = []
    for test, run in shown_http_runs(runs).items():
        reference = pair(run.method.reference.framework, run.method.reference.server)
        label = TEST_LABELS.get(test, test)
        for r in sorted(run.results, key=lambda r: (r.framework, r.server)):
            if _mine(r, entity_id, kind):
                rows.append([label, pair(r.framework, r.server), *_cells(r), reference, run.id])
    return rows


def _mine(result: HttpResult, entity_id: str, kind: str) -> bool:
    if kind == "framework":
        return result.framework == entity_id
    return kind == "server" and result.server == entity_id


def _cells(r: HttpResult) -> list[str]:
    if r.status != "ok" or r.ratio is None:
        return [r.status, r.reason or "", "\u2013"]
    interval = f"{r.ratio.low:.2f}\u2013{r.ratio.high:.2f}"
    rps = f"{r.median_rps:,.0f}" if r.median_rps else "\u2013"
    return [f"{r.ratio.median:.2f}", interval, rps]


def entity_bench_html(
    entity_id: str,
    kind: str,
    runs: Iterable[BenchmarkRun],
    runs_page: str,
    names: Mapping[str, str] = {},
) -> str:
    """The rows as a table with a link to each run on ``runs_page``; empty if there are none."""
    rows = entity_rows(entity_id, kind, runs, names)
    if not rows:
        return ""
    headers = ["Test", "Measured", "Ratio", "95 % interval", "Median req/s", "Reference", "Run"]
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{esc(cell)}</td>" for cell in row[:-1])
        + f'<td><a href="{esc(runs_page)}#{esc(run_anchor(row[-1]))}">{esc(row[-1])}</a></td>'
        + "</tr>"
        for row in rows
    )
    note = (
        "<p>Ratios to the reference measured moments apart on one core of a small shared "
        "machine; compare them, not the absolute req/s (see the method).</p>"
    )
    return (
        f'{note}<table class="atlas-bench-table" data-atlas="benchmarks"><thead><tr>{head}'
        f"</tr></thead><tbody>{body}</tbody></table>"
    )
