"""Results of pure, slow functions kept across the rebuilds of one ``mkdocs serve`` process.

``mkdocs serve`` rebuilds the whole site in the same Python process after every edit, though
almost none of its inputs changed. A :class:`Memo` keeps what a function computed, keyed by
everything the result depends on (the file's bytes or their SHA-256, never a path or a time
alone), so a hit returns exactly what a fresh computation would. Values are shared between
builds: callers treat them as read-only (or the memo hands out copies).

Memos are off unless :func:`enable` was called (the MkDocs hook does; ``ATLAS_BUILD_CACHE=0``
keeps them off for a build to compare against). :func:`new_build` drops the entries the previous
build did not use, so memory stays at about one build's worth.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
DISABLE_ENV = "ATLAS_BUILD_CACHE"
"""Set to ``0`` to build without the memos."""

_enabled = False
_memos: list[Memo[Any]] = []


@dataclass
class Memo(Generic[T]):
    """One function's results by key, with hit and miss counts of the current build."""

    name: str
    entries: dict[Hashable, T] = field(default_factory=dict)
    used: set[Hashable] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def __post_init__(self) -> None:
        _memos.append(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The stored result for ``key``, or ``compute()`` (stored if memos are on)."""
        if not _enabled:
            return compute()
        self.used.add(key)
        if key in self.entries:
            self.hits += 1
            return self.entries[key]
        self.misses += 1
        value = self.entries[key] = compute()
        return value

    def prune(self) -> None:
        """Forget the entries not used since the last prune; reset the counts."""
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.used = set()
        self.hits = self.misses = 0


def digest(data: bytes | str) -> bytes:
    """SHA-256 of ``data`` (text as UTF-8): the key part that stands for a file's content."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).digest()


def enable() -> bool:
    """Turn the memos on unless ``$ATLAS_BUILD_CACHE`` is ``0``; return whether they are on."""
    global _enabled
    _enabled = os.environ.get(DISABLE_ENV, "1") != "0"
    return _enabled


def is_enabled() -> bool:
    """Whether the memos are on."""
    return _enabled


def disable() -> None:
    """Turn the memos off and empty them."""
    global _enabled
    _enabled = False
    for memo in _memos:
        memo.entries.clear()
        memo.prune()


def new_build() -> None:
    """Start a build: drop what the previous build did not use."""
    for memo in _memos:
        memo.prune()


def summary() -> str:
    """``name hits/calls`` of every memo used in this build, for the debug log."""
    return ", ".join(f"{m.name} {m.hits}/{m.hits + m.misses}" for m in _memos if m.hits + m.misses)
