"""Python Backend Atlas: typed data model, loader and the mkdocs macros that render it."""

from __future__ import annotations

import importlib
from typing import Any

MACRO_MODULES = (
    "macros.site_macros",
    "macros.decision_macros",
    "macros.changelog_macros",
    "macros.contrib_macros",
    "macros.example_macros",
    "macros.bench_macros",
    "macros.guide_macros",
)
"""Modules whose ``register(env)`` declares the macros one group of pages calls."""


def define_env(env: Any) -> None:
    """Entry point of the mkdocs-macros plugin (``module_name: macros`` in ``mkdocs.yml``)."""
    # Imported here so that `import macros.model` stays light for the data tools.
    for name in MACRO_MODULES:
        importlib.import_module(name).register(env)
