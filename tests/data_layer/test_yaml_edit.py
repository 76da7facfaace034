"""In-place edits of YAML text: values read back exactly, comments and layout stay."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from macros.data.yaml_edit import EditError, render_scalar, set_value
from macros.data.yaml_source import AtlasLoader, parse_yaml

ORDER = ["id", "package", "license", "latest_version", "released", "requires_python", "status"]


@pytest.mark.parametrize(
    ("value", "quote", "text"),
    [
        ("0.165.0", "", "0.165.0"),
        ("1.0", "", '"1.0"'),  # plain 1.0 would read back as a number
        ("2024", "", '"2024"'),
        ("true", "", '"true"'),
        ("null", "", '"null"'),
        (">=3.10", "", '">=3.10"'),
        ("Apache-2.0 OR MIT", "", '"Apache-2.0 OR MIT"'),
        ("MIT", "", "MIT"),
        ("MIT", '"', '"MIT"'),  # keep the style of the value it replaces
        ("it's", "'", "'it''s'"),
        (dt.date(2026, 1, 2), '"', "2026-01-02"),
    ],
)
def test_render_scalar_reads_back_as_the_same_value(
    value: str | dt.date, quote: str, text: str
) -> None:
    assert render_scalar(value, quote) == text
    assert yaml.load(f"k: {text}", Loader=AtlasLoader) == {"k": value}


def edit(text: str, key: str, value: str | dt.date) -> str:
    doc, problems = parse_yaml(text.encode(), "x.yaml")
    assert doc is not None, problems
    return set_value(text, doc, key, value, ORDER)


def test_replaces_only_the_value_and_keeps_the_comment() -> None:
    text = "id: x\nlatest_version: '1.0'   # pinned by hand\nstatus: active\n"
    assert edit(text, "latest_version", "1.1") == (
        "id: x\nlatest_version: '1.1'   # pinned by hand\nstatus: active\n"
    )


def test_inserts_after_the_nearest_earlier_field() -> None:
    text = "id: x\npackage: x  # c\nstatus: active\n"
    assert edit(text, "released", dt.date(2026, 1, 2)) == (
        "id: x\npackage: x  # c\nreleased: 2026-01-02\nstatus: active\n"
    )


def test_inserts_after_a_block_list_and_its_comments() -> None:
    text = "id: x\npackage:\n  - a\n  # last item\n\nstatus: active\n"
    assert edit(text, "license", "MIT") == (
        "id: x\npackage:\n  - a\n  # last item\nlicense: MIT\n\nstatus: active\n"
    )


def test_inserts_before_a_later_field_when_no_earlier_one_exists() -> None:
    text = "# header\nstatus: active\nother: 1\n"
    assert edit(text, "license", "MIT") == "# header\nlicense: MIT\nstatus: active\nother: 1\n"


def test_appends_when_no_neighbour_exists_and_keeps_crlf() -> None:
    assert edit("other: 1", "license", "MIT") == "other: 1\nlicense: MIT\n"
    assert edit("id: x\r\n", "license", "MIT") == "id: x\r\nlicense: MIT\r\n"


def test_fills_an_empty_value() -> None:
    assert edit("id: x\nreleased:\n", "released", dt.date(2026, 1, 2)) == (
        "id: x\nreleased: 2026-01-02\n"
    )


def test_refuses_a_value_over_several_lines() -> None:
    with pytest.raises(EditError, match="license: the value spans several lines"):
        edit("id: x\nlicense: |\n  MIT\n", "license", "BSD-3-Clause")
