"""data/glossary.yaml and data/adoption.yaml: typed, loaded by load_dataset, errors at file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.guide_model import term_anchor
from macros.data.loader import load_dataset
from macros.data.problems import DataError
from tests.guides.conftest import Edit


def problems_of(root: Path) -> list[str]:
    """Every problem the loader reports, as ``file:line:col: field: message`` lines."""
    with pytest.raises(DataError) as caught:
        load_dataset(root)
    return [str(p) for p in caught.value.problems]


def test_project_glossary_and_adoption_load(data_copy: Path) -> None:
    dataset = load_dataset(data_copy)
    assert dataset.glossary is not None and dataset.adoption is not None
    anchors = [term_anchor(t.term) for t in dataset.glossary.terms]
    assert len(anchors) == len(set(anchors))
    for claim in dataset.adoption.claims:
        assert claim.source_url.startswith("https://") and claim.published


def test_duplicate_alias_is_reported_at_its_line(data_copy: Path, edit: Edit) -> None:
    edit(
        "glossary.yaml",
        "aliases: [workers, worker process, worker processes]",
        "aliases: [workers, worker process, worker processes, GIL]",
    )
    lines = (data_copy / "glossary.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "worker processes, GIL]" in text)
    found = problems_of(data_copy)
    assert any(
        p.startswith(f"data/glossary.yaml:{line}:")
        and "'GIL' is already used by the entry 'GIL'" in p
        for p in found
    ), found


def test_unknown_entity_in_a_claim_is_reported(data_copy: Path, edit: Edit) -> None:
    edit("adoption.yaml", "uses: [granian, django]", "uses: [granian, djangoo]")
    found = problems_of(data_copy)
    assert any(
        p.startswith("data/adoption.yaml:") and "claims[5].uses[1]" in p and "'djangoo'" in p
        for p in found
    ), found


def test_claim_without_date_is_refused(data_copy: Path, edit: Edit) -> None:
    edit("adoption.yaml", "    published: 2023-11-14\n", "")
    found = problems_of(data_copy)
    assert any(p.startswith("data/adoption.yaml:") and "published" in p for p in found), found


def test_claim_with_non_http_source_is_refused(data_copy: Path, edit: Edit) -> None:
    edit(
        "adoption.yaml",
        "source_url: https://blog.pecar.me/migrating-gunicorn-to-granian",
        "source_url: javascript:alert(1)",
    )
    found = problems_of(data_copy)
    assert any("claims[5].source_url" in p for p in found), found


def test_term_with_markup_is_refused(data_copy: Path, edit: Edit) -> None:
    edit("glossary.yaml", "  - term: Event loop\n", "  - term: Event <b>loop</b>\n")
    found = problems_of(data_copy)
    assert any(p.startswith("data/glossary.yaml:") and ".term" in p for p in found), found
