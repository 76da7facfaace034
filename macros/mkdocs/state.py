"""State of one site build, shared by the hook (``site_hook.py``) and the macros.

MkDocs keeps plugin and module objects alive across ``mkdocs serve`` rebuilds, so the hook calls
:func:`reset` at the start of every build; nothing here survives from one build to the next.

Rendered HTML never goes back through Markdown or Jinja: a macro :func:`stash`-es its HTML and
returns a placeholder comment; the hook puts the HTML back into the finished page (:func:`restore`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from macros.data.dataset import Dataset
from macros.pages.context import SiteContext, SiteSettings

__all__ = [
    "BuildState",
    "SiteSettings",
    "current",
    "dataset",
    "has_placeholders",
    "keep",
    "recording",
    "reset",
    "restore",
    "stash",
]

_PLACEHOLDER = re.compile(r"<!--atlas-html:([0-9a-f]{24})-->")


@dataclass
class BuildState(SiteContext):
    """Everything one build knows: the renderers' context, plus the HTML stashed for this page."""

    fragments: dict[str, str] = field(default_factory=dict)
    inputs: bytes = b""
    """Digest of what the macros read (``macro_cache.inputs_key``); empty: no macro cache."""
    recorders: list[dict[str, str]] = field(default_factory=list)


_state = BuildState()


def reset(settings: SiteSettings | None = None) -> BuildState:
    """Forget the previous build; return the fresh state."""
    global _state
    _state = BuildState(settings=settings or SiteSettings())
    return _state


def current() -> BuildState:
    """The state of the build in progress."""
    return _state


def dataset() -> Dataset:
    """The data of this build; fails loudly if a macro runs before the hook loaded it."""
    if _state.dataset is None:
        raise RuntimeError(
            "the Atlas data is not loaded: is macros/mkdocs/site_hook.py in `hooks:`?"
        )
    return _state.dataset


def stash(fragment: str) -> str:
    """Keep ``fragment`` aside and return a Markdown-inert placeholder block for it."""
    key = hashlib.sha256(fragment.encode("utf-8")).hexdigest()[:24]
    _state.fragments[key] = fragment
    for recorder in _state.recorders:
        recorder[key] = fragment
    return f"\n\n<!--atlas-html:{key}-->\n\n"


@contextmanager
def recording() -> Iterator[dict[str, str]]:
    """Collect every fragment stashed inside the ``with`` block (placeholder key -> HTML)."""
    recorder: dict[str, str] = {}
    _state.recorders.append(recorder)
    try:
        yield recorder
    finally:
        _state.recorders.remove(recorder)


def keep(fragments: Mapping[str, str]) -> None:
    """Stash fragments recorded in an earlier build under their placeholder keys."""
    _state.fragments.update(fragments)
    for recorder in _state.recorders:
        recorder.update(fragments)


def restore(page_html: str) -> str:
    """Replace every placeholder in rendered page HTML with its stashed fragment."""

    def put_back(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in _state.fragments:
            raise KeyError(f"no stashed HTML for placeholder {key}")
        return _state.fragments[key]

    return _PLACEHOLDER.sub(put_back, page_html)


def has_placeholders(page_html: str) -> bool:
    """True if a placeholder survived (a bug: its HTML would be missing from the page)."""
    return _PLACEHOLDER.search(page_html) is not None
