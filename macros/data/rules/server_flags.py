"""Servers: feature-flag templates use only the known placeholders."""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.model import Server
from macros.data.problems import Problem
from macros.data.run_template import unknown_flag_fields
from macros.data.server_flags import FLAG_FIELDS, FlagSwitch


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report unknown placeholders in every server's ``feature_flags``."""
    allowed = ", ".join(f"{{{name}}}" for name in sorted(FLAG_FIELDS))
    for entity in dataset.entities.values():
        if not isinstance(entity, Server):
            continue
        for name in type(entity.feature_flags).model_fields:
            value = getattr(entity.feature_flags, name)
            if value is None:
                continue
            parts = (
                [("on", value.on), ("off", value.off)]
                if isinstance(value, FlagSwitch)
                else [(None, value)]
            )
            for part, template in parts:
                loc = ("feature_flags", name) + ((part,) if part else ())
                for field in unknown_flag_fields(template):
                    yield dataset.documents[entity.id].problem(
                        loc, f"unknown placeholder {field}: use {allowed}"
                    )
