"""A feature cell without ``source`` or ``checked`` is refused with its file, line and column;
typed facts that the package metadata contradicts are refused too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from macros.data.loader import load_entities
from macros.data.rules import package_metadata

from .conftest import Write, framework, problems

CELL = (
    "features:\n  openapi: {value: 'yes', source: 'https://example.org/x', checked: 2026-11-30}\n"
)


def test_a_bare_value_is_refused(write: Write, data_root: Path) -> None:
    write("frameworks/a.yaml", framework("a", extra="features:\n  openapi: 'yes'\n"))
    assert problems(data_root) == [
        "data/frameworks/a.yaml:14:3: features.openapi: no source and no checked: write the cell "
        "as a mapping with `source:` (the page that shows the value, or where it would be) and "
        "`checked:` (the day you verified it, YYYY-MM-DD)"
    ]


def test_a_cell_without_its_check_date_is_refused(write: Write, data_root: Path) -> None:
    cell = "features:\n  sse: {value: 'no', source: 'https://example.org/sse'}\n"
    write("frameworks/a.yaml", framework("a", extra=cell))
    [line] = problems(data_root)
    assert line.startswith("data/frameworks/a.yaml:14:3: features.sse: no checked:")


def test_a_sourced_and_dated_cell_passes(write: Write, data_root: Path) -> None:
    write("frameworks/a.yaml", framework("a", extra=CELL))
    assert problems(data_root) == []


def test_metadata_contradictions(write: Write, data_root: Path) -> None:
    extra = (
        "first_release: '2020'\nreleased: 2024-01-02\nfirst_upload: 2019-05-01\n"
        "development_status: 5 - Production/Stable\n"
    )
    write("frameworks/a.yaml", framework("a", extra=extra))
    write(
        "frameworks/b.yaml",
        framework("b", extra="released: 2026-11-01\ndevelopment_status: 7 - Inactive\n"),
    )
    dataset, _ = load_entities(data_root)
    found = sorted(str(p) for p in package_metadata.check(dataset, dt.date(2026, 12, 1)))
    assert found == [
        "data/frameworks/a.yaml:13:1: first_release: 2020 is after the first upload to the "
        "package index (2019-05-01, from the package's metadata): correct first_release",
        "data/frameworks/a.yaml:2:1: status: status is active, but the latest release "
        "(2024-01-02) is 34 months old: set status to maintenance (or legacy, archived), or run "
        "`uv run atlas refresh`",
        "data/frameworks/b.yaml:2:1: status: status is active, but the package's classifier "
        "says Development Status :: 7 - Inactive: set status to maintenance, legacy or archived",
    ]
