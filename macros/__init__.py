"""Python Backend Atlas: typed data model, loader and the mkdocs macros that render it."""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Entry point of the mkdocs-macros plugin (``module_name: macros`` in ``mkdocs.yml``)."""
    # Imported here so that `import macros.model` stays light for the data tools.
    from macros import guide_macros  # noqa: I001 (guides, additive)
    from macros import bench_macros, changelog_macros, contrib_macros, decision_macros, example_macros, site_macros

    site_macros.register(env)
    decision_macros.register(env)
    changelog_macros.register(env)
    contrib_macros.register(env)
    example_macros.register(env)
    bench_macros.register(env)
    guide_macros.register(env)
