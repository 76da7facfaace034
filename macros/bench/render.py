"""HTML for benchmark charts, tables, provenance and the claims ledger.

A chart is a ``<figure>``: an empty plot area that ``assets/bench-charts.js`` fills once plotly.js
has loaded, the figure JSON in a ``<script type="application/json">``, a caption with provenance and
the command to reproduce, and the same numbers as a table (open until the chart is drawn).
"""

from __future__ import annotations

import posixpath

from macros.bench.charts import Chart
from macros.bench.claims import ClaimVerdict, ratio_sentence
from macros.data.bench_model import BenchmarkRun, HttpRun
from macros.pages.html_text import data_table, esc, external_link, script_json

PLOTLY_PATH = "assets/vendor/plotly.min.js"
RUNS_PAGE = "benchmarks/"
"""The page with the table of every run (``run_anchor`` rows): charts and the ledger link there."""
VERDICT_TEXT = {
    "confirmed": "Confirmed",
    "contradicted": "Contradicted",
    "depends": "Depends",
    "untested": "Untested",
}


def relative(page_url: str, target: str) -> str:
    """URL of site file ``target`` relative to the page at ``page_url``."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return posixpath.relpath(target, base or ".") if base else target


def table_html(headers: list[str], rows: list[list[str]], caption: str | None = None) -> str:
    """A plain, accessible data table."""
    body = ("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return data_table("atlas-bench-table", headers, body, caption or "")


def provenance_line(run: BenchmarkRun) -> str:
    """One sentence: machine, date, commit and the command that made the numbers."""
    p = run.provenance
    commit = f", commit {p.git_commit}" if p.git_commit else ""
    return (
        f"Run {run.id}, {p.date} on a {p.machine.label} ({p.machine.cpu_model}, "
        f"{p.machine.cores} cores, Linux {p.machine.kernel}){commit}."
    )


def chart_html(chart: Chart, run: BenchmarkRun, page_url: str) -> str:
    """The figure with a short caption (its run linked, provenance once on the runs page) and
    its data table."""
    data_id = f"atlas-fig-{chart.key}"
    plotly_src = relative(page_url, PLOTLY_PATH)
    runs = relative(page_url, RUNS_PAGE).rstrip("/") + "/"
    caption = (
        f"{esc(chart.title)}. Run "
        f'<a href="{esc(runs)}#{esc(run_anchor(run.id))}">{esc(run.id)}</a> '
        f"({esc(str(run.provenance.date))}, {esc(run.provenance.machine.label)}); its method, "
        "provenance and the command to reproduce it are listed once per run."
    )
    return (
        f'<figure class="atlas-chart">'
        f'<div class="atlas-plot" role="img" aria-label="{esc(chart.summary)}" '
        f'data-figure="{esc(data_id)}" data-plotly-src="{esc(plotly_src)}">'
        f'<p class="atlas-plot-note">The chart needs JavaScript; the table below has every '
        f"number.</p></div>"
        f'<script type="application/json" id="{esc(data_id)}">{script_json(chart.figure)}</script>'
        f"<figcaption>{caption}</figcaption>"
        f'<details class="atlas-chart-data"><summary>Data table</summary>'
        f"{table_html(chart.headers, chart.rows)}</details></figure>"
    )


def method_html(run: HttpRun) -> str:
    """The method parameters of an HTTP run as a definition table."""
    m = run.method
    rows = [
        ["Reference", f"{m.reference.framework} on {m.reference.server}"],
        ["Rounds", str(m.rounds)],
        ["Window", f"{m.window_seconds} s"],
        ["Warm-up", f"{m.warmup_seconds} s per contender"],
        ["Servers pinned to", _cores(m.server_cpus)],
        ["wrk pinned to", _cores(m.client_cpus)],
        ["Connections / threads", f"{m.connections} / {m.threads}"],
        ["Order", m.order],
        ["wrk command", m.wrk_command],
        ["Bootstrap", f"{m.bootstrap_resamples} resamples, {m.confidence:.0%} interval"],
        ["Compiled bytecode", "yes" if m.compile_bytecode else "no"],
        ["Duration", f"{run.provenance.duration_seconds / 60:.0f} min"],
    ]
    if m.output_check:
        rows.append(["Output check", m.output_check])
    if m.database:
        rows.append(["Database", m.database])
    return table_html(["Parameter", "Value"], rows)


def _cores(cpus: list[int]) -> str:
    """``[0]`` -> ``CPU core 0 (one core)``: a core's number, never read as a count."""
    numbers = ", ".join(map(str, cpus))
    count = "one core" if len(cpus) == 1 else f"{len(cpus)} cores"
    return f"CPU core{'s' if len(cpus) > 1 else ''} {numbers} ({count})"


def provenance_html(run: BenchmarkRun) -> str:
    """Provenance: machine, tools, notes and every environment's packages (collapsed)."""
    p = run.provenance
    facts = [
        ["Date", str(p.date)],
        ["Started (UTC)", p.started],
        ["Machine", p.machine.label],
        ["CPU", f"{p.machine.cpu_model}, {p.machine.cores} cores"],
        ["Kernel", p.machine.kernel],
        ["OS", p.machine.os or "\u2013"],
        ["Harness Python", p.harness_python],
        ["Commit", p.git_commit or "\u2013"],
        ["Command", p.command],
    ]
    facts += [[name, version] for name, version in sorted(p.tools.items())]
    notes = "".join(f"<li>{esc(n)}</li>" for n in p.notes)
    envs = "".join(
        f"<details><summary>{esc(e.name)}: Python {esc(e.python.split()[0])}</summary>"
        + table_html(["Package", "Version"], [[k, v] for k, v in sorted(e.packages.items())])
        + "</details>"
        for e in p.environments
    )
    return (
        table_html(["Provenance", ""], facts)
        + (f"<p>Notes on this run:</p><ul>{notes}</ul>" if notes else "")
        + (f"<p>Environments ({len(p.environments)}):</p>{envs}" if envs else "")
    )


def _run_tests(run: BenchmarkRun) -> str:
    if isinstance(run, HttpRun):
        return ", ".join(dict.fromkeys(r.test for r in run.results))
    return ", ".join(dict.fromkeys(r.group for r in run.results))


def _run_counts(run: BenchmarkRun) -> str:
    statuses = [r.status for r in run.results]
    present = [s for s in ("ok", "failed", "skipped") if s in statuses]
    return ", ".join(f"{statuses.count(s)} {s}" for s in present)


def run_anchor(run_id: str) -> str:
    """Fragment id of a run's row in the table of every run (on the benchmarks page)."""
    return f"run-{run_id}"


def runs_table_html(runs: list[BenchmarkRun], newest: set[str]) -> str:
    """Every committed run, newest first: what it measured, how many results, how long it took.

    ``newest`` holds the ids of the runs the charts and tables currently draw from. Each row has
    the id :func:`run_anchor` gives, so the claims ledger can link to it.
    """
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Run", "Date", "Kind", "Tests", "Results", "Duration", "Command")
    )
    rows = []
    for run in sorted(runs, key=lambda r: (r.provenance.started, r.id), reverse=True):
        cells = [
            run.id + (" (shown)" if run.id in newest else ""),
            str(run.provenance.date),
            run.kind,
            _run_tests(run),
            _run_counts(run),
            f"{run.provenance.duration_seconds / 60:.0f} min",
            run.provenance.command,
        ]
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells[:-1])
        tds += f"<td><code>{esc(cells[-1])}</code></td>"
        rows.append(f'<tr id="{esc(run_anchor(run.id))}">{tds}</tr>')
    return (
        '<table class="atlas-bench-table atlas-runs">'
        "<caption>Every run in data/benchmarks/, newest first</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def claims_html(verdicts: list[ClaimVerdict], runs_url: str = "../") -> str:
    """The ledger: one row per claim with its range, sources, measurements and verdict.

    ``runs_url`` is the (relative) address of the page with the table of every run.
    """
    rows = []
    for v in verdicts:
        c = v.claim
        made = "; ".join(external_link(str(s.url), s.description) for s in c.made_in)
        measured = "".join(
            f"<li>{esc(ratio_sentence(o))}, {esc(o.label)}"
            + (f" ({esc(o.why_untested)})" if o.estimate is None and o.why_untested else "")
            + f' → {esc(VERDICT_TEXT[o.verdict].lower())} (run <a href="{esc(runs_url)}#'
            + f'{esc(run_anchor(o.run))}">{esc(o.run)}</a>)</li>'
            for o in v.outcomes
        )
        reading = f"<br><small>{esc(c.reading)}</small>" if c.reading else ""
        reading += f"<br><small>Note: {esc(c.note)}</small>" if c.note else ""
        rows.append(
            f'<tr id="claim-{esc(c.id)}"><td>{esc(c.statement)}{reading}</td>'
            f"<td>{c.low:g}\u2013{c.high:g}\u00d7</td><td>{made}</td>"
            f"<td>{'<ul>' + measured + '</ul>' if measured else 'No measurement maps to it.'}</td>"
            f'<td><strong class="atlas-verdict atlas-verdict-{v.verdict}">'
            f"{VERDICT_TEXT[v.verdict]}</strong></td></tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Claim", "Claimed range", "Made in", "Our measurements", "Verdict")
    )
    return (
        f'<table class="atlas-bench-table atlas-claims"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
