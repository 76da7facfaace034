"""Cross-file rules over the loaded data: one small rule per module, each with a how-to-fix message.

A rule is a function ``check(dataset) -> Iterable[Problem]``; add a module and list it in ``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from macros.data.dataset import Dataset
from macros.data.problems import Problem
from macros.data.rules import (
    cells_sourced,
    dates_not_future,
    decision_tree_refs,
    decision_tree_shape,
    example_refs,
    id_matches_filename,
    integrations_match_cells,
    package_metadata,
    plugin_is_entity,
    references_exist,
    schema_line,
    server_flags,
    unique_names,
)

Rule = Callable[[Dataset], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    id_matches_filename.check,
    unique_names.check,
    references_exist.check,
    dates_not_future.check,
    schema_line.check,
    decision_tree_refs.check,
    decision_tree_shape.check,
    example_refs.check,
    package_metadata.check,
    cells_sourced.check,
    plugin_is_entity.check,
    integrations_match_cells.check,
    server_flags.check,
)


def run_rules(dataset: Dataset) -> list[Problem]:
    """Every problem every rule finds."""
    return [problem for rule in RULES for problem in rule(dataset)]
