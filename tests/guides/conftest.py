"""Fixtures of the guide tests: a copy of the project's data to change, and a render helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import Dataset, load_dataset
from macros.mkdocs.state import BuildState
from macros.pages.values import Linker
from tests.site.sitebuild import copy_project_data

Edit = Callable[[str, str, str], None]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of ``data/`` (with ``examples/`` beside it) that a test may change."""
    return copy_project_data(tmp_path)


@pytest.fixture
def edit(data_copy: Path) -> Edit:
    """Replace ``old`` with ``new`` exactly once in ``data/<relative>`` of the copy."""

    def replace(relative: str, old: str, new: str) -> None:
        path = data_copy / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{relative}: expected exactly one {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return replace


def linker_for(dataset: Dataset, page_url: str = "guides/x/") -> Linker:
    """A linker over ``dataset`` (no entity pages: entities show as their id)."""
    return Linker(BuildState(dataset=dataset), page_url)


def load(root: Path) -> Dataset:
    """The dataset of a data folder, validated."""
    return load_dataset(root)
