"""Charts are built from result files: figure JSON, data tables and safe embedding."""

from __future__ import annotations

import json
import re

from macros.bench.charts import (
    cold_start_chart,
    latency_chart,
    ratio_chart,
    rps_chart,
    serialization_chart,
)
from macros.bench.render import chart_html, relative
from macros.data.bench_model import HttpRun, MicroRun
from tests.benchmarks.fixtures import http_result, http_run, micro_run


def _http() -> HttpRun:
    return HttpRun.model_validate(http_run())


def test_ratio_chart_groups_by_server_with_ci_error_bars() -> None:
    chart = ratio_chart(_http(), "plaintext")
    traces = {t["name"]: t for t in chart.figure["data"]}
    assert set(traces) == {"uvicorn", "granian"}
    granian = traces["granian"]
    assert granian["type"] == "bar" and list(granian["x"]) == ["starlette"]
    median = granian["y"][0]
    assert 1.7 < median < 1.8
    assert granian["error_y"]["array"][0] > 0 and granian["error_y"]["arrayminus"][0] > 0
    # template="none": no default theme (~6.5 KB) embedded in every figure
    assert len(json.dumps(chart.figure["layout"])) < 1500
    # the failed contender is not drawn, and the table has one row per drawn bar
    assert all("broken" not in t["x"] for t in chart.figure["data"])
    assert len(chart.rows) == 3


def test_rps_and_latency_tables_carry_the_numbers() -> None:
    run = _http()
    rps = rps_chart(run, "plaintext")
    assert [row[0] for row in rps.rows] == ["starlette", "fastapi", "starlette"]
    assert rps.rows[0][2] == "1,000"
    latency = latency_chart(run, "plaintext")
    assert {t["name"] for t in latency.figure["data"]} == {"p50", "p99"}
    assert latency.figure["layout"]["yaxis"]["type"] == "log"


def test_micro_charts() -> None:
    run = MicroRun.model_validate(micro_run())
    chart = serialization_chart(run, "instructions")
    encode = next(t for t in chart.figure["data"] if t["name"] == "encode")
    assert list(encode["y"]) == [3100.0, 1000.0]  # Pydantic v2 first, then msgspec
    assert cold_start_chart(run).rows == []


def test_chart_html_escapes_json_and_points_at_local_plotly() -> None:
    run = _http()
    chart = ratio_chart(run, "plaintext")
    hostile = chart.figure
    hostile["layout"]["title"]["text"] = "</script><script>alert(1)</script>"
    html = chart_html(chart, run, "benchmarks/http/")
    assert "</script><script>alert" not in html
    match = re.search(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    assert match is not None
    assert json.loads(match.group(2))["layout"]["title"]["text"].startswith("</script>")
    assert 'data-plotly-src="../../assets/vendor/plotly.min.js"' in html
    assert "<table" in html and "uv run atlas bench --quick" in html
    assert "<script src" not in html


def test_relative_urls() -> None:
    assert relative("benchmarks/http/", "assets/x.js") == "../../assets/x.js"
    assert relative("benchmarks/http.html", "assets/x.js") == "../assets/x.js"
    assert relative("", "assets/x.js") == "assets/x.js"


def test_http_charts_order_frameworks_reference_first_and_group_own_servers() -> None:
    data = http_run()
    data["results"].append(http_result("robyn", "robyn", "plaintext", [2.0] * 8))
    data["results"].append(http_result("aiohttp", "gunicorn", "plaintext", [0.9] * 8))
    run = HttpRun.model_validate(data)
    for chart in (ratio_chart(run, "plaintext"), rps_chart(run, "plaintext")):
        xaxis = chart.figure["layout"]["xaxis"]
        # the reference's framework first, then the others alphabetically, whatever the
        # order of the traces
        assert list(xaxis["categoryarray"]) == ["starlette", "aiohttp", "fastapi", "robyn"]
        assert xaxis["categoryorder"] == "array"
        names = [t["name"] for t in chart.figure["data"]]
        assert names == ["uvicorn", "granian", "gunicorn", "own server"]
