"""The answer on the benchmarks overview: server pairs and the per-framework chart, from results."""

from __future__ import annotations

import copy

from macros.bench.claims import Outcome, ratio_sentence
from macros.bench.headline import (
    best_per_framework,
    framework_answer_html,
    server_answer_html,
    server_pairings,
)
from macros.data.bench_model import Estimate, HttpRun
from tests.benchmarks.fixtures import http_result, http_run


def _run() -> HttpRun:
    data = copy.deepcopy(http_run())
    data["results"] = [
        http_result("starlette", "uvicorn", "plaintext", [1.0, 1.0, 1.0, 1.0]),
        http_result("starlette", "granian", "plaintext", [1.8, 1.7, 1.75, 1.76]),
        http_result("fastapi", "uvicorn", "plaintext", [0.6, 0.62, 0.61, 0.6]),
        http_result("fastapi", "granian", "plaintext", [0.9, 0.93, 0.91, 0.9]),
        http_result("robyn", "robyn", "plaintext", [2.0, 2.1, 2.05, 2.0]),
    ]
    return HttpRun.model_validate(data)


def test_server_pairs_are_paired_per_round_and_sorted() -> None:
    pairs = server_pairings({"plaintext": _run()}, "granian", "uvicorn")
    assert [p.framework for p in pairs] == ["starlette", "fastapi"]
    fastapi = pairs[1].estimate
    assert 1.45 < fastapi.low <= fastapi.median <= fastapi.high < 1.55  # 0.9 / 0.6 and so on
    html = server_answer_html({"plaintext": _run()}, "granian", "uvicorn")
    assert "served more requests per second than uvicorn in 2 of 2" in html
    assert "fewer in" not in html and "too close" not in html
    assert server_answer_html({"plaintext": _run()}, "hypercorn", "uvicorn") == ""


def test_framework_answer_names_the_fastest_and_draws_a_chart() -> None:
    run = _run()
    best = best_per_framework(run, "plaintext")
    assert [(r.framework, r.server) for r in best] == [
        ("robyn", "robyn"),
        ("starlette", "granian"),
        ("fastapi", "granian"),
    ]
    html = framework_answer_html(run, "plaintext")
    assert "robyn on robyn served the most" in html
    assert html.count('class="atlas-svg-bar"') == 3
    assert 'role="img"' in html and "robyn · own server" in html


def test_ratio_sentences_read_in_one_direction() -> None:
    fast = Outcome(
        "json", "r", Estimate(median=3.59, low=3.52, high=3.64), "confirmed", None, "a", "b"
    )
    slow = Outcome(
        "wall time", "r", Estimate(median=0.5, low=0.4, high=0.6), "confirmed", None, "c", "d"
    )
    assert ratio_sentence(fast) == "a is 3.59\u00d7 as fast as b (95 % CI 3.52\u20133.64)"
    assert ratio_sentence(slow).endswith("i.e. 2.0\u00d7 slower")
