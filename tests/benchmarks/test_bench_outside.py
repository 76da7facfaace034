"""The outside check: rank correlation, spread, and both sides' ratios to the same reference."""

from __future__ import annotations

import math
from typing import Any

import pytest

from macros.bench.outside import compare, comparison_html, ranks, runs_to_compare, spearman, spread
from macros.data.bench_model import HttpRun
from macros.data.loader import load_dataset
from macros.data.model import Example
from macros.data.outside_model import OutsideSource
from tests.benchmarks.fixtures import http_result, http_run


def test_ranks_share_ties() -> None:
    assert ranks([10.0, 30.0, 20.0, 20.0]) == [1.0, 4.0, 2.5, 2.5]


def test_spearman_known_values() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    # one adjacent swap among four: 1 - 6 * 2 / (4 * 15) = 0.8
    assert spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert spearman([1, 2], [1, 2]) is None
    assert spearman([1, 1, 1], [1, 2, 3]) is None


def test_spread_is_the_geometric_sd() -> None:
    assert spread([1.0, 1.0, 1.0]) == pytest.approx(1.0)
    assert spread([0.5, 2.0]) == pytest.approx(math.exp(math.log(4) / math.sqrt(2)))
    assert spread([3.0]) is None


def _example(framework: str, *servers: str) -> Example:
    runs = [{"server": s} for s in servers]
    return Example.model_validate(
        {"framework": framework, "interface": "asgi", "target": "app:app", "runs": runs}
    )


def _source(**changes: Any) -> OutsideSource:
    data: dict[str, Any] = {
        "id": "fixture",
        "title": "A <fixture>",
        "url": "https://example.org/data.json",
        "published": "2026-02-11",
        "checked": "2026-12-01",
        "compares": "frameworks",
        "atlas_test": "plaintext",
        "reference": "fastapi",
        "method": {
            "tool": "oha",
            "request": "GET /",
            "keep_alive": False,
            "concurrency": 64,
            "duration": "15 s",
            "cpus": 16,
            "workers": "one per CPU",
            "machine": "a big one",
        },
        "differences": ["No keep-alive."],
        "results": [
            {"label": "fastapi", "framework": "fastapi", "rps": 1000},
            {"label": "starlette", "framework": "starlette", "rps": 1500},
            {"label": "unknown", "framework": "nothing-here", "rps": 9000},
        ],
    }
    data.update(changes)
    return OutsideSource.model_validate(data)


def test_both_sides_divide_by_fastapi_on_uvicorn() -> None:
    run = HttpRun.model_validate(http_run())  # starlette@uvicorn = 1, fastapi@uvicorn ~0.52
    examples = {
        "fastapi": _example("fastapi", "uvicorn"),
        "starlette": _example("starlette", "uvicorn", "granian"),
    }
    c = compare(_source(), [run], examples)
    by_label = {r.label: r for r in c.rows}
    assert set(by_label) == {"fastapi", "starlette"}  # rows the Atlas never ran are left out
    assert by_label["starlette"].theirs == pytest.approx(1.5)
    assert by_label["starlette"].pair == ("starlette", "uvicorn")  # the first server listed
    fastapi = next(r.ratio.median for r in run.results if r.framework == "fastapi" and r.ratio)
    assert by_label["starlette"].ours[run.id] == pytest.approx(1 / fastapi)
    assert by_label["fastapi"].ours[run.id] == pytest.approx(1.0)
    html = comparison_html(c, {run.id: "fixture run"})
    assert "A &lt;fixture&gt;" in html and "Our ratio, fixture run" in html


def test_server_comparisons_use_the_named_framework() -> None:
    run = HttpRun.model_validate(http_run())
    source = _source(
        compares="servers",
        atlas_framework="starlette",
        reference="Uvicorn",
        results=[
            {"label": "Uvicorn", "server": "uvicorn", "rps": 50000},
            {"label": "Granian", "server": "granian", "rps": 125000},
        ],
    )
    c = compare(source, [run], {})
    granian = next(r for r in c.rows if r.label == "Granian")
    assert granian.theirs == pytest.approx(2.5)
    assert granian.ours[run.id] == pytest.approx(1.75, abs=0.05)


def test_reference_must_be_a_row() -> None:
    with pytest.raises(ValueError, match="reference"):
        _source(reference="django")


def test_runs_to_compare_are_the_two_newest_full_runs() -> None:
    older = http_run("http-a")
    newer = http_run("http-b")
    newer["provenance"] = {**newer["provenance"], "started": "2026-11-26T10:00:00Z"}
    quick = http_run("http-quick-c")
    quick["provenance"] = {**quick["provenance"], "started": "2026-11-27T10:00:00Z"}
    other = http_run("http-d")
    other["results"] = [http_result("starlette", "uvicorn", "json", [1.0] * 8)]
    runs = [HttpRun.model_validate(r) for r in (newer, quick, older, other)]
    assert [r.id for r in runs_to_compare(runs, "plaintext")] == ["http-a", "http-b"]


def test_the_recorded_sources_load_and_match_atlas_rows() -> None:
    data = load_dataset()
    assert data.outside is not None
    ids = {s.id for s in data.outside.sources}
    assert {"the-benchmarker-c64", "httparena-baseline", "granian-vs-asgi"} <= ids
    for source in data.outside.sources:
        assert source.url.startswith("https://github.com/")
        run = [r for r in data.benchmarks.values() if isinstance(r, HttpRun)]
        assert compare(source, run, data.examples).rows, source.id
