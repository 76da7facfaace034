"""``atlas review``: releases since a cell was checked (recorded index answers) and old cells."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from macros.data.loader import load_entities
from macros.data.review import stale_cells
from scripts.data import review

from .conftest import HEADER, Write
from .test_package_index import recorded_transport

FASTAPI = (
    HEADER
    + """\
id: fastapi
name: FastAPI
summary: Test copy.
description: Test copy.
repository: https://github.com/fastapi/fastapi
package: fastapi
camp: layered-asgi
interfaces: [asgi]
handlers: [async]
features:
  openapi: {value: "yes", source: "https://example.org/o", checked: 2026-11-16}
  sse: {value: "yes", source: "https://example.org/s", checked: 2026-10-01}
sources:
  - url: https://example.org/fastapi
    title: Example
as_of: 2026-11-20
"""
)
STARLETTE = (
    FASTAPI.replace("fastapi", "starlette")
    .replace("FastAPI", "Starlette")
    .replace("2026-10-01", "2026-11-30")
    .replace("2026-11-16", "2026-11-30")
)


def args(data: Path, **extra: object) -> argparse.Namespace:
    values = {"data": data, "stale": None, "only": None, "timeout": 5.0, "today": None}
    return argparse.Namespace(**{**values, **extra, "today": dt.date(2026, 12, 1)})


@pytest.fixture
def recorded_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIP_INDEX_URL", "https://mirror.example/simple/")


def test_review_lists_releases_after_the_oldest_check_with_release_notes(
    write: Write, data_root: Path, recorded_index: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write("frameworks/fastapi.yaml", FASTAPI)
    write("frameworks/starlette.yaml", STARLETTE)
    assert review.run(args(data_root), recorded_transport) == 1
    out = capsys.readouterr().out
    # FastAPI's oldest cell was checked 2026-10-01: every recorded release since is listed, in
    # order; Starlette's cells were checked after its last release, so it is not in the queue.
    assert (
        "| `fastapi` (FastAPI) | 2026-10-01 | 0.163.1 (2026-11-15), 0.163.2 (2026-11-17), "
        "0.164.0 (2026-11-18), 0.165.0 (2026-11-18) | "
        "[release notes](https://fastapi.tiangolo.com/release-notes/) |"
    ) in out
    assert "starlette" not in out
    assert out.startswith("# Review queue (2026-12-01)")


def test_review_is_empty_when_cells_are_newer_than_releases(
    write: Write, data_root: Path, recorded_index: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write("frameworks/starlette.yaml", STARLETTE)
    assert review.run(args(data_root), recorded_transport) == 0
    assert "No entity has a release newer than its checks." in capsys.readouterr().out


def test_stale_lists_each_old_cell_oldest_first(
    write: Write, data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("frameworks/fastapi.yaml", FASTAPI)
    write("frameworks/starlette.yaml", STARLETTE)
    assert review.run(args(data_root, stale=10), recorded_transport) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[4:] == [
        "| `fastapi` | sse | 2026-10-01 | 61 |",
        "| `fastapi` | openapi | 2026-11-16 | 15 |",
    ]
    dataset, _ = load_entities(data_root)
    assert stale_cells(dataset, 100, dt.date(2026, 12, 1)) == []
