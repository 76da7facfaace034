"""Results of pure, slow functions kept across the rebuilds of one ``mkdocs serve`` process.

``mkdocs serve`` rebuilds the whole site in the same Python process after every edit, though
almost none of its inputs changed. A :class:`Memo` keeps what a function computed, keyed by
everything the result depends on (the file's bytes or their SHA-256, never a path or a time
alone), so a hit returns exactly what a fresh computation would. Values are shared between
builds: callers treat them as read-only (or the memo hands out copies).

Memos are off unless :func:`enable` was called (the MkDocs hook does; ``ATLAS_BUILD_CACHE=0``
keeps them off for a build to compare against). :func:`new_build` drops the entries the previous
build did not use, so memory stays at about one build's worth. Memos made with ``persist=True``
can be written to a file and read back by the next process (:func:`save`, :func:`load`); the file
is tagged with a fingerprint of the code that computed it and ignored if that differs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
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
    persist: bool = False
    """Whether :func:`save` writes it (its keys and values must pickle)."""
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

    def peek(self, key: Hashable) -> T | None:
        """The stored value for ``key`` (counted as a hit), or None."""
        if not _enabled or key not in self.entries:
            return None
        self.used.add(key)
        self.hits += 1
        return self.entries[key]

    def put(self, key: Hashable, value: T) -> None:
        """Store ``value`` for ``key`` (counted as a miss) if memos are on."""
        if _enabled:
            self.used.add(key)
            self.misses += 1
            self.entries[key] = value

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


def save(path: Path, fingerprint: str) -> bool:
    """Write what this build used of the persistent memos to ``path`` (atomically), if that
    differs from what the file holds (the build computed something or left something unused)."""
    persistent = [m for m in _memos if m.persist]
    if not _enabled or not any(m.misses or len(m.used) < len(m.entries) for m in persistent):
        return False
    payload = {m.name: {k: v for k, v in m.entries.items() if k in m.used} for m in persistent}
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
        pickle.dump((fingerprint, payload), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(out.name, path)
    return True


def load(path: Path, fingerprint: str) -> bool:
    """Fill the persistent memos from ``path`` if it was written by the same code."""
    if not _enabled:
        return False
    try:
        with path.open("rb") as file:
            stored, payload = pickle.load(file)  # our own file, under .cache/ of the project
    except Exception:  # missing, truncated, or written by code that no longer exists
        return False
    if stored != fingerprint:
        return False
    for memo in _memos:
        if memo.persist and memo.name in payload:
            memo.entries.update(payload[memo.name])
    return True


def summary() -> str:
    """``name hits/calls`` of every memo used in this build, for the debug log."""
    return ", ".join(f"{m.name} {m.hits}/{m.hits + m.misses}" for m in _memos if m.hits + m.misses)
