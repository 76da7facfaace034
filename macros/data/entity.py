"""``Entity``: the fields every kind shares (identity, texts, links, package metadata, status).

Each kind subclasses it, in :mod:`macros.data.model` or in a module of its own (such as
:mod:`macros.data.model_task_queue`); :mod:`macros.data.model` re-exports it.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, Field

from macros.data.fields import (
    EntityId,
    Feature,
    HttpUrl,
    OneLine,
    PartialDate,
    Source,
    Strict,
    Text,
)

Status = Literal["active", "maintenance", "legacy", "archived"]


class Entity(Strict):
    """Fields shared by every kind of entity."""

    directory: ClassVar[str]

    kind: str = Field(description="What this entity is; implied by its folder under `data/`.")
    id: EntityId = Field(description="Same as the file name without `.yaml`.")
    name: OneLine
    aliases: list[OneLine] = Field(default_factory=list, description="Former or other names.")
    category: OneLine | None = None
    summary: OneLine = Field(description="One line in our own words.")
    description: Text = Field(description="Markdown, in our own words.")
    homepage: HttpUrl | None = None
    repository: HttpUrl | None = None
    docs: HttpUrl | None = None
    package: OneLine | None = Field(
        default=None,
        description="Package index name, only where that project really is this entity.",
    )
    install: list[OneLine] = Field(
        default_factory=list,
        description="Requirement strings for `uv add` (e.g. `uvicorn[standard]`).",
    )
    license: OneLine | None = Field(default=None, description="SPDX identifier.")
    first_release: PartialDate | None = None
    authors: list[OneLine] = Field(default_factory=list)
    latest_version: OneLine | None = None
    released: dt.date | None = Field(default=None, description="Date of `latest_version`.")
    requires_python: OneLine | None = None
    first_upload: dt.date | None = Field(
        default=None, description="Written by `atlas refresh`: first upload to the package index."
    )
    releases_last_year: int | None = Field(
        default=None,
        ge=0,
        description="Written by `atlas refresh`: versions first uploaded in the 365 days before "
        "`metadata_checked`.",
    )
    python_versions: list[OneLine] = Field(
        default_factory=list,
        description="Written by `atlas refresh`: Python versions the package's classifiers list.",
    )
    free_threading_classifier: OneLine | None = Field(
        default=None,
        description="Written by `atlas refresh`: level of the `Free Threading` classifier.",
    )
    development_status: OneLine | None = Field(
        default=None,
        description="Written by `atlas refresh`: the `Development Status` classifier.",
    )
    metadata_checked: dt.date | None = Field(
        default=None, description="Written by `atlas refresh`: day the package metadata was read."
    )
    status: Status = "active"
    strengths: list[OneLine] = Field(default_factory=list)
    weaknesses: list[OneLine] = Field(default_factory=list)
    best_for: list[OneLine] = Field(default_factory=list)
    alternatives: list[EntityId] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    as_of: dt.date = Field(description="Day the facts were last checked.")

    def references(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every (field path, entity id) this entity points at, for dangling-reference checks."""
        refs: list[tuple[tuple[str | int, ...], str]] = [
            (("alternatives", i), ref) for i, ref in enumerate(self.alternatives)
        ]
        features = getattr(self, "features", None)
        if isinstance(features, BaseModel):
            for name in type(features).model_fields:
                feature = getattr(features, name)
                if isinstance(feature, Feature):
                    refs += [(("features", name, "via", i), r) for i, r in enumerate(feature.via)]
        for field_name in self.reference_fields:
            for i, ref in enumerate(getattr(self, field_name)):
                refs.append(((field_name, i), ref))
        return refs

    reference_fields: ClassVar[tuple[str, ...]] = ()
