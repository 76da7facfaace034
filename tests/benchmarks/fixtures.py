"""A small, valid HTTP run and micro run as plain data, for tests that need result files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from macros.data.bench_model import MACHINE_LABEL
from scripts.bench.http import Plan


def small_plan(**changes: Any) -> Plan:
    """A short plan for tests that start real servers: 2 rounds of 1 s windows, no warm-up."""
    base = Plan(
        tests=["plaintext"],
        rounds=2,
        window=1,
        warmup=0,
        connections=16,
        threads=1,
        server_cpus=[0],
        client_cpus=[1],
        resamples=200,
        ready_deadline=60,
    )
    return replace(base, **changes)


def provenance() -> dict[str, Any]:
    """A complete provenance block."""
    return {
        "date": "2026-11-25",
        "started": "2026-11-25T10:00:00Z",
        "duration_seconds": 12.5,
        "machine": {"label": MACHINE_LABEL, "cpu_model": "AMD EPYC", "cores": 2, "kernel": "6.18"},
        "harness_python": "3.11.7",
        "command": "uv run atlas bench --quick",
        "environments": [
            {"name": "starlette", "python": "3.11.7", "packages": {"starlette": "0.50.0"}}
        ],
    }


def http_result(
    framework: str, server: str, test: str, ratios: list[float], rps: float = 1000.0
) -> dict[str, Any]:
    """An ok result whose per-round ratios to the reference are ``ratios``."""
    samples = [rps * r for r in ratios]
    ordered = sorted(ratios)
    mid = ordered[len(ordered) // 2]
    return {
        "framework": framework,
        "server": server,
        "test": test,
        "status": "ok",
        "rps": samples,
        "ratio_samples": ratios,
        "median_rps": rps * mid,
        "min_rps": min(samples),
        "max_rps": max(samples),
        "cv": 0.01,
        "ratio": {"median": mid, "low": ordered[0], "high": ordered[-1]},
        "latency_p50_ms": 1.0,
        "latency_p99_ms": 3.0,
        "requests": 1000,
    }


def http_run(run_id: str = "http-fixture") -> dict[str, Any]:
    """Reference, a contender at ~1.75x on two servers, and one failed app."""
    ones = [1.0] * 8
    return {
        "id": run_id,
        "kind": "http",
        "title": "fixture",
        "provenance": provenance(),
        "method": {
            "window_seconds": 2,
            "rounds": 8,
            "warmup_seconds": 2,
            "server_cpus": [0],
            "client_cpus": [1],
            "connections": 64,
            "threads": 1,
            "wrk_command": "wrk -t1 -c64 -d2s URL",
            "reference": {"framework": "starlette", "server": "uvicorn"},
            "order": "alternating",
            "bootstrap_resamples": 1000,
            "confidence": 0.95,
            "compile_bytecode": True,
        },
        "results": [
            http_result("starlette", "uvicorn", "plaintext", ones),
            http_result(
                "starlette", "granian", "plaintext", [1.7, 1.72, 1.75, 1.78, 1.8, 1.74, 1.76, 1.73]
            ),
            http_result(
                "fastapi", "uvicorn", "plaintext", [0.5, 0.52, 0.55, 0.5, 0.51, 0.53, 0.54, 0.49]
            ),
            {
                "framework": "broken",
                "server": "uvicorn",
                "test": "plaintext",
                "status": "failed",
                "reason": "exited with 1 before answering",
            },
        ],
    }


def micro_run(run_id: str = "micro-fixture") -> dict[str, Any]:
    """Encode timings: pydantic 3x slower than msgspec."""

    def res(subject: str, seconds: list[float], ipo: float) -> dict[str, Any]:
        return {
            "id": f"serialization/encode/{subject}",
            "group": "serialization",
            "subject": subject,
            "operation": "encode",
            "status": "ok",
            "n": 1000,
            "wall_seconds": seconds,
            "median_seconds": sorted(seconds)[len(seconds) // 2],
            "cv": 0.02,
            "ns_per_op": 100.0,
            "instructions_per_op": ipo,
        }

    return {
        "id": run_id,
        "kind": "micro",
        "title": "fixture",
        "provenance": provenance(),
        "method": {
            "repeats": 5,
            "interleaved": True,
            "compile_bytecode": True,
            "bootstrap_resamples": 1000,
            "confidence": 0.95,
        },
        "results": [
            res("msgspec", [0.10, 0.11, 0.10, 0.12, 0.10], 1000.0),
            res("pydantic", [0.30, 0.33, 0.31, 0.36, 0.30], 3100.0),
        ],
    }


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    """Dump ``data`` to ``path`` (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path
