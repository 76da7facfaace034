"""Write an HTTP run file from the JSON that ``atlas bench`` keeps when it cannot write one.

The measurements are the harness's own (``salvage`` in ``bench_output``); this adds the provenance
the salvage file lacks, recomputed now, and says so in the notes. Usage::

    python -m scripts.bench.recover SALVAGE.json --id RUN_ID --started 2026-11-25T16:47:31Z \\
        --duration 2080 --command "uv run atlas bench ..." [--note TEXT ...] [--rounds 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from macros.data.bench_model import HttpResult, HttpRun
from scripts.bench import examples as bench_examples
from scripts.bench import provenance as bench_provenance
from scripts.bench.http import Plan, contenders_for, http_method, prepare
from scripts.bench.output import DEFAULT_OUT, write_run


def main(argv: list[str] | None = None) -> int:
    """Rebuild and write the run file; exit 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("salvage", type=Path)
    parser.add_argument("--id", required=True)
    parser.add_argument("--title", default="HTTP benchmarks")
    parser.add_argument("--started", required=True, help="ISO time the run started (UTC)")
    parser.add_argument("--duration", type=float, required=True, help="seconds the run took")
    parser.add_argument("--command", required=True, help="the command that made the run")
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--restart-each-round", action="store_true")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    results = [
        HttpResult.model_validate(r) for r in json.loads(args.salvage.read_text("utf-8"))["results"]
    ]
    plan = Plan(
        tests=sorted({r.test for r in results}),
        rounds=args.rounds,
        window=args.window,
        warmup=args.warmup,
        connections=64,
        threads=1,
        server_cpus=[0],
        client_cpus=[1],
    )
    examples = {e.framework: e for e in bench_examples.load_examples()}
    pairs = {(r.framework, r.server) for r in results}
    contenders = contenders_for(
        [examples[f] for f in sorted({f for f, _ in pairs})], None, ("starlette", "uvicorn"), pairs
    )
    envs = prepare(contenders, examples)
    started = dt.datetime.fromisoformat(args.started.replace("Z", "+00:00"))
    provenance = bench_provenance.base(
        args.command,
        started,
        envs,
        [
            *args.note,
            "Recovered: the harness could not write this file at the end of the run (a text field "
            "was over its length limit) and kept the measurements; provenance (environments, "
            "tools, machine) was recomputed afterwards, and the load averages below are from then.",
        ],
    )
    provenance["duration_seconds"] = args.duration
    run = HttpRun(
        id=args.id,
        kind="http",
        title=args.title,
        provenance=provenance,
        method=http_method(plan, ("starlette", "uvicorn"), args.restart_each_round),
        results=results,
    )
    print(f"wrote {write_run(run, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
