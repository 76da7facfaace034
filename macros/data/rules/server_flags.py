"""Servers: feature-flag templates use known placeholders; probe findings match the data."""

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
        for index, finding in enumerate(entity.probe_findings):
            current = _current(entity, finding.field)
            if current != finding.now:
                yield dataset.documents[entity.id].problem(
                    ("probe_findings", index, "now"),
                    f"{finding.field} holds {current!r}, not {finding.now!r}: "
                    "keep the finding and the data in step",
                )


def _current(server: Server, dotted: str) -> str | None:
    """The value of ``features.<name>`` (its support value) or ``run.<protocol>``."""
    group, _, name = dotted.partition(".")
    if group == "features":
        cell = getattr(server.features, name, None)
        return cell.value if cell is not None else None
    if group == "run":
        return {str(k): v for k, v in server.run.items()}.get(name)
    return None
