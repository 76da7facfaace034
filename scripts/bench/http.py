"""The wrk harness: start every contender at once, run interleaved rounds, summarise.

Servers are pinned to ``server_cpus`` and wrk to ``client_cpus`` with taskset. One contender
failing (no start, crash, errors) is recorded with its reason; the others carry on.
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from macros.apps.env import ensure_env, env_vars
from macros.apps.process import HOST, AppProcess, ServerStartError, free_port, render_command
from macros.apps.runs import command_template
from macros.bench.stats import bootstrap_median, cv, median
from macros.data.bench_model import Errors, HttpMethod, HttpResult, PackageEnv, Selector
from macros.data.model import Example
from macros.data.problems import DataError
from scripts.bench import examples as bench_examples
from scripts.bench import schedule as bench_schedule
from scripts.bench import wrk as bench_wrk
from scripts.bench.output import sig
from scripts.bench.provenance import package_env
from scripts.bench.quiet import OUTPUT_CHECK, logging_refusal

MAX_BAD_SHARE = 0.01
"""More than 1 % of responses outside 2xx (or socket errors) fails a contender."""


@dataclass(frozen=True)
class Plan:
    """Method parameters of one run."""

    tests: list[str]
    rounds: int
    window: int
    warmup: int
    connections: int
    threads: int
    server_cpus: list[int]
    client_cpus: list[int]
    block: int = 4
    resamples: int = 4000
    confidence: float = 0.95
    ready_deadline: float = 40.0


@dataclass
class Contender:
    """One framework on one server: how to start it and what it measured."""

    framework: str
    server: str
    json_library: str | None
    target: str = "app:app"
    template: str = ""
    cwd: Path = Path(".")
    env: dict[str, str] = field(default_factory=dict)
    process: AppProcess | None = None
    reason: str | None = None
    skipped: bool = False
    windows: dict[int, bench_wrk.Window] = field(default_factory=dict)
    ratios: dict[int, float] = field(default_factory=dict)
    output_bytes: int = 0

    @property
    def key(self) -> str:
        """``framework@server``."""
        return f"{self.framework}@{self.server}"

    def fail(self, reason: str) -> None:
        """Mark failed (first reason wins) and stop its server."""
        self.reason = self.reason or " ".join(reason.split())[:200]
        self.stop()

    def stop(self) -> None:
        """Stop the server's process group if it runs."""
        if self.process is not None:
            self.process.stop(grace=3.0)
            self.process = None


def contenders_for(
    examples: list[Example],
    servers: set[str] | None,
    reference: tuple[str, str],
    cases: set[tuple[str, str]] | None = None,
) -> list[Contender]:
    """Every (example, server) pair wanted, reference first.

    ``cases`` (framework, server) pairs, when given, replace the example x server selection.
    """
    found = []
    for example in examples:
        for run in example.runs:
            key = (example.framework, run.server)
            if cases is not None and key not in cases and key != reference:
                continue
            if servers is not None and run.server not in servers and key != reference:
                continue
            found.append(
                Contender(example.framework, run.server, example.json_library, example.target)
            )
    found.sort(key=lambda c: ((c.framework, c.server) != reference, c.framework, c.server))
    return found


def prepare(contenders: list[Contender], examples: dict[str, Example]) -> list[PackageEnv]:
    """Resolve commands and build environments; unrunnable contenders are marked skipped."""
    envs: dict[str, PackageEnv] = {}
    for c in contenders:
        example = examples[c.framework]
        why = bench_examples.why_not_runnable(example)
        if why is None:
            try:
                c.template = command_template(
                    example, next(r for r in example.runs if r.server == c.server)
                )
                venv = ensure_env(c.framework, bench_examples.requirements(c.framework))
                c.env = {**env_vars(venv), "PYTHONHASHSEED": "0"}
                c.cwd = bench_examples.example_dir(c.framework)
                if c.framework not in envs:
                    envs[c.framework] = package_env(c.framework, venv / "bin" / "python")
            except (DataError, RuntimeError, subprocess.TimeoutExpired) as exc:
                why = f"cannot prepare: {str(exc).splitlines()[0]}"
        if why is not None:
            c.reason, c.skipped = why[:200], True
    return list(envs.values())


def start_all(contenders: list[Contender], plan: Plan, retries: int = 1) -> None:
    """Start every live contender pinned to the server cores, then wait for each to answer.

    A contender that does not come up gets ``retries`` more starts: when every server restarts
    at once on one core, a slow one can miss its deadline without anything being wrong with it.
    """
    starting = live(contenders)
    for attempt in range(retries + 1):
        failed = _start_and_wait(starting, plan)
        if not failed or attempt == retries:
            return
        for c in failed:
            c.reason = None
        starting = failed


def _start_and_wait(contenders: list[Contender], plan: Plan) -> list[Contender]:
    """Start ``contenders``, wait for each; return those that failed (marked with the reason)."""
    cpus = ",".join(map(str, plan.server_cpus))
    for c in contenders:
        port = free_port()
        argv = [
            "taskset",
            "-c",
            cpus,
            *render_command(c.template, target=c.target, host=HOST, port=port),
        ]
        c.process = AppProcess(argv, c.cwd, HOST, port, c.env)
        c.process.start()
    failed = []
    for c in contenders:
        assert c.process is not None
        try:
            c.process.wait_ready("/plaintext", plan.ready_deadline)
        except ServerStartError as exc:
            c.fail(f"server did not start: {failure_summary(str(exc))}")
            failed.append(c)
    return failed


TELLING = re.compile(r"error|exception|traceback|fail|timed? ?out|refused|killed", re.IGNORECASE)
"""Words that mark the line of a server's output that says why it stopped."""


def failure_summary(text: str) -> str:
    """First line of ``text`` and the line that best says what went wrong.

    That is the last line with a telling word (error, exception, …), else the last line: a
    server's final words are often a polite shutdown message, not the cause.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return lines[0] if lines else ""
    telling = [line for line in lines[1:] if TELLING.search(line)]
    return f"{lines[0]} … {(telling or lines)[-1]}"


def live(contenders: list[Contender]) -> list[Contender]:
    """Contenders that have not failed or been skipped."""
    return [c for c in contenders if c.reason is None]


def window(c: Contender, test: str, seconds: int, plan: Plan) -> bench_wrk.Window | None:
    """One wrk window against ``c``; a dead server or wrk failure fails the contender."""
    if c.process is None or (c.process.process and c.process.process.poll() is not None):
        out = c.process.output() if c.process else ""
        c.fail(f"server exited during the run: {failure_summary(out)}")
        return None
    before = c.process.output_size()
    try:
        got = bench_wrk.run_window(
            bench_wrk.argv(
                c.process.base_url, test, seconds, plan.connections, plan.threads, plan.client_cpus
            ),
            seconds,
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        c.fail(f"wrk failed: {exc}")
        return None
    after = c.process.output_size()
    c.output_bytes += after - before
    refusal = logging_refusal(c.framework, c.server, before, after, got.requests)
    if refusal is not None:
        lines = c.process.output(400).strip().splitlines()
        print(f"  {c.key} {refusal}; its last line: {lines[-1] if lines else ''}", flush=True)
        c.fail(refusal)
        return None
    return got


def run_test(
    contenders: list[Contender],
    test: str,
    plan: Plan,
    log: Progress,
    restart_each_round: bool = False,
) -> None:
    """Warm up, then run ``plan.rounds`` interleaved rounds of one test (servers running).

    ``restart_each_round`` restarts every server before each round (and the reference before
    each of its windows), so state an app keeps between requests (the POST test's in-memory
    store) starts empty in every window.
    """
    reference = contenders[0]
    for c in live(contenders):
        if plan.warmup:
            window(c, test, plan.warmup, plan)
    log(f"{test}: warm-up done; {len(live(contenders))} live")
    for r in range(plan.rounds):
        if restart_each_round:
            for c in contenders:
                c.stop()
            start_all(contenders, plan)
        if reference.reason is not None:
            for c in live(contenders):
                c.fail(f"reference failed: {reference.reason}")
            return
        others = [c.key for c in live(contenders)[1:]]
        slots = bench_schedule.round_order(others, r, plan.block)
        by_key = {c.key: c for c in contenders}
        by_key[bench_schedule.REFERENCE] = reference
        rps: list[float | None] = []
        ref_windows: list[bench_wrk.Window] = []
        started = time.monotonic()
        for slot in slots:
            c = by_key[slot]
            if restart_each_round and slot == bench_schedule.REFERENCE and c.reason is None:
                # The reference takes several windows per round: restart it before each one so
                # that, like every contender, each of its windows starts from an empty store.
                c.stop()
                start_all([c], plan)
            got = window(c, test, plan.window, plan) if c.reason is None else None
            rps.append(got.rps if got else None)
            if got and slot == bench_schedule.REFERENCE:
                ref_windows.append(got)
            elif got:
                c.windows[r] = got
        ref = bench_schedule.reference_rps(slots, rps)
        for key, ratio in bench_schedule.bracket_ratios(slots, rps).items():
            by_key[key].ratios[r] = ratio
        if ref_windows:
            reference.windows[r] = merge(ref_windows)
            reference.ratios[r] = 1.0
        log(
            f"{test}: round {r + 1}/{plan.rounds} in {time.monotonic() - started:.0f} s, "
            f"reference {ref or 0:,.0f} req/s, {len(live(contenders))} live"
        )


def merge(windows: list[bench_wrk.Window]) -> bench_wrk.Window:
    """Several windows of one server as one: summed counts, median latencies."""
    return bench_wrk.Window(
        requests=sum(w.requests for w in windows),
        seconds=sum(w.seconds for w in windows),
        non_2xx=sum(w.non_2xx for w in windows),
        connect=sum(w.connect for w in windows),
        read=sum(w.read for w in windows),
        write=sum(w.write for w in windows),
        timeout=sum(w.timeout for w in windows),
        p50_ms=median([w.p50_ms for w in windows]),
        p99_ms=median([w.p99_ms for w in windows]),
    )


class Progress:
    """Timestamped progress lines on stdout."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, message: str) -> None:
        elapsed = time.monotonic() - self.started
        print(f"[{elapsed / 60:5.1f} min] {message}", flush=True)


def summarise(c: Contender, test: str, plan: Plan, rounds: int) -> HttpResult:
    """The result of one contender in one test."""
    base = {
        "framework": c.framework,
        "server": c.server,
        "test": test,
        "json_library": c.json_library,
    }
    if c.reason is not None:
        return HttpResult(**base, status="skipped" if c.skipped else "failed", reason=c.reason)
    measured = [r for r in range(rounds) if r in c.windows and r in c.ratios]
    if not measured:
        return HttpResult(**base, status="failed", reason="no round produced a measurement")
    wins = [c.windows[r] for r in measured]
    rps = [w.rps for w in wins]
    errors = Errors(
        non_2xx=sum(w.non_2xx for w in wins),
        connect=sum(w.connect for w in wins),
        read=sum(w.read for w in wins),
        write=sum(w.write for w in wins),
        timeout=sum(w.timeout for w in wins),
    )
    requests = sum(w.requests for w in wins)
    ratios = [c.ratios[r] for r in measured]
    result = HttpResult(
        **base,
        status="ok",
        rps=[sig(v) for v in rps],
        ratio_samples=[sig(v) for v in ratios],
        median_rps=sig(median(rps)),
        min_rps=sig(min(rps)),
        max_rps=sig(max(rps)),
        cv=sig(cv(rps), 3),
        ratio=bootstrap_median(ratios, plan.resamples, plan.confidence),
        latency_p50_ms=sig(median([w.p50_ms for w in wins]), 4),
        latency_p99_ms=sig(median([w.p99_ms for w in wins]), 4),
        requests=requests,
        errors=errors,
        output_bytes=c.output_bytes,
    )
    bad = errors.non_2xx + errors.socket
    if requests and bad / requests > MAX_BAD_SHARE:
        share = 100 * bad / requests
        return result.model_copy(
            update={
                "status": "failed",
                "reason": f"{share:.1f} % of responses were errors ({errors.non_2xx} non-2xx, "
                f"{errors.socket} socket errors): req/s not comparable",
            }
        )
    return result


def reset(contenders: list[Contender]) -> None:
    """Forget per-test measurements and failures (skips stay)."""
    for c in contenders:
        c.windows, c.ratios, c.output_bytes = {}, {}, 0
        if not c.skipped:
            c.reason = None


def http_method(plan: Plan, reference: tuple[str, str], restart_each_round: bool) -> HttpMethod:
    """The method record of an HTTP run (what was measured how), from the plan that ran it."""
    order = (
        f"all servers running; a reference window before, between every {plan.block} "
        "contenders and after; order reversed every other round"
    )
    if restart_each_round:
        order += (
            "; every server restarted before each round, the reference before each of its windows"
        )
    return HttpMethod(
        window_seconds=plan.window,
        rounds=plan.rounds,
        warmup_seconds=plan.warmup,
        server_cpus=plan.server_cpus,
        client_cpus=plan.client_cpus,
        connections=plan.connections,
        threads=plan.threads,
        wrk_command=bench_wrk.template(
            plan.connections, plan.threads, plan.window, plan.client_cpus
        ),
        reference=Selector(framework=reference[0], server=reference[1]),
        order=order,
        bootstrap_resamples=plan.resamples,
        confidence=plan.confidence,
        compile_bytecode=True,
        output_check=OUTPUT_CHECK,
    )
