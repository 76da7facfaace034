"""Cross-file rules: the schema line, and dates compared with today (partial dates included)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.data.loader import Dataset, load_entities
from macros.data.rules import dates_not_future
from macros.data.schema import schema_line

from .conftest import HEADER, Write, framework, problems

LINE = "# yaml-language-server: $schema=../../schemas/framework.schema.json"


def test_schema_line_matches_the_helper() -> None:
    assert schema_line("framework") == LINE == HEADER.rstrip("\n")


def test_missing_schema_line_says_what_to_add(write: Write, data_root: Path) -> None:
    write("frameworks/plain.yaml", framework("plain").removeprefix(HEADER))
    assert problems(data_root) == [
        f"data/frameworks/plain.yaml:1:1: the file must start with the line `{LINE}`: "
        "add it as line 1"
    ]


def test_schema_line_after_another_comment_is_refused(write: Write, data_root: Path) -> None:
    write("frameworks/late.yaml", "# A note first\n" + framework("late"))
    assert problems(data_root) == [
        f"data/frameworks/late.yaml:1:1: the file must start with the line `{LINE}`: "
        "add it as line 1"
    ]


def test_schema_line_of_another_kind_says_what_to_replace(write: Write, data_root: Path) -> None:
    wrong = "# yaml-language-server: $schema=../../schemas/server.schema.json"
    write("frameworks/mixed.yaml", framework("mixed").replace(LINE, wrong))
    assert problems(data_root) == [
        f"data/frameworks/mixed.yaml:1:1: line 1 must be `{LINE}` (found `{wrong}`): replace it"
    ]


def test_schema_line_with_byte_order_mark_or_crlf_is_accepted(
    write: Write, data_root: Path
) -> None:
    write("frameworks/bom.yaml", "\ufeff" + framework("bom"))
    write("frameworks/crlf.yaml", framework("crlf").replace("\n", "\r\n").encode())
    assert problems(data_root) == []


@pytest.mark.parametrize(
    ("released", "first_release", "future"),
    [
        ("2026-11-25", "2026-11-25", []),
        ("2026-11-24", "2026-11", []),
        ("2026-11-24", "2026", []),
        ("2026-11-26", "2026-12", ["released", "first_release"]),
        ("2026-11-24", "2027", ["first_release"]),
    ],
)
def test_dates_not_future_compares_partial_dates_with_today(
    write: Write,
    data_root: Path,
    released: str,
    first_release: str,
    future: list[str],
) -> None:
    extra = f"released: {released}\nfirst_release: '{first_release}'\n"
    write("frameworks/d.yaml", framework("d", extra=extra))
    dataset = load_without_rules(data_root)
    found = list(dates_not_future.check(dataset, today=dt.date(2026, 11, 25)))
    assert [p.field for p in found] == future


def load_without_rules(root: Path) -> Dataset:
    """Entities only, so the real date does not matter to these cases."""
    dataset, found = load_entities(root)
    assert found == []
    return dataset


def test_example_files_need_the_example_schema_line(write: Write, data_root: Path) -> None:
    body = (
        "framework: demo\ninterface: asgi\ntarget: app:app\nruns:\n  - server: demo\n"
        '    command: "python app.py --port {port}"\n'
        "    production:\n"
        + "".join(
            f"      {name}: {{effect: None., source: 'https://example.org/demo'}}\n"
            for name in ("access_log", "log_level", "debug", "reload")
        )
        + "      checked: 2026-01-01\n"
    )
    write("frameworks/demo.yaml", framework("demo"))
    write("examples/demo.yaml", schema_line("example") + "\n" + body)
    assert problems(data_root) == []
    write("examples/demo.yaml", body)
    assert problems(data_root) == [
        "data/examples/demo.yaml:1:1: the file must start with the line "
        f"`{schema_line('example')}`: add it as line 1"
    ]
