"""Turn text from data into safe HTML: escaping, JSON for ``<script>``, links, Markdown.

Every string that comes from ``data/`` reaches the site through one of these functions. Data text
is never given to Jinja (the macros plugin) nor to the page's Markdown converter as raw HTML.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from macros.data.memo import Memo, digest

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def esc(text: object) -> str:
    """Escape any value for HTML text and double-quoted attribute values."""
    return html.escape(str(text), quote=True)


_INDENTED: Memo[str] = Memo("json", persist=True)
"""Indented JSON by indent and the SHA-256 of the compact JSON of the same data (Python's C
encoder writes compact JSON fast; the indenting encoder is pure Python)."""


def stable_json(data: Any, *, indent: int | None = None) -> str:
    """Deterministic JSON text (sorted keys, UTF-8 kept)."""
    compact = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if indent is None:
        return compact
    return _INDENTED.get(
        (indent, digest(compact)),
        lambda: json.dumps(
            data, sort_keys=True, ensure_ascii=False, indent=indent, separators=(",", ": ")
        ),
    )


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element and still valid JSON.

    ``</script>``, ``<!--``, ``&`` and the JavaScript line separators U+2028/U+2029 are written as
    ``\\uXXXX`` escapes, which JSON parsers read back as the same characters.
    """
    text = stable_json(data)
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host; everything else is refused as a link."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def external_link(url: str, text: str) -> str:
    """An ``<a>`` to an external page, or just the escaped text if the URL is not http(s)."""
    if not is_web_url(url):
        return esc(text)
    return f'<a href="{esc(url)}" rel="noopener">{esc(text)}</a>'


class _SafeLinks(Treeprocessor):
    """Keep only http(s) links, drop images, demote headings: data Markdown stays inline prose."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "a":
                    self._check_link(child)
                elif child.tag == "img":
                    # No images from data: they would load third-party content.
                    child.tag = "span"
                    alt = child.get("alt", "")
                    child.attrib.clear()
                    child.text = alt
                elif child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    child.tag = "p"

    @staticmethod
    def _check_link(link: etree.Element) -> None:
        href = link.get("href", "")
        link.attrib.clear()
        if is_web_url(href):
            link.set("href", href)
            link.set("rel", "noopener")
        else:
            link.tag = "span"


class _NoRawHtml(Extension):
    """Treat raw HTML in data as text: it is escaped by the serializer instead of passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "atlas_safe_links", 0)


def markdown_to_html(text: str) -> str:
    """Render data Markdown (descriptions) to HTML with raw HTML escaped and only http(s) links."""
    return _RENDERED.get(digest(text), lambda: _markdown_to_html(text))


_RENDERED: Memo[str] = Memo("markdown", persist=True)
"""Data Markdown rendered, by the SHA-256 of the text."""


def _markdown_to_html(text: str) -> str:
    converter = markdown.Markdown(extensions=[_NoRawHtml()], output_format="html")
    return str(converter.convert(text))


def inline_html(text: str) -> str:
    """One line of data text, escaped, with its `backtick spans` shown as code (no other markup)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick stays as it is
        return esc(text)
    return "".join(f"<code>{esc(p)}</code>" if i % 2 else esc(p) for i, p in enumerate(parts))


def plain_text(text: str) -> str:
    """Data text for an attribute (a tooltip): the backticks of code spans dropped."""
    return text.replace("`", "")


def data_table(
    css_class: str, headers: Sequence[str], rows: Iterable[str], caption: str = ""
) -> str:
    """A table with a header row of ``headers`` (escaped) and the given rendered ``<tr>`` rows."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="{esc(css_class)}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
