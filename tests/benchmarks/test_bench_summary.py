"""`atlas bench-summary`: the framework x server x test table the closing notes quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.bench.select import shown_http_runs
from macros.data.bench_model import HttpRun
from scripts import atlas
from scripts.bench.summary import summary_table
from tests.benchmarks.fixtures import http_result, http_run, write_yaml
from tests.site.sitebuild import copy_project_data


def _run(run_id: str, started: str, test: str = "plaintext") -> HttpRun:
    data = http_run(run_id)
    data["provenance"]["started"] = started
    for result in data["results"]:
        result["test"] = test
    return HttpRun.model_validate(data)


def test_each_test_comes_from_the_newest_full_run_that_has_it() -> None:
    old = _run("http-old", "2026-11-25T10:00:00Z")
    new_json = _run("http-json-new", "2026-11-30T10:00:00Z", "json")
    quick = _run("http-quick-newest", "2026-12-01T10:00:00Z")
    shown = shown_http_runs([old, new_json, quick])
    assert {test: run.id for test, run in shown.items()} == {
        "plaintext": "http-old",
        "json": "http-json-new",
    }


def test_rows_carry_median_rps_cv_and_ratio_with_ci_or_the_failure_reason() -> None:
    table = summary_table({"plaintext": _run("http-a", "2026-11-25T10:00:00Z")})
    lines = table.splitlines()
    rows = {tuple(cell.strip() for cell in line.split("|")[1:3]): line for line in lines}
    # Fixture ratios 1.70-1.80 around a median of 1.75, at 1,000 req/s x ratio, CV 0.01.
    assert "| 1,750 | 0.01 | 1.75 [1.70\u20131.80] |" in rows[("starlette", "granian")]
    assert "| failed |  | exited with 1 before answering |" in rows[("broken", "uvicorn")]
    assert table.splitlines()[0].startswith("| framework | server | plaintext req/s | CV |")


def test_a_framework_on_its_own_server_is_labelled_own() -> None:
    data = http_run("http-own")
    data["results"].append(http_result("robyn", "robyn", "plaintext", [2.0] * 8))
    table = summary_table({"plaintext": HttpRun.model_validate(data)})
    assert "| robyn | own | 2,000 |" in table


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = copy_project_data(tmp_path)
    for path in (data / "benchmarks").glob("*.yaml"):
        path.unlink()
    (data / "claims.yaml").unlink()
    write_yaml(data / "benchmarks" / "http-fixture.yaml", http_run())
    return data


def test_command_prints_the_runs_and_the_table(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert atlas.main(["bench-summary", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Runs: http-fixture (plaintext, 0.2 min). Total 0.2 min.")
    assert "| starlette | granian | 1,750 | 0.01 | 1.75 [1.70\u20131.80] |" in out


def test_command_refuses_an_unknown_run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert atlas.main(["bench-summary", "--data", str(data_dir), "--run", "http-nope"]) == 1
    assert "no http run http-nope" in capsys.readouterr().err
