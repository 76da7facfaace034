"""The three micro-benchmark groups; each returns results, the environments used and notes."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.apps.env import ensure_env, env_vars
from macros.bench.stats import cv, median
from macros.data.bench_model import MicroResult, PackageEnv
from scripts.bench import cachegrind as bench_cachegrind
from scripts.bench import examples as bench_examples
from scripts.bench.env import find_interpreters, micro_env, runtime_env
from scripts.bench.output import sig
from scripts.bench.provenance import package_env, python_version

ROOT = Path(__file__).resolve().parents[2]
MICRO = ROOT / "benchmarks" / "micro"
LIBS = ("pydantic", "msgspec", "stdlib", "orjson")
OPS = ("encode", "decode", "roundtrip")
LIB_PACKAGES = {"pydantic": "pydantic", "msgspec": "msgspec", "orjson": "orjson"}
GroupOutput = tuple[list[MicroResult], list[PackageEnv], list[str]]


@dataclass(frozen=True)
class Settings:
    """Sizes and placement of one micro run."""

    n: int
    repeats: int
    cachegrind_n: int
    cpu: int
    only: set[str] | None = None
    libs: tuple[str, ...] = LIBS


def pinned(cpu: int, argv: Sequence[str]) -> list[str]:
    """``argv`` pinned to one core with taskset."""
    return ["taskset", "-c", str(cpu), *argv]


def run_json(
    argv: Sequence[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 1800
) -> Any:
    """Run a program that prints one JSON document; raise with its stderr if it fails."""
    done = subprocess.run(
        list(argv), env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout)


def timing_fields(seconds: list[float], n: int) -> dict[str, Any]:
    """Samples, median, CV and ns per operation of one measurement."""
    mid = median(seconds)
    return {
        "wall_seconds": [sig(s) for s in seconds],
        "median_seconds": sig(mid),
        "cv": sig(cv(seconds), 3),
        "ns_per_op": sig(mid / n * 1e9, 4) if n else None,
    }


def failed(result_id: str, group: str, subject: str, operation: str, reason: str) -> MicroResult:
    """A result that could not be measured, with its reason on one line."""
    return MicroResult(
        id=result_id,
        group=group,
        subject=subject,
        operation=operation,
        status="failed",
        reason=" ".join(reason.split())[:200],
    )


# --- serialization -------------------------------------------------------------------------------


def serialization(conf: Settings) -> GroupOutput:
    """Encode / decode+validate / roundtrip a user object with four libraries."""
    venv = micro_env(MICRO / "requirements.txt")
    python = venv / "bin" / "python"
    env = {**env_vars(venv), "PYTHONHASHSEED": "0"}
    penv = package_env("micro", python)
    script = str(MICRO / "serialize.py")
    print(f"  wall time: n={conf.n:,} x {conf.repeats} repeats, interleaved", flush=True)
    data = run_json(
        pinned(
            conf.cpu,
            [
                str(python),
                script,
                "--n",
                str(conf.n),
                "--repeats",
                str(conf.repeats),
                "--libs",
                ",".join(conf.libs),
            ],
        ),
        env,
    )
    results = []
    for lib in conf.libs:
        versions = {p: penv.packages[p] for p in (LIB_PACKAGES.get(lib),) if p in penv.packages}
        for op in OPS:
            rid = f"serialization/{op}/{lib}"
            ipo = None
            if conf.cachegrind_n:
                print(f"  cachegrind {rid} (n={conf.cachegrind_n:,})", flush=True)
                argv = {
                    k: [
                        str(python),
                        script,
                        "--libs",
                        lib,
                        "--ops",
                        op,
                        "--n",
                        str(k),
                        "--repeats",
                        "1",
                    ]
                    for k in (0, conf.cachegrind_n)
                }
                ipo = sig(bench_cachegrind.per_operation(argv, conf.cachegrind_n, env), 4)
            results.append(
                MicroResult(
                    id=rid,
                    group="serialization",
                    subject=lib,
                    operation=op,
                    status="ok",
                    n=conf.n,
                    **timing_fields(data["times"][f"{lib}/{op}"], conf.n),
                    instructions_per_op=ipo,
                    cachegrind_n=conf.cachegrind_n or None,
                    python=penv.python,
                    versions=versions,
                )
            )
    notes = [
        "Serialization: one flat user {id, email, name}; email is a plain str for every "
        "library; stdlib and orjson decode with a hand-written type check into a "
        "dataclass."
    ]
    return results, [penv], notes


# --- cold start ----------------------------------------------------------------------------------

IMPORT_CODE = (
    "import importlib, sys, time; sys.path.insert(0, '.'); t = time.perf_counter(); "
    "m = importlib.import_module({module!r}); getattr(m, {attr!r}); "
    "print(time.perf_counter() - t)"
)


def _cold_env(venv: Path, prefix: Path, write: bool) -> dict[str, str]:
    env = {**env_vars(venv), "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONHASHSEED": "0"}
    if write:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _import_seconds(python: Path, cwd: Path, code: str, env: dict[str, str], cpu: int) -> float:
    done = subprocess.run(
        pinned(cpu, [str(python), "-c", code]),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"import failed: {done.stderr.strip()[-300:]}")
    return float(done.stdout.strip().splitlines()[-1])


def cold_start(conf: Settings) -> GroupOutput:
    """Import + app creation per example, with a warm bytecode cache and with none.

    Both modes point ``PYTHONPYCACHEPREFIX`` at a private folder: pre-filled (every module
    compiled, including the example) or empty and read-only (every module compiled from source).
    """
    results: list[MicroResult] = []
    envs: list[PackageEnv] = []
    ready: list[tuple[str, Path, Path, str]] = []
    for example in bench_examples.load_examples():
        fw = example.framework
        if conf.only and fw not in conf.only:
            continue
        why = bench_examples.why_not_runnable(example)
        if why is None:
            try:
                venv = ensure_env(fw, bench_examples.requirements(fw))
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                why = f"environment failed: {exc}"
        if why is not None:
            for mode in ("bytecode", "source"):
                results.append(
                    failed(
                        f"cold-start/{fw}/{mode}", "cold-start", fw, f"import + app ({mode})", why
                    ).model_copy(update={"status": "skipped"})
                )
            continue
        module, attr = example.target.split(":", 1)
        code = IMPORT_CODE.format(module=module, attr=attr.split("(")[0])
        ready.append((fw, venv, bench_bytecode_prefix(fw), code))
        envs.append(package_env(fw, venv / "bin" / "python"))
    with tempfile.TemporaryDirectory(prefix="atlas-nocache-") as empty:
        samples = _cold_samples(ready, Path(empty), conf)
    for fw, venv, _, _ in ready:
        py = python_version(venv / "bin" / "python")
        for mode in ("bytecode", "source"):
            got = samples[(fw, mode)]
            rid = f"cold-start/{fw}/{mode}"
            if isinstance(got, str):
                results.append(failed(rid, "cold-start", fw, f"import + app ({mode})", got))
                continue
            results.append(
                MicroResult(
                    id=rid,
                    group="cold-start",
                    subject=fw,
                    operation=f"import + app ({mode})",
                    status="ok",
                    n=1,
                    **{**timing_fields(got, 1), "ns_per_op": None},
                    python=py,
                )
            )
    notes = [
        "Cold start: seconds from the first import of the example module to its app "
        "object, inside a fresh interpreter (interpreter start-up excluded)."
    ]
    return results, envs, notes


def bench_bytecode_prefix(fw: str) -> Path:
    """A per-example bytecode cache folder outside the repository."""
    return Path(tempfile.gettempdir()) / "atlas-pycache" / fw


def _cold_samples(
    ready: list[tuple[str, Path, Path, str]], empty: Path, conf: Settings
) -> dict[tuple[str, str], list[float] | str]:
    samples: dict[tuple[str, str], list[float] | str] = {}
    jobs = []
    for fw, venv, prefix, code in ready:
        cwd = bench_examples.example_dir(fw)
        python = venv / "bin" / "python"
        try:  # fill the bytecode cache once
            _import_seconds(python, cwd, code, _cold_env(venv, prefix, True), conf.cpu)
        except RuntimeError as exc:
            samples[(fw, "bytecode")] = samples[(fw, "source")] = str(exc)
            continue
        for mode, env in (
            ("bytecode", _cold_env(venv, prefix, False)),
            ("source", _cold_env(venv, empty, False)),
        ):
            samples[(fw, mode)] = []
            jobs.append((fw, mode, python, cwd, code, env))
    repeats = max(conf.repeats, 5)
    print(f"  cold start: {len(jobs)} cases x {repeats} repeats, interleaved", flush=True)
    for repeat in range(repeats):
        for fw, mode, python, cwd, code, env in jobs if repeat % 2 == 0 else reversed(jobs):
            got = samples[(fw, mode)]
            if isinstance(got, list):
                try:
                    got.append(_import_seconds(python, cwd, code, env, conf.cpu))
                except RuntimeError as exc:
                    samples[(fw, mode)] = str(exc)
    return samples


# --- runtimes ------------------------------------------------------------------------------------


def runtimes(conf: Settings) -> GroupOutput:
    """The same Starlette plaintext endpoint, called through ASGI, on every CPython found."""
    interpreters = find_interpreters()
    requirements = MICRO / "runtime-requirements.txt"
    script = str(MICRO / "asgi_loop.py")
    n = max(conf.n // 50, 2000)
    jobs = []
    envs = []
    for interp in interpreters:
        venv = runtime_env(interp, requirements)
        envs.append(package_env(f"runtime-{interp.minor}", venv / "bin" / "python"))
        jobs.append((interp, venv / "bin" / "python", {**env_vars(venv), "PYTHONHASHSEED": "0"}))
    seconds: dict[str, list[float]] = {i.minor: [] for i, _, _ in jobs}
    print(f"  ASGI loop: n={n:,} on {', '.join(seconds)} x {conf.repeats} repeats", flush=True)
    for repeat in range(conf.repeats):
        for interp, python, env in jobs if repeat % 2 == 0 else reversed(jobs):
            data = run_json(pinned(conf.cpu, [str(python), script, "--n", str(n)]), env)
            seconds[interp.minor] += data["seconds"]
    results = []
    for interp, python, env in jobs:
        ipo = None
        if conf.cachegrind_n:
            k = max(conf.cachegrind_n // 10, 200)
            argv = {m: [str(python), script, "--n", str(m)] for m in (0, k)}
            ipo = sig(bench_cachegrind.per_operation(argv, k, env), 4)
        build = "free-threaded" if interp.free_threaded else ("JIT" if interp.jit else "default")
        results.append(
            MicroResult(
                id=f"runtime/asgi-plaintext/{interp.minor}",
                group="runtime",
                subject=f"CPython {interp.minor}",
                operation="Starlette plaintext via ASGI, in-process",
                status="ok",
                n=n,
                **timing_fields(seconds[interp.minor], n),
                instructions_per_op=ipo,
                cachegrind_n=(max(conf.cachegrind_n // 10, 200) if conf.cachegrind_n else None),
                python=python_version(python),
                notes=[f"build: {build}"],
            )
        )
    special = [i for i in interpreters if i.free_threaded or i.jit]
    notes = (
        []
        if special
        else [
            "Runtimes: only default CPython builds are installed here; no free-threaded (3.13t) or "
            "JIT-enabled build was measured."
        ]
    )
    return results, envs, notes
