"""Print the HTTP results as one Markdown table: framework x server x test, with run times.

By default it takes the runs the benchmark pages show (the newest full run of every test);
``--run`` names runs instead. Median req/s and the CV of the per-round req/s are indicative; the
ratio to the reference with its 95 % CI is the figure to compare.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.bench.charts import server_rank, span
from macros.bench.select import HTTP_TESTS, shown_http_runs
from macros.data.bench_model import HttpResult, HttpRun
from macros.data.loader import DEFAULT_DATA_DIR
from scripts.data.validate import load_or_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas bench-summary``."""
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    parser.add_argument(
        "--run", action="append", default=[], help="run id to include (repeat); default: shown"
    )


Shown = dict[str, HttpRun]
"""Test -> the run whose results of that test are shown."""


def named_runs(runs: list[HttpRun]) -> Shown:
    """Every test of the named runs; a test in several runs is taken from the last named."""
    return {result.test: run for run in runs for result in run.results}


def _cell(result: HttpResult | None) -> list[str]:
    if result is None:
        return ["", "", ""]
    if result.status != "ok" or result.ratio is None:
        return [result.status, "", result.reason or ""]
    r = result.ratio
    return [
        f"{result.median_rps:,.0f}" if result.median_rps is not None else "",
        f"{result.cv:.2f}" if result.cv is not None else "",
        f"{r.median:.2f} [{span(f'{r.low:.2f}', f'{r.high:.2f}')}]",
    ]


def summary_table(shown: Shown) -> str:
    """One row per framework and server; per test: median req/s, CV, ratio [95 % CI]."""
    cells: dict[tuple[str, str], dict[str, HttpResult]] = {}
    for test, run in shown.items():
        for result in run.results:
            if result.test == test:
                cells.setdefault((result.framework, result.server), {})[test] = result
    tests = [t for t in HTTP_TESTS if t in shown]
    head = ["framework", "server"]
    for test in tests:
        head += [f"{test} req/s", "CV", "ratio [95 % CI]"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for framework, server in sorted(cells, key=lambda k: (k[0], server_rank(k[1]))):
        row = [framework, "own" if server == framework else server]
        for test in tests:
            row += _cell(cells[(framework, server)].get(test))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def runs_line(shown: Shown) -> str:
    """Which run each test comes from, how long each run took, and the total."""
    runs = list({run.id: run for run in shown.values()}.values())
    parts = [
        f"{run.id} ({', '.join(t for t, r in shown.items() if r is run)}, "
        f"{run.provenance.duration_seconds / 60:.1f} min)"
        for run in runs
    ]
    total = sum(run.provenance.duration_seconds for run in runs) / 60
    return f"Runs: {'; '.join(parts)}. Total {total:.1f} min."


def run(args: argparse.Namespace) -> int:
    """Print the table; exit 1 on invalid data or an unknown run id."""
    dataset = load_or_report(args.data)
    if dataset is None:
        return 1
    if args.run:
        missing = [i for i in args.run if not isinstance(dataset.benchmarks.get(i), HttpRun)]
        if missing:
            print(f"no http run {', '.join(missing)} in {args.data}/benchmarks/", file=sys.stderr)
            return 1
        http = [r for i in args.run if isinstance(r := dataset.benchmarks[i], HttpRun)]
        shown = named_runs(http)
    else:
        shown = shown_http_runs(dataset.benchmarks.values())
    if not shown:
        print("no HTTP run in data/benchmarks/: run `uv run atlas bench`", file=sys.stderr)
        return 1
    print(runs_line(shown))
    print()
    print(summary_table(shown))
    return 0
