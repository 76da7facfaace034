"""The outside check: our ranking and ratios beside published independent results.

Pure functions over data: for each source in ``data/outside.yaml``, the rows it shares with an
Atlas run, each side's ratio to the same reference (FastAPI + Uvicorn for frameworks, the named
server for servers), Spearman's rank correlation and the spread of the ratios.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from macros.bench.render import table_html
from macros.data.bench_model import HttpRun
from macros.data.model import Example
from macros.data.outside_model import OutsideResult, OutsideSource
from macros.pages.html_text import esc

REFERENCE = ("fastapi", "uvicorn")
"""The framework comparisons divide by FastAPI on Uvicorn, on both sides."""


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float | None:
    """Spearman's rho (Pearson's r of the ranks); ``None`` under 3 pairs or with no variation."""
    if len(xs) != len(ys) or len(xs) < 3:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else None


def spread(values: list[float]) -> float | None:
    """How far apart the ratios are: their geometric standard deviation (1 = all equal).

    ``exp(sd(log r))``, so a row twice as fast and one half as fast count alike, and one outlier
    weighs less than in largest ÷ smallest. ``None`` under 2 positive values.
    """
    logs = [math.log(v) for v in values if v > 0]
    if len(logs) < 2:
        return None
    mean = sum(logs) / len(logs)
    return math.exp((sum((x - mean) ** 2 for x in logs) / (len(logs) - 1)) ** 0.5)


def atlas_ratios(run: HttpRun, test: str) -> dict[tuple[str, str], float]:
    """``(framework, server)`` -> median ratio to the run's reference, for ok results."""
    return {
        (r.framework, r.server): r.ratio.median
        for r in run.results
        if r.test == test and r.status == "ok" and r.ratio is not None
    }


@dataclass(frozen=True)
class Row:
    """One shared row: the source's label and ratio, the Atlas pair and its ratio."""

    label: str
    theirs: float
    pair: tuple[str, str]
    ours: dict[str, float]
    """Run id -> our ratio, for each Atlas run compared."""


@dataclass(frozen=True)
class Comparison:
    """A source set beside one or more Atlas runs."""

    source: OutsideSource
    runs: list[str]
    rows: list[Row]

    def rho(self, run_id: str) -> float | None:
        """Spearman's rho between their ratios and ours in ``run_id``."""
        rows = [r for r in self.rows if run_id in r.ours]
        return spearman([r.theirs for r in rows], [r.ours[run_id] for r in rows])

    def their_spread(self) -> float | None:
        return spread([r.theirs for r in self.rows])

    def our_spread(self, run_id: str) -> float | None:
        return spread([r.ours[run_id] for r in self.rows if run_id in r.ours])


def _pair(
    source: OutsideSource, row: OutsideResult, examples: dict[str, Example]
) -> tuple[str, str] | None:
    """The Atlas (framework, server) a source row is set beside."""
    if source.compares == "servers":
        if source.atlas_framework is None or row.server is None:
            return None
        return (source.atlas_framework, row.server)
    if row.framework is None or row.framework not in examples:
        return None
    servers = [r.server for r in examples[row.framework].runs]
    server = row.server if row.server in servers else servers[0]
    return (row.framework, server)


def compare(source: OutsideSource, runs: list[HttpRun], examples: dict[str, Example]) -> Comparison:
    """Every row of ``source`` that an Atlas run measured, with both sides' ratios.

    Both sides divide by their own reference row: the source's ``reference`` label, and the
    Atlas pair that row maps to. A row our run did not measure is left out of that run.
    """
    labels = {r.label: r for r in source.results}
    ref_row = labels[source.reference]
    ref_pair = _pair(source, ref_row, examples)
    tables = {run.id: atlas_ratios(run, source.atlas_test) for run in runs}
    rows = []
    for row in source.results:
        pair = _pair(source, row, examples)
        if pair is None or ref_pair is None or ref_row.rps <= 0:
            continue
        ours = {
            run_id: table[pair] / table[ref_pair]
            for run_id, table in tables.items()
            if pair in table and ref_pair in table and table[ref_pair] > 0
        }
        if ours:
            rows.append(Row(row.label, row.rps / ref_row.rps, pair, ours))
    return Comparison(source, [run.id for run in runs], rows)


def _num(value: float | None, digits: int = 2) -> str:
    return "\u2013" if value is None else f"{value:.{digits}f}"


def comparison_html(c: Comparison, run_labels: dict[str, str]) -> str:
    """One source: what it measured, the shared rows side by side, rho and spreads, why."""
    s = c.source
    m = s.method
    keep = "keep-alive" if m.keep_alive else "no keep-alive"
    head = (
        f'<p><a href="{esc(s.url)}">{esc(s.title)}</a>, {esc(str(s.published))}: '
        f"{esc(m.tool)}, {esc(m.request)}, {m.concurrency:,} connections, {esc(keep)}, "
        f"{esc(m.duration)}, {m.cpus} CPUs; {esc(m.workers)}. {esc(m.machine)}.</p>"
    )
    ref = f"{s.reference} = 1"
    headers = ["Row (theirs)", "Atlas pair", f"Their ratio ({ref})"]
    headers += [f"Our ratio, {run_labels.get(r, r)}" for r in c.runs]
    body = [
        [row.label, f"{row.pair[0]} on {row.pair[1]}", _num(row.theirs)]
        + [_num(row.ours.get(r)) for r in c.runs]
        for row in sorted(c.rows, key=lambda r: -r.theirs)
    ]
    summary = [["Spearman's rho", f"n = {len(c.rows)}", "1"]]
    summary[0] += [_num(c.rho(r)) for r in c.runs]
    summary.append(["Spread (geometric SD of the ratios)", "", _num(c.their_spread())])
    summary[1] += [_num(c.our_spread(r)) for r in c.runs]
    reasons = "".join(f"<li>{esc(d)}</li>" for d in s.differences)
    return (
        f'<section class="atlas-outside" id="{esc(s.id)}"><h3>{esc(s.title)}</h3>{head}'
        + table_html(headers, body + summary)
        + f"<p>Why the numbers differ:</p><ul>{reasons}</ul></section>"
    )


def outside_html(
    sources: list[OutsideSource],
    runs_by_test: dict[str, list[HttpRun]],
    examples: dict[str, Example],
    run_labels: dict[str, str],
) -> str:
    """Every source, each set beside the Atlas runs of the test it is compared with."""
    parts = []
    for source in sources:
        runs = runs_by_test.get(source.atlas_test, [])
        parts.append(comparison_html(compare(source, runs, examples), run_labels))
    return "".join(parts)


def runs_to_compare(runs: list[HttpRun], test: str, count: int = 2) -> list[HttpRun]:
    """The ``count`` newest full (not quick) runs with results of ``test``, oldest first."""
    full = [r for r in runs if "quick" not in r.id and any(x.test == test for x in r.results)]
    return sorted(full, key=lambda r: (r.provenance.started, r.id))[-count:]
