"""Unit tests of the escaping helpers and renderers (no site build)."""

from __future__ import annotations

import json

import pytest

from macros.data.loader import load_dataset
from macros.mkdocs.state import BuildState, restore, stash
from macros.pages.context import SiteSettings
from macros.pages.entity import edit_link_html
from macros.pages.html_text import esc, external_link, is_web_url, markdown_to_html, script_json
from macros.pages.values import Linker
from tests.site.sitebuild import FIXTURES

HOSTILE = "</script><script>alert(1)</script> <!-- \u2028\u2029 & {{ 7*7 }}"


@pytest.mark.parametrize("value", [HOSTILE, {"k": [HOSTILE, 1, None]}, "plain"])
def test_script_json_is_valid_json_without_breakout_characters(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_markdown_escapes_raw_html_and_keeps_formatting() -> None:
    html = markdown_to_html("**bold** `a<b&c` <img src=x onerror=alert(1)>\n\n<div>x</div>")
    assert "<strong>bold</strong>" in html
    assert "<code>a&lt;b&amp;c</code>" in html
    assert "<img" not in html and "<div" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](data:text/html,hi)",
        "[x](/relative)",
        "[x](mailto:a@b.c)",
        "[x]: javascript:alert(1)\n\n[x]",
    ],
)
def test_markdown_drops_non_http_links(link: str) -> None:
    html = markdown_to_html(link)
    assert "href" not in html
    assert ">x<" in html


def test_markdown_keeps_http_links_with_noopener() -> None:
    html = markdown_to_html("[docs](https://example.org/a?b=1&c=2) and <https://example.org>")
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener">docs</a>' in html
    assert html.count("<a ") == 2


def test_markdown_has_no_images_or_headings() -> None:
    html = markdown_to_html("# Title\n\n![alt](https://tracker.example/pixel.png)")
    assert "<img" not in html and "<h1" not in html
    assert "alt" in html and "Title" in html


def test_external_link_refuses_other_schemes() -> None:
    assert external_link("javascript:alert(1)", "<x>") == "&lt;x&gt;"
    assert is_web_url("https://example.org") and not is_web_url("https:///nohost")
    assert esc('"<&>') == "&quot;&lt;&amp;&gt;"


def test_stash_and_restore_round_trip() -> None:
    placeholder = stash("<table>x</table>")
    assert "<table>" not in placeholder
    assert restore(f"<p>a</p>{placeholder.strip()}") == "<p>a</p><table>x</table>"
    with pytest.raises(KeyError):
        restore("<!--atlas-html:000000000000000000000000-->")


def test_edit_link_uses_edit_base_url_when_set() -> None:
    data = load_dataset(FIXTURES / "hostile")
    entity = data.entities["calm-web"]
    with_url = BuildState(data, SiteSettings(edit_base_url="https://example.org/edit/main/"))
    html = edit_link_html(entity, Linker(with_url, "frameworks/calm-web/"))
    assert 'href="https://example.org/edit/main/data/frameworks/calm-web.yaml"' in html
    without = BuildState(data, SiteSettings())
    html = edit_link_html(entity, Linker(without, "frameworks/calm-web/"))
    assert "<code>data/frameworks/calm-web.yaml</code>" in html
    assert 'href="../../contributing/"' in html
