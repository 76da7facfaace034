"""What a ``mkdocs serve`` rebuild reuses from the builds before it (see ``macros/data/memo.py``).

* parsed YAML files, JSON Schemas, bootstrap estimates and highlighted example code: memos in the
  stages that compute them, keyed by the content they come from;
* the sections Material's search plugin cuts each page into (``search_cache.py``);
* the theme's compiled Jinja templates (Jinja's own bytecode cache, checked against the source).

All of it lives in this process only: a ``mkdocs build`` starts empty. Per-build state
(``state.py``) is reset by every build; these caches are kept apart from it on purpose.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from macros.data import memo
from macros.mkdocs import search_cache

log = logging.getLogger("mkdocs.hooks.atlas")


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates by key, in memory; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = MemoryBytecodeCache()


def start_build() -> None:
    """Turn the caches on (unless ``ATLAS_BUILD_CACHE=0``) and drop what the last build left."""
    if memo.enable():
        search_cache.install()
    memo.new_build()


def theme_env(env: Any) -> Any:
    """Give the theme's Jinja environment the in-process bytecode cache (if caches are on)."""
    if memo.is_enabled() and env.bytecode_cache is None:
        env.bytecode_cache = _TEMPLATES
    return env


def report() -> None:
    """Log the cache hits of the build that just ended (``mkdocs serve -v`` shows it)."""
    log.debug("build caches (hits/calls): %s", memo.summary() or "off")
