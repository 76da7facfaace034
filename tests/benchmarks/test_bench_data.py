"""Result files and the claims ledger load through the shared reader, with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.bench.claims import judge
from macros.bench.stats import bootstrap_median, combine, cv, verdict
from macros.data.bench_loader import load_benchmarks
from macros.data.bench_model import Claim, Estimate
from macros.data.loader import Dataset
from tests.benchmarks.fixtures import http_run, micro_run, write_yaml


def _load(root: Path) -> tuple[Dataset, list[str]]:
    dataset = Dataset(root)
    return dataset, [str(p) for p in load_benchmarks(dataset)]


def test_fixture_runs_load(tmp_path: Path) -> None:
    write_yaml(tmp_path / "data/benchmarks/http-fixture.yaml", http_run())
    write_yaml(tmp_path / "data/benchmarks/micro-fixture.yaml", micro_run())
    dataset, problems = _load(tmp_path / "data")
    assert problems == []
    assert set(dataset.benchmarks) == {"http-fixture", "micro-fixture"}


def test_errors_carry_file_line_and_field(tmp_path: Path) -> None:
    data = http_run()
    data["results"][0]["status"] = "great"
    data["results"][1]["speed"] = 3
    write_yaml(tmp_path / "data/benchmarks/http-fixture.yaml", data)
    _, problems = _load(tmp_path / "data")
    text = "\n".join(problems)
    assert "data/benchmarks/http-fixture.yaml:" in text
    assert "results[0].status: expected one of" in text
    assert "results[1].speed: unknown field" in text
    line = int(problems[0].split(":")[1])
    source = (tmp_path / "data/benchmarks/http-fixture.yaml").read_text().splitlines()
    assert "status" in source[line - 1] or "speed" in source[line - 1]


def test_failed_result_needs_reason_and_id_matches_file(tmp_path: Path) -> None:
    data = http_run()
    del data["results"][3]["reason"]
    write_yaml(tmp_path / "data/benchmarks/http-fixture.yaml", data)
    write_yaml(tmp_path / "data/benchmarks/micro-fixture.yaml", micro_run("other-name"))
    _, problems = _load(tmp_path / "data")
    assert any("http-fixture.yaml" in p and "a failed result needs a reason" in p for p in problems)
    assert any("micro-fixture.yaml" in p and "must match the file name" in p for p in problems)


def test_unknown_kind_is_reported(tmp_path: Path) -> None:
    data = micro_run()
    data["kind"] = "macro"
    write_yaml(tmp_path / "data/benchmarks/micro-fixture.yaml", data)
    _, problems = _load(tmp_path / "data")
    assert len(problems) == 1 and "kind: expected one of http/micro" in problems[0]


def test_claim_pointing_at_missing_result_is_located(tmp_path: Path) -> None:
    write_yaml(tmp_path / "data/benchmarks/http-fixture.yaml", http_run())
    claims = {
        "claims": [
            {
                "id": "x",
                "statement": "x",
                "low": 1,
                "high": 2,
                "made_in": [{"description": "somewhere"}],
                "http": [
                    {
                        "run": "http-fixture",
                        "test": "json",
                        "subject": {"framework": "starlette", "server": "granian"},
                        "baseline": {"framework": "starlette", "server": "uvicorn"},
                    }
                ],
            }
        ]
    }
    (tmp_path / "data/claims.yaml").write_text(yaml.safe_dump(claims), "utf-8")
    _, problems = _load(tmp_path / "data")
    assert len(problems) == 2
    assert all(p.startswith("data/claims.yaml:") for p in problems)
    assert "has no starlette + granian result for test 'json'" in problems[0] + problems[1]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (1.5, 2.0, "confirmed"),  # CI [1.6, 1.8] inside
        (1.0, 1.2, "contradicted"),  # CI entirely above
        (2.0, 3.0, "contradicted"),  # CI entirely below
        (1.7, 2.0, "depends"),  # CI overlaps the lower bound
    ],
)
def test_verdict_rules(low: float, high: float, expected: str) -> None:
    assert verdict(Estimate(median=1.7, low=1.6, high=1.8), low, high) == expected


def test_no_data_is_untested_and_disagreement_depends() -> None:
    assert verdict(None, 1, 2) == "untested"
    assert combine(["untested", "untested"]) == "untested"
    assert combine(["confirmed", "untested", "confirmed"]) == "confirmed"
    assert combine(["confirmed", "contradicted"]) == "depends"


def test_bootstrap_interval_contains_median_and_narrows() -> None:
    wide = bootstrap_median([0.5, 1.0, 1.5, 2.0, 2.5, 0.7, 1.9, 1.2])
    tight = bootstrap_median([1.0, 1.01, 0.99, 1.0, 1.02, 0.98, 1.0, 1.01])
    assert wide.low <= wide.median <= wide.high
    assert (tight.high - tight.low) < (wide.high - wide.low) / 10
    assert cv([1.0, 1.0, 1.0]) == 0.0


def _claim(low: float, high: float, **measures: object) -> Claim:
    return Claim.model_validate(
        {
            "id": "c",
            "statement": "s",
            "low": low,
            "high": high,
            "made_in": [{"description": "d"}],
            **measures,
        }
    )


def _runs(tmp_path: Path) -> Dataset:
    write_yaml(tmp_path / "data/benchmarks/http-fixture.yaml", http_run())
    write_yaml(tmp_path / "data/benchmarks/micro-fixture.yaml", micro_run())
    dataset, problems = _load(tmp_path / "data")
    assert problems == []
    return dataset


def test_claims_are_judged_from_results(tmp_path: Path) -> None:
    runs = _runs(tmp_path).benchmarks
    granian = {
        "run": "http-fixture",
        "test": "plaintext",
        "subject": {"framework": "starlette", "server": "granian"},
        "baseline": {"framework": "starlette", "server": "uvicorn"},
    }
    assert judge(_claim(1.5, 2.0, http=[granian]), runs).verdict == "confirmed"
    assert judge(_claim(2.0, 3.0, http=[granian]), runs).verdict == "contradicted"
    assert judge(_claim(1.74, 3.0, http=[granian]), runs).verdict == "depends"
    broken = {**granian, "subject": {"framework": "broken", "server": "uvicorn"}}
    outcome = judge(_claim(1.5, 2.0, http=[broken]), runs)
    assert outcome.verdict == "untested"
    assert "exited with 1" in (outcome.outcomes[0].why_untested or "")
    micro = {
        "run": "micro-fixture",
        "subject": "serialization/encode/msgspec",
        "baseline": "serialization/encode/pydantic",
    }
    assert judge(_claim(2.55, 3.45, micro=[micro]), runs).verdict == "confirmed"
    instr = {**micro, "metric": "instructions"}
    result = judge(_claim(2.55, 3.45, micro=[instr]), runs)
    assert result.outcomes[0].estimate == Estimate(median=3.1, low=3.1, high=3.1)


def test_project_data_validates() -> None:
    from macros.data.loader import DEFAULT_DATA_DIR

    dataset, problems = _load(DEFAULT_DATA_DIR)
    assert problems == []
    assert dataset.claims.claims, "data/claims.yaml should hold claims"
