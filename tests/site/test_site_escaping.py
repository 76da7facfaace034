"""Hostile data: text that tries to escape HTML, <script> JSON, Markdown or Jinja stays text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.data.loader import Dataset, load_dataset
from tests.site.html_tree import Node, parse

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]

RAW_ATTACKS = ("<script>alert(", "<img src=x", "<svg onload", "<div onclick", "<b>bold", "<i>title")


@pytest.fixture(scope="module")
def hostile(hostile_data: Path) -> Dataset:
    return load_dataset(hostile_data)


def hostile_pages(site: Path) -> list[Path]:
    return [
        site / "frameworks" / "hostile-web" / "index.html",
        site / "frameworks" / "calm-web" / "index.html",
        site / "servers" / "hostile-server" / "index.html",
        site / "frameworks" / "index.html",
        site / "servers" / "index.html",
        site / "index.html",
    ]


def test_no_markup_from_data_reaches_the_html(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for attack in RAW_ATTACKS:
            assert attack not in html, f"{path}: {attack}"


def test_hostile_text_is_shown_literally(hostile_site: Path, hostile: Dataset) -> None:
    entity = hostile.entities["hostile-web"]
    doc = parse((hostile_site / "frameworks" / "hostile-web" / "index.html").read_text())
    article = doc.find("article")
    assert article.find("h1").text() == entity.name  # `{{ 7*7 }}` not rendered by Jinja
    assert "{{ 7*7 }}" in article.text() and "49" not in article.text()
    assert "{% if true %}jinja{% endif %}" in article.text()
    assert "<img src=x onerror=alert('description')>" in article.text()
    assert "{{ config }}" in article.text()
    assert doc.find("title").text().startswith(entity.name)
    assert doc.find("meta", name="description").attrs["content"] == entity.summary


def test_only_http_links_from_descriptions(hostile_site: Path) -> None:
    for path in hostile_pages(hostile_site):
        for link in parse(path.read_text()).find_all("a"):
            href = (link.attrs.get("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), path
    article = parse((hostile_site / "frameworks/hostile-web/index.html").read_text()).find(
        "article"
    )
    description = article.find("div", class_="atlas-description")
    assert [a.attrs["href"] for a in description.find_all("a")] == ["https://example.org/ok"]


def test_script_blocks_stay_closed_and_json_valid(hostile_site: Path, hostile: Dataset) -> None:
    html = (hostile_site / "frameworks" / "hostile-web" / "index.html").read_text()
    assert html.count("<script") == html.count("</script>")
    doc = parse(html)
    for script in doc.find_all("script"):
        assert "alert(" not in script.text() or script.attrs.get("type") == "application/ld+json"
    record = json.loads(doc.find("script", type="application/ld+json").text())
    entity = hostile.entities["hostile-web"]
    assert record["name"] == entity.name and record["description"] == entity.summary
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    assert not set(raw.group(1)) & {"<", ">", "&", "\u2028", "\u2029"}


def test_api_keeps_hostile_text_exact(hostile_site: Path, hostile: Dataset) -> None:
    records = json.loads((hostile_site / "api/v1/framework.json").read_text())
    by_id = {r["id"]: r for r in records}
    entity = hostile.entities["hostile-web"]
    assert by_id["hostile-web"]["name"] == entity.name
    assert by_id["hostile-web"]["description"] == entity.description
    json.loads((hostile_site / "api/v1/all.json").read_text())


def test_search_index_holds_escaped_titles(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text())
    titles = [
        d["title"] for d in index["docs"] if d["location"].startswith("frameworks/hostile-web/")
    ]
    assert titles and all("<script" not in t for t in titles)


def test_empty_kinds_render(hostile_site: Path, hostile: Dataset) -> None:
    doc = parse((hostile_site / "servers" / "index.html").read_text()).find("article")
    ids = [
        r.attrs["data-id"]
        for r in doc.find("table", id="matrix-server").find("tbody").find_all("tr")
    ]
    assert "hostile-server" in ids


def first_h1(node: Node) -> str:
    return node.find("h1").text()
