"""Python Backend Atlas: typed data model, loader and the mkdocs macros that render it."""

from __future__ import annotations

import importlib
from typing import Any

MACRO_MODULES = (
    "macros.mkdocs.site_macros",
    "macros.mkdocs.decision_macros",
    "macros.mkdocs.changelog_macros",
    "macros.mkdocs.contrib_macros",
    "macros.mkdocs.example_macros",
    "macros.mkdocs.bench_macros",
    "macros.mkdocs.guide_macros",
    "macros.mkdocs.server_probe_macros",
)
"""Modules whose ``register(env)`` declares the macros one group of pages calls."""


def define_env(env: Any) -> None:
    """Entry point of the mkdocs-macros plugin (``module_name: macros`` in ``mkdocs.yml``)."""
    # Imported here so that `import macros.data.model` stays light for the data tools.
    from macros.mkdocs.macro_cache import CachingEnv

    cached = CachingEnv(env)
    for name in MACRO_MODULES:
        importlib.import_module(name).register(cached)
