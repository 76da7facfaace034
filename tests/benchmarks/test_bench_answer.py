"""The benchmarks overview's opening answer: fastest and slowest pair per test on show."""

from __future__ import annotations

from macros.bench.answer import answer_html, extremes
from macros.data.bench_model import HttpRun
from tests.benchmarks.fixtures import http_run


def test_fastest_and_slowest_of_each_test() -> None:
    run = HttpRun.model_validate(http_run())
    [(test, fast, slow, run_id)] = extremes([run])
    assert (test, run_id) == ("plaintext", "http-fixture")
    assert (fast.framework, fast.server) == ("starlette", "granian")
    assert (slow.framework, slow.server) == ("fastapi", "uvicorn")  # failed results are left out
    html = answer_html([run])
    assert "starlette on granian (1.75)" in html and "fastapi on uvicorn (0.52)" in html
    assert "3.4\u00d7" in html


def test_nothing_to_say_without_runs() -> None:
    assert answer_html([]) == ""
