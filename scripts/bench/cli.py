"""HTTP benchmarks with wrk: every example on each server, paired with a reference, interleaved.

Servers run pinned to one core and wrk to the other; all contenders run at once and take short
windows in turn, reversed every round, so each round yields a ratio to the reference measured
moments apart. Results go to data/benchmarks/<run-id>.yaml with full provenance.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
from pathlib import Path

from pydantic import ValidationError

from macros.data.bench_model import HttpResult, HttpRun
from macros.data.problems import DataError
from scripts.bench import examples as bench_examples
from scripts.bench import provenance as bench_provenance
from scripts.bench import wrk as bench_wrk
from scripts.bench.database import database_for
from scripts.bench.http import (
    Plan,
    Progress,
    contenders_for,
    http_method,
    live,
    prepare,
    reset,
    run_test,
    start_all,
    summarise,
)
from scripts.bench.output import DEFAULT_OUT, salvage, write_run

REFERENCE = ("starlette", "uvicorn")


def _csv(text: str | None) -> list[str] | None:
    return [part for part in text.split(",") if part] if text else None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas bench``."""
    parser.add_argument("--only", help="comma-separated example ids (the reference is added)")
    parser.add_argument("--servers", help="comma-separated server ids, e.g. uvicorn,granian")
    parser.add_argument(
        "--cases",
        help="comma-separated framework@server pairs; replaces "
        "--only/--servers (the reference is added)",
    )
    parser.add_argument(
        "--tests",
        default=",".join(bench_wrk.TESTS),
        help="comma-separated: " + ", ".join(bench_wrk.TESTS),
    )
    parser.add_argument("--rounds", type=int, help="measured rounds (default 16; quick 3)")
    parser.add_argument("--window", type=int, help="seconds per wrk window (default 2; quick 1)")
    parser.add_argument(
        "--warmup", type=int, help="warm-up seconds per contender (default 2; quick 1)"
    )
    parser.add_argument("--quick", action="store_true", help="few, short windows: a smoke test")
    parser.add_argument(
        "--restart-each-round",
        action="store_true",
        help="restart every server before each round (bounds in-memory state)",
    )
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--reference",
        default="/".join(REFERENCE),
        help="framework/server every ratio is relative to",
    )
    parser.add_argument("--id", help="run id (default http-<date>; quick: http-quick-<date>)")
    parser.add_argument("--title", help="title of the result file")
    parser.add_argument("--note", action="append", default=[], help="note to record (repeat)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results folder")


def plan_from(args: argparse.Namespace) -> Plan:
    """Method parameters from the options."""
    quick: bool = args.quick
    return Plan(
        tests=_csv(args.tests) or list(bench_wrk.TESTS),
        rounds=args.rounds or (3 if quick else 16),
        window=args.window or (1 if quick else 2),
        warmup=args.warmup if args.warmup is not None else (1 if quick else 2),
        connections=args.connections,
        threads=1,
        server_cpus=[0],
        client_cpus=[1],
    )


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def run(args: argparse.Namespace) -> int:
    """Run the harness; exit 0 when the result file was written (even with failed apps)."""
    if not bench_wrk.available():
        print("wrk is not installed: apt-get install -y wrk", file=sys.stderr)
        return 2
    plan = plan_from(args)
    unknown = sorted(set(plan.tests) - set(bench_wrk.TESTS))
    if unknown:
        print(f"unknown test(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    # SIGTERM (e.g. from `timeout`) unwinds like Ctrl-C, so every started server is stopped.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    started = bench_provenance.now()
    start_load = bench_provenance.load_average()
    log = Progress()
    reference = tuple(args.reference.split("/", 1))
    pairs = {tuple(p.split("@", 1)) for p in _csv(args.cases) or []}
    cases = {(f, s) for f, s in pairs} if pairs else None
    wanted = _csv(args.only) or (sorted({f for f, _ in cases}) if cases else None)
    examples = {
        e.framework: e
        for e in bench_examples.load_examples()
        if wanted is None or e.framework in wanted or e.framework == reference[0]
    }
    servers = _csv(args.servers)
    contenders = contenders_for(
        list(examples.values()),
        set(servers) if servers else None,
        (reference[0], reference[1]),
        cases,
    )
    if not contenders or contenders[0].key != f"{reference[0]}@{reference[1]}":
        print(f"reference {args.reference} is not among the examples", file=sys.stderr)
        return 2
    log(f"{len(contenders)} contenders, tests {', '.join(plan.tests)}; preparing environments")
    envs = prepare(contenders, examples)
    results: list[HttpResult] = []
    with database_for(contenders, examples, plan.tests, plan.client_cpus) as database:
        if database:
            log(f"database: {database}")
        for test in plan.tests:
            reset(contenders)
            log(f"{test}: starting {len(live(contenders))} servers")
            try:
                start_all(contenders, plan)
                run_test(contenders, test, plan, log, args.restart_each_round)
            finally:
                for c in contenders:
                    c.stop()
            results += [summarise(c, test, plan, plan.rounds) for c in contenders]
    notes = list(args.note)
    if args.quick:
        notes.append("Quick mode: few, short windows; a smoke test, not a measurement.")
    run_id = args.id or f"http-{'quick-' if args.quick else ''}{started.date().isoformat()}"
    command = "uv run atlas bench " + shlex.join(sys.argv[2:])
    try:
        http = HttpRun(
            id=run_id,
            kind="http",
            title=args.title or ("HTTP benchmarks" + (" (quick)" if args.quick else "")),
            provenance=bench_provenance.base(command.strip(), started, envs, notes, start_load),
            method=http_method(plan, reference, args.restart_each_round).model_copy(
                update={"database": database}
            ),
            results=results,
        )
        path = write_run(http, args.out)
    except (ValidationError, DataError) as exc:
        print(f"results not written: {exc}", file=sys.stderr)
        print(f"measurements kept in {salvage(run_id, results, exc)}", file=sys.stderr)
        return 1
    bad = [r for r in results if r.status != "ok"]
    log(f"wrote {path}: {len(results)} results, {len(bad)} not ok")
    for r in bad:
        log(f"  {r.framework} + {r.server} / {r.test}: {r.status}: {r.reason}")
    return 0
