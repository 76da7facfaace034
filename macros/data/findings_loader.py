"""Load ``data/probe-findings.yaml`` (optional) and check it against the framework cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.data.dataset import display_path
from macros.data.features import FrameworkFeatures
from macros.data.findings_model import ProbeFindings
from macros.data.model_check import read_model
from macros.data.problems import Problem
from macros.data.references import unknown_reference

if TYPE_CHECKING:
    from macros.data.dataset import Dataset

FINDINGS_FILE = "probe-findings.yaml"


def load_findings(dataset: Dataset) -> list[Problem]:
    """Fill ``dataset.findings``; every finding names a framework cell that now holds ``now``."""
    path = dataset.root / FINDINGS_FILE
    if not path.is_file():
        return []
    findings, doc, problems = read_model(path, display_path(path, dataset.root), ProbeFindings)
    if findings is None or doc is None:
        return problems
    for i, finding in enumerate(findings.findings):
        loc: tuple[str | int, ...] = ("findings", i)
        entity = dataset.entities.get(finding.framework)
        if entity is None or entity.kind != "framework":
            problems.append(unknown_reference(doc, (*loc, "framework"), finding.framework))
            continue
        if finding.feature not in FrameworkFeatures.model_fields:
            problems.append(doc.problem((*loc, "feature"), "not a framework feature"))
            continue
        cell = getattr(entity.features, finding.feature)  # type: ignore[attr-defined]
        if cell is None or cell.value != finding.now:
            value = cell.value if cell else "unset"
            message = f"{finding.framework}'s cell is {value!r}, not {finding.now!r}"
            problems.append(doc.problem((*loc, "now"), message))
    dataset.findings = findings
    return problems
