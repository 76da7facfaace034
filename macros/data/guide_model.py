"""Typed models of the guide data: ``data/glossary.yaml`` and ``data/adoption.yaml``.

Both files are optional; :func:`macros.data.guide_loader.load_guide_data` reads them with the same
reader and ``file:line:col`` messages as the entity files.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from macros.data.model import EntityId, HttpUrl, OneLine, PartialDate, Strict

Term = Annotated[str, StringConstraints(min_length=2, max_length=60, pattern=r"^[^\n<>&\"]+$")]
"""A glossary term or alias: plain text, no markup characters (it is matched in page text)."""

Definition = Annotated[str, StringConstraints(min_length=20, max_length=1200)]


def term_anchor(term: str) -> str:
    """The anchor id of a term on the glossary page, e.g. ``Free-threaded build`` ->
    ``term-free-threaded-build``."""
    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    return f"term-{slug}"


def _has_slug(value: str) -> str:
    if term_anchor(value) == "term-":
        raise ValueError(f"{value!r} has no letters or digits to make an anchor from")
    return value


class GlossaryTerm(Strict):
    """One term, defined in our own words."""

    term: Annotated[Term, AfterValidator(_has_slug)]
    definition: Definition = Field(description="Plain text in our own words (no Markdown).")
    aliases: list[Term] = Field(
        default_factory=list, description="Other spellings linked to the same entry."
    )
    source: HttpUrl | None = Field(default=None, description="A primary page that defines it.")
    related: list[EntityId] = Field(
        default_factory=list, description="Entity ids the term is about (shown as links)."
    )


class Glossary(Strict):
    """``data/glossary.yaml``: the terms, in the order they are shown."""

    terms: list[GlossaryTerm] = Field(min_length=1)


SourceType = Literal["engineering-blog", "talk", "case-study", "personal-blog"]


class AdoptionClaim(Strict):
    """One public statement that an organisation uses a framework or server."""

    organisation: OneLine
    uses: list[EntityId] = Field(min_length=1, description="Entity ids the source names.")
    summary: OneLine = Field(description="What the source says, in our own words.")
    replaced: list[EntityId] = Field(
        default_factory=list, description="Entity ids the source says were replaced."
    )
    source_url: HttpUrl
    source_title: OneLine
    source_type: SourceType
    published: PartialDate = Field(description="Date of the source (year, month or day).")
    note: OneLine | None = Field(default=None, description="Caveat a reader should know.")


class AdoptionLedger(Strict):
    """``data/adoption.yaml``: only claims with a public, dated source."""

    claims: list[AdoptionClaim] = Field(default_factory=list)
