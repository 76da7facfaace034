"""Load ``data/glossary.yaml`` and ``data/adoption.yaml`` (both optional) into the dataset.

Problems carry ``file:line:col`` like every other data error: a duplicated term or alias, or an
entity id that no data file defines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from macros.data.dataset import display_path
from macros.data.guide_model import AdoptionLedger, Glossary, term_anchor
from macros.data.model_check import read_model
from macros.data.problems import Problem
from macros.data.references import unknown_reference
from macros.data.yaml_source import YamlDocument

if TYPE_CHECKING:
    from macros.data.dataset import Dataset

GLOSSARY_FILE = "glossary.yaml"
ADOPTION_FILE = "adoption.yaml"


def load_guide_data(dataset: Dataset) -> list[Problem]:
    """Fill ``dataset.glossary`` and ``dataset.adoption``; return every problem found."""

    problems: list[Problem] = []
    glossary_path = dataset.root / GLOSSARY_FILE
    if glossary_path.is_file():
        glossary, doc, found = read_model(
            glossary_path, display_path(glossary_path, dataset.root), Glossary
        )
        problems += found
        if glossary is not None and doc is not None:
            problems += list(_glossary_problems(glossary, doc, dataset))
            dataset.glossary, dataset.glossary_document = glossary, doc
    adoption_path = dataset.root / ADOPTION_FILE
    if adoption_path.is_file():
        ledger, doc, found = read_model(
            adoption_path, display_path(adoption_path, dataset.root), AdoptionLedger
        )
        problems += found
        if ledger is not None and doc is not None:
            problems += list(_adoption_problems(ledger, doc, dataset))
            dataset.adoption, dataset.adoption_document = ledger, doc
    return problems


def _glossary_problems(
    glossary: Glossary, doc: YamlDocument, dataset: Dataset
) -> Iterator[Problem]:
    """Each term and alias names one entry only (compared by anchor, so case and dashes do not
    matter); related ids exist."""
    seen: dict[str, str] = {}
    for i, entry in enumerate(glossary.terms):
        names: list[tuple[tuple[str | int, ...], str]] = [(("terms", i, "term"), entry.term)]
        names += [(("terms", i, "aliases", j), alias) for j, alias in enumerate(entry.aliases)]
        for loc, name in names:
            key = term_anchor(name)
            if key in seen:
                yield doc.problem(
                    loc, f"{name!r} is already used by the entry {seen[key]!r}: remove one of them"
                )
            seen[key] = entry.term
        for j, ref in enumerate(entry.related):
            if ref not in dataset.entities:
                yield unknown_reference(doc, ("terms", i, "related", j), ref)


def _adoption_problems(
    ledger: AdoptionLedger, doc: YamlDocument, dataset: Dataset
) -> Iterator[Problem]:
    """Every entity id a claim names exists; the same source is not entered twice."""
    urls: dict[str, int] = {}
    for i, claim in enumerate(ledger.claims):
        for field_name in ("uses", "replaced"):
            for j, ref in enumerate(getattr(claim, field_name)):
                if ref not in dataset.entities:
                    yield unknown_reference(doc, ("claims", i, field_name, j), ref)
        if claim.source_url in urls:
            yield doc.problem(
                ("claims", i, "source_url"),
                f"same source as claims[{urls[claim.source_url]}]: merge the two",
            )
        urls.setdefault(claim.source_url, i)
