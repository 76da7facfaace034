"""Which framework cells the feature suite proves, the share shown on the site, and the findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.features import FrameworkFeatures
from macros.data.loader import load_dataset
from macros.data.problems import DataError
from macros.pages.proof import cell_proof, proof_link
from macros.pages.verification import (
    PROBED,
    UNDECIDABLE,
    feature_test_id,
    findings_html,
    proven,
    share_html,
    verification_share,
)
from tests.conftest import GOOD_TREE


def test_every_feature_is_probed_or_explained() -> None:
    """A framework feature is either decided by a probe or listed, with a reason, as undecidable."""
    assert not set(PROBED) & set(UNDECIDABLE)
    assert set(PROBED) | set(UNDECIDABLE) == set(FrameworkFeatures.model_fields)


def test_badge_names_the_test_of_each_declared_feature() -> None:
    dataset = load_dataset()
    for framework, example in dataset.examples.items():
        for feature in example.features.declared():
            entity = dataset.entities[framework]
            badge = proof_link(cell_proof(entity, feature, example), "../verification/")
            test = feature_test_id(framework, feature).rsplit("::", 1)[-1]
            assert f'title="Verified by {test}"' in badge, (framework, feature)
            assert 'href="../verification/"' in badge and "verified by test" in badge
        assert cell_proof(dataset.entities[framework], "orm", example) is None


def test_share_is_counted_from_the_data() -> None:
    dataset = load_dataset()
    share = verification_share(dataset)
    frameworks = dataset.of_kind("framework")
    assert share.cells == len(frameworks) * len(FrameworkFeatures.model_fields)
    assert share.claimed_proven <= share.claimed_with_example <= share.claimed_probeable
    expected = sum(
        proven(dataset.examples.get(e.id), name)
        for e in frameworks
        for name in FrameworkFeatures.model_fields
    )
    assert share.proven == expected
    html = share_html(dataset, "../verification/")
    assert f"{share.claimed_proven} of {share.claimed_with_example}" in html


def test_findings_page_lists_each_finding() -> None:
    dataset = load_dataset()
    html = findings_html(dataset, {})
    for finding in dataset.findings.findings:
        assert dataset.entities[finding.framework].name in html
        assert finding.test.rsplit("::", 1)[-1] in html


FINDING = """\
findings:
  - framework: {framework}
    feature: cors
    was: "no"
    now: "yes"
    observed: The preflight was answered.
    test: tests/examples/test_features.py::test_feature[cors-{framework}]
    source: https://example.org/cors
    found: 2026-12-01
"""


@pytest.mark.parametrize(
    ("framework", "message"),
    [("fastapi", "fastapi's cell is 'unset', not 'yes'"), ("nosuch", "unknown id 'nosuch'")],
)
def test_a_finding_must_match_the_cell(
    make_data: Callable[[str], Path], framework: str, message: str
) -> None:
    root = make_data(GOOD_TREE)
    (root / "probe-findings.yaml").write_text(FINDING.format(framework=framework), "utf-8")
    with pytest.raises(DataError) as raised:
        load_dataset(root)
    assert message in raised.value.report()
