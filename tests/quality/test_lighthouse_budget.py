"""How ``atlas lighthouse`` reads a report and judges it (no browser needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scripts.site.lighthouse import (
    LighthouseBudget,
    below_budget,
    failing_audits,
    scores,
)

ROOT = Path(__file__).resolve().parents[2]


def fake_report(perf: float, a11y: float) -> dict[str, Any]:
    def category(score: float, refs: list[dict[str, Any]]) -> dict[str, Any]:
        return {"score": score, "auditRefs": refs}

    return {
        "categories": {
            "performance": category(perf, [{"id": "largest-contentful-paint", "weight": 25}]),
            "accessibility": category(
                a11y,
                [{"id": "aria-dialog-name", "weight": 7}, {"id": "color-contrast", "weight": 7}],
            ),
            "best-practices": category(1, [{"id": "errors-in-console", "weight": 1}]),
            "seo": category(1, [{"id": "meta-description", "weight": 0}]),
        },
        "audits": {
            "largest-contentful-paint": {"score": 0.93, "displayValue": "2.6\xa0s"},
            "aria-dialog-name": {"score": 0},
            "color-contrast": {"score": 1},
            "errors-in-console": {"score": 1},
            "meta-description": {"score": 0},  # weight 0: costs no points
        },
    }


def committed_budget() -> LighthouseBudget:
    text = (ROOT / "budgets" / "lighthouse.yaml").read_text(encoding="utf-8")
    return LighthouseBudget.model_validate(yaml.safe_load(text))


def test_scores_and_failing_audits() -> None:
    report = fake_report(0.945, 0.93)
    assert scores(report) == {
        "performance": 94,
        "accessibility": 93,
        "best-practices": 100,
        "seo": 100,
    }
    assert failing_audits(report) == [
        "performance/largest-contentful-paint (2.6 s)",
        "accessibility/aria-dialog-name",
    ]


def test_committed_budget_judges_pages_and_chart_pages() -> None:
    budget = committed_budget()
    assert [p.path for p in budget.pages][:3] == ["", "frameworks/fastapi/", "frameworks/"]
    result = {"path": "/x/", "scores": scores(fake_report(0.92, 1))}
    assert below_budget(result, budget.minimums) == ["/x/: performance 92 < 95"]
    assert below_budget(result, budget.charts) == []
    result = {"path": "/x/", "scores": scores(fake_report(1, 0.99))}
    assert below_budget(result, budget.charts) == ["/x/: accessibility 99 < 100"]
