"""Turn text from data into safe HTML: escaping, JSON for ``<script>``, links, Markdown.

Every string that comes from ``data/`` reaches the site through one of these functions. Data text
is never given to Jinja (the macros plugin) nor to the page's Markdown converter as raw HTML.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as etree
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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


def stable_json(data: Any, *, indent: int | None = None) -> str:
    """Deterministic JSON text (sorted keys, UTF-8 kept)."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, indent=indent, separators=separators
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
    converter = markdown.Markdown(extensions=[_NoRawHtml()], output_format="html")
    return converter.convert(text)
