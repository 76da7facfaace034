"""Nothing in data/ is silently ignored: unknown folders and files stop validation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import load_dataset
from macros.data.problems import DataError
from tests.conftest import GOOD_TREE


def test_misspelled_folder_and_stray_files(make_data: Callable[[str], Path]) -> None:
    root = make_data(GOOD_TREE)
    (root / "framwork").mkdir()
    (root / "servers.yml").write_text("id: x\n")
    (root / "examples").mkdir()
    (root / "examples" / "notes.txt").write_text("todo\n")
    with pytest.raises(DataError) as caught:
        load_dataset(root)
    assert [str(p) for p in caught.value.problems] == [
        "data/examples/notes.txt:1:1: not a data file: name it <id>.yaml",
        "data/framwork:1:1: no loader reads this: did you mean 'frameworks'?",
        "data/servers.yml:1:1: no loader reads this: did you mean 'servers'?",
    ]


def test_known_layout_loads(make_data: Callable[[str], Path]) -> None:
    root = make_data(GOOD_TREE)
    (root / "_templates").mkdir()
    (root / "README.md").write_text("notes\n")
    assert len(load_dataset(root).entities) == 3
