"""Dates record what already happened: `as_of`, `released`, `first_release` are not ahead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.problems import Problem


def check(dataset: Dataset, today: dt.date | None = None) -> Iterator[Problem]:
    """Report dates later than today."""
    today = today or dt.date.today()
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        for name in ("as_of", "released", "first_release"):
            value = getattr(entity, name)
            if value is None:
                continue
            text = value.isoformat() if isinstance(value, dt.date) else value
            if text[: len(today.isoformat())] > today.isoformat()[: len(text)]:
                yield doc.problem((name,), f"{text} is in the future (today is {today})")
