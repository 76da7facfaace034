"""Published independent benchmark results, recorded as they state them (``data/outside.yaml``).

Each source has its page, the commit or date of the numbers, the method in its own terms, and
one row per framework or server that the Atlas also measures. Nothing here is measured by us:
values are copied from the source, and fields it does not state are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, NonNegativeFloat, PositiveInt, model_validator

from macros.data.fields import EntityId, HttpUrl, OneLine, Strict

OUTSIDE_FILE = "outside.yaml"


class OutsideMethod(Strict):
    """How the source measured, as it says."""

    tool: OneLine
    request: OneLine = Field(description="What each request asks for.")
    keep_alive: bool
    concurrency: PositiveInt = Field(description="Connections of the recorded numbers.")
    duration: OneLine
    cpus: PositiveInt = Field(description="CPUs of the machine (or container limit).")
    workers: OneLine = Field(description="Server processes / threads, as the source sets them.")
    machine: OneLine


class OutsideResult(Strict):
    """One row of the source that matches an Atlas framework (and server, if the source says)."""

    label: OneLine = Field(description="The source's own name of the row.")
    framework: EntityId | None = Field(default=None, description="Atlas framework id.")
    server: EntityId | None = Field(default=None, description="Server id, if the source says.")
    rps: NonNegativeFloat = Field(description="Requests per second, as published.")
    note: OneLine | None = None


class OutsideSource(Strict):
    """One published set of results."""

    id: EntityId
    title: OneLine
    url: HttpUrl = Field(description="The file or page with the numbers (at a commit if possible).")
    published: dt.date = Field(description="The day the numbers were made or published.")
    checked: dt.date
    compares: Literal["frameworks", "servers"]
    atlas_test: Literal["plaintext", "json"] = Field(
        description="The Atlas test its numbers are set beside (ours, not the source's)."
    )
    atlas_framework: EntityId | None = Field(
        default=None, description="For a server comparison: the Atlas framework run on each server."
    )
    reference: OneLine = Field(description="`label` of the row the ratios divide by.")
    method: OutsideMethod
    differences: list[OneLine] = Field(
        min_length=1, description="Why its numbers differ from the Atlas's, one reason a line."
    )
    results: list[OutsideResult] = Field(min_length=2)

    @model_validator(mode="after")
    def _reference_is_a_row(self) -> OutsideSource:
        if self.reference not in {r.label for r in self.results}:
            raise ValueError(f"reference {self.reference!r} is not the label of a result")
        return self


class OutsideLedger(Strict):
    """Every recorded outside source."""

    sources: list[OutsideSource] = Field(min_length=1)
