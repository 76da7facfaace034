"""The feature matrices: complete, accessible HTML tables whose cells equal the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.apps.server_probes import proven_by
from macros.data.loader import Dataset
from macros.data.model import Entity, Example, Server
from macros.pages.kinds import KINDS, KindInfo, value_label
from macros.pages.matrix import Column, facet_fields, matrix_columns, present_features
from macros.pages.values import field_value_text, support_text
from macros.pages.verification import proven
from tests.site.html_tree import Node, parse, row_cells, table_rows

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]


def matrix(site: Path, info: KindInfo) -> Node | None:
    """The matrix table of a kind's overview page, if it has one."""
    html = (site / info.directory / "index.html").read_text(encoding="utf-8")
    found = parse(html).find_all("table", id=f"matrix-{info.kind}")
    return found[0] if found else None


def expected_cell(entity: Entity, column: Column, example: Example | None = None) -> str:
    """What a reader should see in a cell, computed from the data alone."""
    if column.feature:
        text = support_text(getattr(entity.features, column.key))  # type: ignore[attr-defined]
        shown = proven(example, column.key) or (
            isinstance(entity, Server) and proven_by(entity, column.key) is not None
        )
        return text + (" (verified by test)" if shown else "")
    if column.key in type(entity).reference_fields:
        raise AssertionError("reference fields are not matrix columns")
    text = field_value_text(entity, column.key)
    return value_label(text) if column.key == "status" else text


def test_matrix_cells_equal_the_data(site_dir: Path, dataset: Dataset) -> None:
    for info in KINDS:
        entities = {e.id: e for e in dataset.of_kind(info.kind)}
        table = matrix(site_dir, info)
        if not entities:
            assert table is None
            continue
        assert table is not None
        columns = matrix_columns(info)
        rows = table_rows(table)
        assert [r.attrs["data-id"] for r in rows] == [e.id for e in dataset.of_kind(info.kind)]
        for row in rows:
            entity = entities[str(row.attrs["data-id"])]
            cells = row_cells(row)
            assert cells[0].tag == "th" and cells[0].attrs.get("scope") == "row"
            assert cells[0].text() == entity.name
            shown = [c.text() for c in cells[1:]]
            example = dataset.examples.get(entity.id)
            expected = [" ".join(expected_cell(entity, c, example).split()) for c in columns]
            assert shown == expected, entity.id


def test_matrix_headers_and_caption(site_dir: Path, dataset: Dataset) -> None:
    for info in KINDS:
        table = matrix(site_dir, info)
        if table is None:
            continue
        head_rows = table.find("thead").find_all("tr")
        headers = head_rows[-1].find_all("th")
        assert all(th.attrs.get("scope") == "col" for th in headers)
        columns = matrix_columns(info)
        assert [th.text() for th in headers] == ["Name"] + [c.label for c in columns]
        if len(head_rows) > 1:  # the group row: one heading per group, spanning its columns
            groups = head_rows[0].find_all("th")
            assert all(th.attrs.get("scope") == "colgroup" for th in groups)
            spans = [int(str(th.attrs["colspan"])) for th in groups]
            assert sum(spans) == len(columns)
            assert [th.text() for th in groups] == list(dict.fromkeys(c.group for c in columns))
        # Every feature heading carries the model's one-line definition as its tooltip.
        for th, column in zip(headers[1:], columns, strict=True):
            if column.feature and column.definition:
                assert th.attrs.get("title") == column.definition.replace("`", "")
        assert str(len(dataset.of_kind(info.kind))) in table.find("caption").text()


def test_filter_tokens_match_the_data(site_dir: Path, dataset: Dataset) -> None:
    for info in KINDS:
        table = matrix(site_dir, info)
        if table is None:
            continue
        entities = {e.id: e for e in dataset.of_kind(info.kind)}
        for row in table_rows(table):
            entity = entities[str(row.attrs["data-id"])]
            for name in facet_fields(info):
                value = getattr(entity, name)
                tokens = sorted(value) if isinstance(value, list) else [value]
                assert row.attrs[f"data-facet-{name.replace('_', '-')}"] == " ".join(tokens)
            if "features" in type(entity).model_fields:
                assert row.attrs["data-facet-feature"] == " ".join(present_features(entity))


def test_feature_values_are_words_not_only_colour(site_dir: Path) -> None:
    info = next(k for k in KINDS if k.kind == "framework")
    table = matrix(site_dir, info)
    if table is None:
        pytest.skip("no frameworks in the data")
    words = {
        c.text().removesuffix(" (verified by test)").split(" ", 1)[-1]
        for r in table_rows(table)
        for c in row_cells(r)[1:]
        if c.attrs.get("data-sort") is not None
    }
    assert words <= {"Yes", "No", "Partial", "Via plugin", "Not recorded"}
