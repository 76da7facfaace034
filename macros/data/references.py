"""References to entity ids across files: one problem per missing id, none for a broken file.

Every check that finds an id no entity has reports it through :func:`unknown_reference`;
:func:`fold_references` then turns the references of each id into at most one problem.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from macros.data.problems import Problem
from macros.data.yaml_source import Loc, YamlDocument


def unknown_reference(doc: YamlDocument, loc: Loc, ref: str, expected: str = "entity") -> Problem:
    """A located problem saying that ``ref`` names no ``expected`` (an entity, a server...)."""
    message = f"unknown id {ref!r}" if expected == "entity" else f"no {expected} has id {ref!r}"
    return replace(doc.problem(loc, message), ref=ref)


def fold_references(
    problems: Iterable[Problem], broken: Mapping[str, str], known: Iterable[str] = ()
) -> tuple[list[Problem], list[str]]:
    """Problems with unknown-id references folded: one per id, and none for a broken file's id.

    Returns the problems and notes such as "5 references to 'flask' not checked:
    data/frameworks/flask.yaml has errors".
    """
    kept: list[Problem] = []
    by_ref: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        (by_ref[problem.ref] if problem.ref is not None else kept).append(problem)
    notes: list[str] = []
    for ref, found in sorted(by_ref.items()):
        if ref in broken:
            count = len(found)
            noun = "reference" if count == 1 else "references"
            notes.append(f"{count} {noun} to {ref!r} not checked: {broken[ref]} has errors")
            continue
        kept.append(_one_problem(ref, sorted(found), sorted(known)))
    return kept, notes


def _one_problem(ref: str, found: list[Problem], known: list[str]) -> Problem:
    first = found[0]
    if len(found) == 1:
        close = difflib.get_close_matches(ref, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"add data/<kind>/{ref}.yaml"
        return replace(first, message=f"{first.message}: {hint}")
    others = ", ".join(f"{p.file}:{p.line}" for p in found[1:4])
    more = f" and {len(found) - 4} more" if len(found) > 4 else ""
    message = (
        f"{first.message}, and {len(found) - 1} other places refer to it ({others}{more}): "
        f"no data file defines {ref!r}; add data/<kind>/{ref}.yaml or correct the references"
    )
    return replace(first, message=message)
