"""Helpers to build small data folders in ``tmp_path`` and collect what the loader reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import Dataset, load_dataset
from macros.data.problems import DataError

HEADER = "# yaml-language-server: $schema=../../schemas/framework.schema.json\n"

# A valid framework, 12 lines: the header is line 1, `id` line 2 ... `as_of` line 12. Tests append
# lines to it, so an appended line is line 13, the next 14, and so on.
MINIMAL = (
    HEADER
    + """\
id: {id}
name: {name}
summary: A small test framework.
description: Used by the data-layer tests only.
camp: micro-asgi
interfaces: [asgi]
handlers: [async]
sources:
  - url: https://example.org/{id}
    title: Example page
as_of: 2026-01-02
"""
)


def framework(entity_id: str, name: str | None = None, extra: str = "") -> str:
    """Text of a valid framework file (plus ``extra`` lines from line 13 on)."""
    return MINIMAL.format(id=entity_id, name=name or entity_id.title()) + extra


Write = Callable[[str, str | bytes], Path]


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """An empty ``data/`` folder; messages name files as ``data/<kind>/<file>``."""
    root = tmp_path / "data"
    root.mkdir()
    return root


@pytest.fixture
def write(data_root: Path) -> Write:
    """Write ``relative`` (e.g. ``frameworks/x.yaml``) under the data folder."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = data_root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def problems(root: Path) -> list[str]:
    """Every problem ``load_dataset`` reports for ``root``, as printed (empty when valid)."""
    try:
        load_dataset(root)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def load(root: Path) -> Dataset:
    """The dataset of ``root``; fails the test with the report if the data is invalid."""
    try:
        return load_dataset(root)
    except DataError as exc:  # pragma: no cover - shown only when a test is wrong
        pytest.fail(exc.report())
