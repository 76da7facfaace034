"""In-process micro-benchmarks: serialization, cold start and one ASGI app on every CPython.

Wall time over interleaved repeats (median and CV) and, where valgrind is installed, instruction
counts under Cachegrind. Results go to data/benchmarks/<run-id>.yaml with full provenance.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from pydantic import ValidationError

from macros.data.bench_model import MicroMethod, MicroResult, MicroRun, PackageEnv
from macros.data.problems import DataError
from scripts.bench import cachegrind as bench_cachegrind
from scripts.bench import provenance as bench_provenance
from scripts.bench.micro_groups import LIBS, Settings, cold_start, runtimes, serialization
from scripts.bench.output import DEFAULT_OUT, salvage, write_run

GROUPS = ("serialization", "cold-start", "runtime")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas bench-micro``."""
    parser.add_argument("--quick", action="store_true", help="small N and few repeats (smoke test)")
    parser.add_argument(
        "--n",
        type=int,
        help="operations per serialization repeat (default 1,000,000; quick 20,000)",
    )
    parser.add_argument("--repeats", type=int, help="interleaved repeats (default 11; quick 3)")
    parser.add_argument(
        "--cachegrind-n", type=int, help="operations under Cachegrind (default 20,000; quick 2,000)"
    )
    parser.add_argument("--no-cachegrind", action="store_true", help="skip instruction counts")
    parser.add_argument(
        "--groups", default=",".join(GROUPS), help="comma-separated: " + ", ".join(GROUPS)
    )
    parser.add_argument("--only", help="cold start: comma-separated example ids")
    parser.add_argument(
        "--libs",
        default=",".join(LIBS),
        help="serialization: comma-separated libraries (" + ", ".join(LIBS) + ")",
    )
    parser.add_argument("--cpu", type=int, default=1, help="core to pin to with taskset")
    parser.add_argument("--id", help="run id (default micro-<date>, quick: micro-quick-<date>)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results folder")


def settings(args: argparse.Namespace) -> Settings:
    """Resolve defaults that depend on ``--quick``."""
    quick: bool = args.quick
    return Settings(
        n=args.n or (20_000 if quick else 1_000_000),
        repeats=args.repeats or (3 if quick else 11),
        cachegrind_n=0
        if args.no_cachegrind or not bench_cachegrind.available()
        else (args.cachegrind_n or (2_000 if quick else 20_000)),
        cpu=args.cpu,
        only=set(args.only.split(",")) if args.only else None,
        libs=tuple(lib for lib in LIBS if lib in args.libs.split(",")),
    )


def run(args: argparse.Namespace) -> int:
    """Run the chosen groups, then write and validate the result file."""
    started = bench_provenance.now()
    start_load = bench_provenance.load_average()
    conf = settings(args)
    groups = [g for g in args.groups.split(",") if g]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown:
        print(f"unknown group(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    results: list[MicroResult] = []
    envs: list[PackageEnv] = []
    notes: list[str] = []
    steps = {"serialization": serialization, "cold-start": cold_start, "runtime": runtimes}
    for group in groups:
        print(f"== {group}", flush=True)
        got, got_envs, got_notes = steps[group](conf)
        results += got
        envs += got_envs
        notes += got_notes
    if args.quick:
        notes.append("Quick mode: small N and few repeats; a smoke test, not a measurement.")
    if not conf.cachegrind_n:
        notes.append("No instruction counts: valgrind missing or --no-cachegrind.")
    run_id = args.id or f"micro-{'quick-' if args.quick else ''}{started.date().isoformat()}"
    command = "uv run atlas bench-micro " + shlex.join(sys.argv[2:] if len(sys.argv) > 2 else [])
    try:
        micro = MicroRun(
            id=run_id,
            kind="micro",
            title="In-process micro-benchmarks" + (" (quick)" if args.quick else ""),
            provenance=bench_provenance.base(command.strip(), started, envs, notes, start_load),
            method=MicroMethod(
                repeats=conf.repeats,
                interleaved=True,
                cpu=[conf.cpu],
                compile_bytecode=True,
                cachegrind=bench_cachegrind.command_line() if conf.cachegrind_n else None,
                bootstrap_resamples=4000,
                confidence=0.95,
            ),
            results=results,
        )
        path = write_run(micro, args.out)
    except (ValidationError, DataError) as exc:
        print(f"results not written: {exc}", file=sys.stderr)
        print(f"measurements kept in {salvage(run_id, results, exc)}", file=sys.stderr)
        return 1
    failed = [r for r in results if r.status != "ok"]
    print(f"wrote {path} ({len(results)} results, {len(failed)} not ok)")
    return 0
