"""A framework or server page's own benchmark rows, from the runs the benchmark pages show."""

from __future__ import annotations

from macros.bench.entity_rows import entity_bench_html, entity_rows
from macros.data.bench_model import HttpRun
from tests.benchmarks.fixtures import http_run

RUN = HttpRun.model_validate(http_run("http-fixture"))


def test_a_framework_gets_its_example_under_every_server() -> None:
    rows = entity_rows("starlette", "framework", [RUN])
    assert [r[1] for r in rows] == ["starlette on granian", "starlette on uvicorn"]
    granian = rows[0]
    assert granian[0] == "plaintext" and granian[2] == "1.75" and granian[-1] == "http-fixture"
    assert granian[5] == "starlette on uvicorn"  # the reference the ratio is to


def test_a_server_gets_every_framework_on_it_and_failures_keep_their_reason() -> None:
    rows = entity_rows("uvicorn", "server", [RUN])
    expected = ["broken on uvicorn", "fastapi on uvicorn", "starlette on uvicorn"]
    assert [r[1] for r in rows] == expected
    assert rows[0][2] == "failed" and "exited with 1" in rows[0][3]


def test_html_links_each_row_to_its_run_and_nothing_for_an_unmeasured_entity() -> None:
    html = entity_bench_html("fastapi", "framework", [RUN], "../../benchmarks/")
    assert 'href="../../benchmarks/#run-http-fixture"' in html
    assert "<td>fastapi on uvicorn</td>" in html
    assert entity_bench_html("django", "framework", [RUN], "x/") == ""
    assert entity_bench_html("starlette", "validation", [RUN], "x/") == ""
