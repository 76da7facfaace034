"""What each macro call returned, kept while nothing it can read has changed.

A macro's Markdown and the HTML it stashes depend on its arguments, the page it is called from
and the site's inputs: the data, the example apps, the site settings and the build date (pages
say how long ago a fact was checked). :func:`inputs_key` digests all of those once per build,
and :class:`CachingEnv` wraps every macro so that a call with the same key returns the same
Markdown and puts the same fragments back into the build's stash, without rendering again. Any
edit of the data or an example changes the key of every call, so a rebuild after an edit renders
everything, as a cold build does; ``tests/site/test_build_cache.py`` compares the two.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from macros.data.memo import Memo, digest, is_enabled
from macros.mkdocs import state as site_state

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules", ".venv", ".web"})
"""Folders of generated files an example may hold locally; no macro reads them."""

Kept = tuple[str, tuple[tuple[str, str], ...]]
"""A call's Markdown and the fragments it stashed (placeholder key, HTML)."""
_CALLS: Memo[Kept] = Memo("macros", persist=True)


def inputs_key(data_dir: Path, settings: site_state.SiteSettings) -> bytes:
    """Digest of everything a macro can read besides its arguments and page."""
    roots = sorted({data_dir.resolve(), data_dir.resolve().parent / "examples", ROOT / "examples"})
    today = os.environ.get("SOURCE_DATE_EPOCH") or date.today().isoformat()
    parts = [repr(settings).encode(), today.encode()]
    for root in roots:
        for path in _files(root):
            parts += [path.as_posix().encode(), digest(path.read_bytes())]
    return digest(b"\0".join(parts))


def _files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(names):
            yield Path(folder) / name


class CachingEnv:
    """The mkdocs-macros environment, with every macro it is given wrapped by the cache."""

    def __init__(self, env: Any) -> None:
        self._env = env

    def macro(self, function: Callable[..., str], name: str = "") -> Callable[..., str]:
        """Register ``function`` (under ``name``) as the macros plugin would, cached."""
        wrapped = cached(function, self._env)
        self._env.macro(wrapped, name)
        return wrapped

    def __getattr__(self, name: str) -> Any:
        return getattr(self._env, name)


def cached(macro: Callable[..., str], env: Any) -> Callable[..., str]:
    """``macro``, returning its kept result for the same arguments, page and inputs."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        inputs = site_state.current().inputs
        if not inputs or not is_enabled():
            return macro(*args, **kwargs)
        page = getattr(env, "page", None)
        url = str(page.url) if page is not None else ""
        call_of = (macro.__module__, macro.__qualname__, repr(args), repr(sorted(kwargs.items())))
        key = (*call_of, url, inputs)
        kept = _CALLS.peek(key)
        if kept is not None:
            site_state.keep(dict(kept[1]))
            return kept[0]
        with site_state.recording() as stashed:
            markdown = macro(*args, **kwargs)
        _CALLS.put(key, (markdown, tuple(stashed.items())))
        return markdown

    return call
