"""``data/probe-findings.yaml``: feature cells that a probe of the example apps contradicted.

Each finding records the cell as it was, what the probe showed and the corrected value with its
source. The loader checks that the framework exists and that its cell now holds ``now``, so the
list and the data cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from macros.data.fields import EntityId, HttpUrl, OneLine, Strict, Support


class ProbeFinding(Strict):
    """One claim a probe contradicted, and its correction."""

    framework: EntityId
    feature: OneLine = Field(description="A framework feature cell, e.g. `compression`.")
    was: Support = Field(description="The value the data claimed before the probe.")
    now: Support = Field(description="The corrected value (the cell holds it now).")
    observed: OneLine = Field(description="What the probe saw, in our own words.")
    test: OneLine = Field(description="The test id that decides the cell.")
    source: HttpUrl = Field(description="The page that supports the corrected value.")
    found: dt.date = Field(description="The day the probe contradicted the claim.")


class ProbeFindings(Strict):
    """The findings, newest first."""

    findings: list[ProbeFinding] = Field(default_factory=list)
