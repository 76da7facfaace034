"""Every entity and example file opens with its JSON Schema line, for editor completion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from macros.data.dataset import Dataset
from macros.data.problems import Problem
from macros.data.schema import schema_line


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report each entity or example file whose first line is not its ``schema_line``."""
    files = [(dataset.entities[i].kind, doc) for i, doc in sorted(dataset.documents.items())]
    files += [("example", doc) for _, doc in sorted(dataset.example_documents.items())]
    for kind, doc in files:
        expected = schema_line(kind)
        first = _first_line(_file_of(dataset, doc.path))
        if first == expected:
            continue
        if first.startswith("# yaml-language-server:"):
            message = f"line 1 must be `{expected}` (found `{first}`): replace it"
        else:
            message = f"the file must start with the line `{expected}`: add it as line 1"
        yield Problem(doc.path, 1, 1, "", message)


def _file_of(dataset: Dataset, shown: str) -> Path:
    """The file behind a displayed path (relative to the parent of ``data/``, or absolute)."""
    path = Path(shown)
    return path if path.is_absolute() else dataset.root.parent / path


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8-sig") as handle:
        return handle.readline().rstrip("\r\n")
