"""The harness refuses a server whose output grows with the requests it answers.

A tiny fixture server (``tests/fixtures/servers/chatty.py``) logs one line per request, or
nothing with ``--quiet``; both run through the real window loop, pinned like a full run.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from scripts.bench.http import Contender, Progress, live, run_test, start_all, summarise
from scripts.bench.quiet import logging_refusal, where_settings_live
from tests.benchmarks.fixtures import small_plan

CHATTY = Path(__file__).resolve().parents[1] / "fixtures" / "servers" / "chatty.py"
PLAN = small_plan(ready_deadline=20)


def test_growth_per_request_is_refused_with_the_server_and_setting() -> None:
    reason = logging_refusal("starlette", "uvicorn", 1000, 1000 + 60 * 5000, 5000)
    assert reason is not None
    assert "uvicorn logs per request (60 bytes each" in reason
    assert "access log off, log level warning" in reason
    assert "data/servers/uvicorn.yaml production" in reason
    assert len(reason) <= 200  # it is stored as a one-line result reason


def test_an_own_server_points_at_its_example_file() -> None:
    reason = logging_refusal("aiohttp", "aiohttp", 0, 500_000, 5000)
    assert reason is not None and "data/examples/aiohttp.yaml runs[aiohttp].production" in reason
    assert where_settings_live("tornado", "tornado").startswith("data/examples/tornado.yaml")


@pytest.mark.parametrize(
    ("grew", "requests"),
    [(0, 5000), (900, 5000), (2000, 50_000), (5000, 0)],
    ids=["silent", "a-stray-warning", "under-a-byte-per-request", "no-requests"],
)
def test_quiet_or_occasional_output_passes(grew: int, requests: int) -> None:
    assert logging_refusal("flask", "gunicorn", 100, 100 + grew, requests) is None


def _server(name: str, *flags: str) -> Contender:
    python, script = shlex.quote(sys.executable), shlex.quote(str(CHATTY))
    command = f"{python} {script} --host {{host}} --port {{port}}"
    return Contender(
        name, "own", None, template=" ".join([command, *flags]), cwd=CHATTY.parent, env={}
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
@pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset is not installed")
def test_a_logging_server_is_refused_and_a_quiet_one_measured() -> None:
    quiet, chatty = _server("quiet", "--quiet"), _server("chatty")
    contenders = [quiet, chatty]  # the first is the reference
    try:
        start_all(contenders, PLAN)
        assert live(contenders) == contenders, [c.reason for c in contenders]
        run_test(contenders, "plaintext", PLAN, Progress())
    finally:
        for c in contenders:
            c.stop()
    assert chatty.reason is not None and chatty.reason.startswith("refused: own logs per request")
    assert quiet.reason is None
    result = summarise(quiet, "plaintext", PLAN, PLAN.rounds)
    assert result.status == "ok" and result.output_bytes == 0
    refused = summarise(chatty, "plaintext", PLAN, PLAN.rounds)
    assert refused.status == "failed" and "access log off" in (refused.reason or "")
