"""Each page's Markdown converted to HTML once, kept by everything the conversion depends on.

MkDocs runs Python-Markdown on every page of every build, though after a data edit almost every
page's Markdown (after the macros) is the same as last time. The HTML, the table of contents,
the title and the anchors MkDocs collects depend only on that Markdown, the page's place, the
set of files its links resolve against and the Markdown settings, so :func:`install` wraps
``Page.render`` to keep its results by those inputs. A conversion is kept only if it was
self-contained: it logged nothing (a warning must show again on the next build) and registered
nothing with another plugin (mkdocs-autorefs anchors from mkdocstrings); a page that includes
files (``--8<--``) is always converted. ``tests/site/test_build_cache.py`` compares a warm build
with a cold one byte for byte.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.data.memo import Memo, digest, is_enabled

log = logging.getLogger("mkdocs.hooks.atlas")
INCLUDES_FILES = "--8<--"
"""pymdownx.snippets: the page's HTML then depends on other files' content."""
AUTOREFS_HOOKS = ("register_anchor", "register_url", "_record_backlink")
"""mkdocs-autorefs methods whose calls during a conversion would be lost by a cache hit."""


@dataclass(frozen=True)
class Rendered:
    """What ``Page.render`` leaves on the page; the table of contents pickled (a fresh copy each
    time it is used), links to anchors by the linked file's ``src_uri``."""

    content: str
    toc: bytes
    title: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None


_PAGES: Memo[Rendered] = Memo("pages", persist=True)
_files_key: tuple[int, bytes] | None = None


def install() -> bool:
    """Wrap ``Page.render`` with the cache (once per process); False if MkDocs' API changed."""
    original = getattr(Page, "_atlas_original_render", None) or getattr(Page, "render", None)
    if original is None or not hasattr(Page, "present_anchor_ids"):
        return False
    Page._atlas_original_render = original  # type: ignore[attr-defined]
    Page.render = _caching_render(original)  # type: ignore[method-assign]
    return True


def new_build() -> None:
    """Forget the last build's file set (a new ``Files`` object may reuse its ``id``)."""
    global _files_key
    _files_key = None


def _caching_render(original: Callable[[Page, MkDocsConfig, Files], None]) -> Any:
    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        if not is_enabled() or self.markdown is None or INCLUDES_FILES in self.markdown:
            original(self, config, files)
            return
        key = (digest(self.markdown), self.file.src_uri, self.url, _inputs_key(config, files))
        kept = _PAGES.peek(key)
        if kept is not None:
            _restore(self, kept, files)
            return
        with _watch(config) as noticed:
            original(self, config, files)
        if not noticed:
            _PAGES.put(key, _capture(self))

    return render


def _inputs_key(config: MkDocsConfig, files: Files) -> bytes:
    """Digest of the Markdown settings and of every file's place (links resolve against them);
    computed once per build (the ``Files`` object is new in each build)."""
    global _files_key
    if _files_key is None or _files_key[0] != id(files):
        extensions = [
            e if isinstance(e, str) else type(e).__qualname__ for e in config.markdown_extensions
        ]
        places = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
        settings = (extensions, sorted(config.mdx_configs.items()), config.use_directory_urls)
        _files_key = (id(files), digest(repr((settings, str(config.validation), places))))
    return _files_key[1]


class _Noticed(logging.Handler):
    """Counts every record of INFO or above logged while a page converts."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def _watch(config: MkDocsConfig) -> Iterator[list[str]]:
    """Yield a list that ends non-empty if the conversion logged or called into autorefs."""
    noticed: list[str] = []
    handler = _Noticed()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    for logger in loggers:
        logger.addHandler(handler)
    autorefs = config.plugins.get("autorefs")
    for name in AUTOREFS_HOOKS if autorefs is not None else ():
        setattr(autorefs, name, _noting(getattr(autorefs, name), noticed, name))
    try:
        yield noticed
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        for name in AUTOREFS_HOOKS if autorefs is not None else ():
            delattr(autorefs, name)  # the instance attribute shadowed the class's method
        if handler.count:
            noticed.append(f"{handler.count} log records")


def _noting(method: Callable[..., Any], noticed: list[str], name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        noticed.append(name)
        return method(*args, **kwargs)

    return call


def _capture(page: Page) -> Rendered:
    links = page.links_to_anchors
    return Rendered(
        content=page.content or "",
        toc=pickle.dumps(page.toc, protocol=pickle.HIGHEST_PROTOCOL),
        title=getattr(page, "_title_from_render", None),
        present_anchor_ids=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=None
        if links is None
        else tuple((f.src_uri, tuple(anchors.items())) for f, anchors in links.items()),
    )


def _restore(page: Page, kept: Rendered, files: Files) -> None:
    page.content = kept.content
    page.toc = pickle.loads(kept.toc)  # our own bytes, made by _capture in this or a past build
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.present_anchor_ids)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {
            file: dict(anchors)
            for src_uri, anchors in kept.links_to_anchors
            if (file := files.get_file_from_path(src_uri)) is not None
        }
