"""The data changelog and its Atom feed come from as_of/version data, newest first, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from macros.data.loader import load_dataset
from macros.pages.changelog import ATOM_NS, atom_feed, changelog_entries, changelog_html
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]
NS = {"a": ATOM_NS}


def dataset_with_dates(make_data: MakeData) -> Path:
    root = make_data(GOOD_TREE)
    server = root / "servers" / "uvicorn.yaml"
    server.write_text(
        server.read_text()
        .replace(
            "as_of: 2026-01-01", "as_of: 2026-03-04\nlatest_version: 1.2.3\nreleased: 2026-02-01"
        )
        .replace("summary: A test server.", 'summary: "<b>bold</b> & </summary>"')
    )
    return root


def test_entries_newest_first(make_data: MakeData) -> None:
    dataset = load_dataset(dataset_with_dates(make_data))
    entries = changelog_entries(dataset)
    assert [(e.day.isoformat(), e.entity.id) for e in entries] == [
        ("2026-03-04", "uvicorn"),
        ("2026-01-01", "fastapi"),
        ("2026-01-01", "pytest"),
    ]
    assert entries[0].headline == "Uvicorn: verified; latest 1.2.3 (released 2026-02-01)"


def test_feed_is_valid_atom_from_data_dates(make_data: MakeData) -> None:
    dataset = load_dataset(dataset_with_dates(make_data))
    urls = {eid: f"x/{eid}/" for eid in dataset.entities}
    text = atom_feed(changelog_entries(dataset), "https://atlas.example/", urls)
    feed = ET.fromstring(text.split("\n", 1)[1])
    assert feed.findtext("a:updated", namespaces=NS) == "2026-03-04T00:00:00Z"
    first = feed.findall("a:entry", NS)[0]
    assert first.find("a:link", NS).get("href") == "https://atlas.example/x/uvicorn/"  # type: ignore[union-attr]
    # Hostile text stays text: the parsed summary equals the data, the raw XML has no tag.
    assert first.findtext("a:summary", namespaces=NS) == "<b>bold</b> & </summary>"
    assert "<b>" not in text
    # Same data, same bytes.
    assert text == atom_feed(changelog_entries(dataset), "https://atlas.example/", urls)


def test_changelog_page_groups_by_day_and_escapes(make_data: MakeData) -> None:
    dataset = load_dataset(dataset_with_dates(make_data))
    href = {eid: f"../{eid}/" for eid in dataset.entities}
    html = changelog_html(changelog_entries(dataset), href)
    assert html.index("Verified 2026-03-04") < html.index("Verified 2026-01-01")
    assert '<a href="../uvicorn/">Uvicorn</a>' in html
    assert "latest version 1.2.3, released 2026-02-01" in html
