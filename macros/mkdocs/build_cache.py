"""What a build reuses from the builds before it (the memos are in ``macros/data/memo.py``).

* parsed YAML files, bootstrap estimates and highlighted example code: memos in the stages that
  compute them, keyed by the content they come from (JSON Schemas too, in this process only);
* what each macro call returned and the JSON API files, while the data, the example apps and
  the settings are the same (``macro_cache.py``);
* each page's HTML from its Markdown, by the Markdown and the site's files (``page_cache.py``);
* the sections Material's search plugin cuts each page into (``search_cache.py``);
* the theme's compiled Jinja templates (Jinja's bytecode cache; Jinja checks each against its
  source), and every other compiled Jinja template (the pages the macros plugin renders,
  mkdocstrings' templates), by source and every setting of the environment that shapes the
  generated code (``jinja_compile.py``).

Within one ``mkdocs serve`` process everything stays in memory. Between processes the persistent
memos go to ``.cache/atlas-build/memo.pickle``, tagged with a fingerprint of our code and of the
versions of the tools that shape the output; a file with another fingerprint is ignored (and
replaced). Per-build state (``state.py``) is reset by every build; these caches are kept apart
from it on purpose. ``ATLAS_BUILD_CACHE=0`` turns all of it off.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import platform
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from macros.data import memo
from macros.mkdocs import jinja_compile, page_cache, search_cache

log = logging.getLogger("mkdocs.hooks.atlas")
ROOT = Path(__file__).resolve().parents[2]
CACHE_FILE = ROOT / ".cache" / "atlas-build" / "memo.pickle"
TOOLS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-macros-plugin",
    "mkdocstrings",
    "mkdocstrings-python",
    "pymdown-extensions",
    "pygments",
    "pyyaml",
    "pydantic",
    "jinja2",
    "markupsafe",
)
"""Packages whose version is part of the fingerprint (with Python's: it marshals the code)."""


class MemoBytecodeCache(BytecodeCache):
    """Jinja's compiled templates in a persistent memo; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.code: memo.Memo[bytes] = memo.Memo("templates", persist=True)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.peek(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code.put(bucket.key, bucket.bytecode_to_string())


_TEMPLATES = MemoBytecodeCache()
_loaded = False
_serving = False
"""True under ``mkdocs serve``: the file is written once, when the server stops."""


@cache
def fingerprint() -> str:
    """SHA-256 of every module of ``macros/`` and of the versions in :data:`TOOLS`."""
    digest = hashlib.sha256(platform.python_version().encode())
    for name in TOOLS:
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?;".encode())
    for path in sorted((ROOT / "macros").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def startup(command: str) -> None:
    """Note whether this process serves (it then writes the cache file at shutdown only)."""
    global _serving
    _serving = command == "serve"


def start_build() -> None:
    """Turn the caches on (unless ``ATLAS_BUILD_CACHE=0``), drop what the last build did not
    use, and, the first time in this process, read the cache file."""
    global _loaded
    if not memo.enable():
        return
    search_cache.install()
    jinja_compile.install()
    page_cache.install()
    page_cache.new_build()
    memo.new_build()
    if not _loaded:
        _loaded = True
        if memo.load(CACHE_FILE, fingerprint()):
            log.debug("build caches read from %s", CACHE_FILE)


def theme_env(env: Any) -> Any:
    """Give the theme's Jinja environment the bytecode cache (if caches are on)."""
    if memo.is_enabled() and env.bytecode_cache is None:
        env.bytecode_cache = _TEMPLATES
    return env


def end_build() -> None:
    """Log the hits (``mkdocs -v`` shows them); write the cache file unless serving."""
    log.debug("build caches (hits/calls): %s", memo.summary() or "off")
    if not _serving:
        save()


def save() -> None:
    """Write the cache file if this build changed it."""
    try:
        memo.save(CACHE_FILE, fingerprint())
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        # a read-only checkout, or a value that does not pickle: the next build is only slower
        log.debug("build caches not written: %s", error)
