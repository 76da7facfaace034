"""Field types and the feature cell shared by every data model.

A feature cell is a value (``yes`` / ``partial`` / ``via-plugin`` / ``no``) with the page that shows
it and the day someone checked it; each kind declares its cells with :func:`feature`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    WithJsonSchema,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _check_http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise ValueError(f"expected an http(s):// URL, got {value!r}")
    return value


HttpUrl = Annotated[
    str,
    AfterValidator(_check_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
EntityId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
OneLine = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\n]+$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=8000)]
PartialDate = Annotated[
    str,
    BeforeValidator(lambda v: v.isoformat() if isinstance(v, dt.date) else v),
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]
"""A year (``2018``), a month (``2018-12``) or a day (``2018-12-05``)."""


class Strict(BaseModel):
    """Base for every data model: unknown fields are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class Source(Strict):
    """A public page that supports the facts of an entity."""

    url: HttpUrl
    title: OneLine


Support = Literal["yes", "no", "partial", "via-plugin"]
"""``yes``: built in and documented. ``partial``: built in, with a limit the note names.
``via-plugin``: needs another package (``via`` names the Atlas entities, ``plugin`` other packages).
``no``: not offered; the source is the page where it would be documented."""


class Feature(Strict):
    """Whether an entity has a feature: its value, the page showing it, the day it was checked."""

    value: Support
    note: OneLine | None = None
    via: list[EntityId] = Field(
        default_factory=list,
        description="Atlas entities that provide it; the page shows their own cells, so the "
        "note never restates their capability.",
    )
    plugin: list[OneLine] = Field(
        default_factory=list,
        description="Packages that provide it and are not Atlas entities (e.g. `flask-cors`).",
    )
    since: OneLine | None = Field(default=None, description="Version that added it.")
    source: HttpUrl | None = Field(
        default=None,
        description="The page that shows the value (for `no`, the page where it would be).",
    )
    checked: dt.date | None = Field(default=None, description="Day someone verified the value.")


def _feature_shorthand(data: Any) -> Any:
    return {"value": data} if isinstance(data, str) else data


FeatureValue = Annotated[Feature, BeforeValidator(_feature_shorthand)]


def feature(label: str, group: str, definition: str) -> Any:
    """A feature cell of a kind: its column label, its group on the page and what it means."""
    extra: dict[str, JsonValue] = {"label": label, "group": group}
    return Field(default=None, description=definition, json_schema_extra=extra)
