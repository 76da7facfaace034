"""Material's search plugin, parsing each distinct page HTML once per ``mkdocs serve`` process.

The plugin cuts every rendered page into sections with an ``HTMLParser`` subclass (``Parser``),
about a third of a rebuild for our large tables. The sections depend on the page's HTML alone
(the plugin adds the URL, title and tags afterwards), so :func:`install` swaps in a parser that
keeps them by the SHA-256 of the HTML and hands out fresh copies; the index it writes is the
same. If the plugin's internals are not the ones this was written for, nothing is swapped.
"""

from __future__ import annotations

import logging
from typing import Any

from macros.data.memo import Memo, digest

log = logging.getLogger("mkdocs.hooks.atlas")

Section = tuple[str, tuple[tuple[str, Any], ...], int, Any, tuple[str, ...], tuple[str, ...]]
"""One section as (tag, attributes, depth, id, title parts, text parts)."""
Parsed = tuple[Section, ...]
_SECTIONS: Memo[Parsed] = Memo("search", persist=True)


def install() -> bool:
    """Swap the caching parser into Material's search plugin; False if its API is not known."""
    try:
        from material.plugins.search import plugin as search  # type: ignore[import-untyped]
    except ImportError:
        return False
    original = getattr(search, "_atlas_original_parser", None) or getattr(search, "Parser", None)
    section = getattr(search, "Section", None)
    element = getattr(search, "Element", None)
    if original is None or section is None or element is None or not _known(section, element):
        log.debug("search cache off: unknown Material search plugin internals")
        return False
    search._atlas_original_parser = original
    search.Parser = _caching_parser(original, section, element)
    return True


def _known(section: type, element: type) -> bool:
    """The section and element attributes this module copies are the ones the plugin uses."""
    probe = section(element("h1", {"id": "x"}), 1)
    return set(vars(probe)) == {"el", "depth", "text", "title", "id"} and set(vars(probe.el)) == {
        "tag",
        "attrs",
    }


def _caching_parser(original: type, section: type, element: type) -> type:
    class CachingParser(original):  # type: ignore[misc]
        """Collects the fed HTML; ``close`` parses it, or takes the sections of the same HTML."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._atlas_chunks: list[str] = []

        def feed(self, data: str) -> None:
            self._atlas_chunks.append(data)

        def close(self) -> None:
            html = "".join(self._atlas_chunks)
            parsed = _SECTIONS.get(digest(html), lambda: _parse(original, html))
            self.data = [_section(section, element, *item) for item in parsed]

    return CachingParser


def _parse(original: type, html: str) -> Parsed:
    parser = original()
    parser.feed(html)
    parser.close()
    return tuple(
        (
            s.el.tag,
            tuple(s.el.attrs.items()),
            s.depth,
            s.id,
            tuple(s.title),
            tuple(s.text),
        )
        for s in parser.data
    )


def _section(
    section: type,
    element: type,
    tag: str,
    attrs: tuple[tuple[str, Any], ...],
    depth: int,
    section_id: Any,
    title: tuple[str, ...],
    text: tuple[str, ...],
) -> Any:
    fresh = section(element(tag, dict(attrs)), depth)
    fresh.id, fresh.title, fresh.text = section_id, list(title), list(text)
    return fresh
