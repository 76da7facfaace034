"""A library's ``integrations`` (or ``frameworks``, ``orms``) list agrees with the listed
entities' own cells: a listed framework whose cell says ``no``, or leaves the library out of
``via``, is refused at that cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Write, framework, problems

LIBRARY = """\
# yaml-language-server: $schema=../../schemas/graphql.schema.json
id: lib
name: Lib
summary: A small GraphQL library.
description: Used by the data-layer tests only.
approach: [code-first]
integrations: [a]
sources:
  - url: https://example.org/lib
    title: Example page
as_of: 2026-01-02
"""


def graphql_cell(body: str) -> str:
    return (
        f"features:\n  graphql:\n{body}"
        "    source: https://example.org/graphql\n    checked: 2026-12-01\n"
    )


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("    value: 'no'\n", "says no: write value: via-plugin with via: [lib]"),
        (
            "    value: via-plugin\n    plugin: [other-graphql]\n",
            "says via-plugin without it: add lib to via",
        ),
    ],
)
def test_a_listed_framework_whose_cell_disagrees_is_refused(
    write: Write, data_root: Path, body: str, says: str
) -> None:
    write("graphql/lib.yaml", LIBRARY)
    write("frameworks/a.yaml", framework("a", extra=graphql_cell(body)))
    assert problems(data_root) == [
        "data/frameworks/a.yaml:14:3: features.graphql: Lib lists a in its integrations "
        f"(data/graphql/lib.yaml:7) but this cell {says}, or remove a from lib's "
        "integrations if the integration is gone"
    ]


PASSING = ["    value: via-plugin\n    via: [lib]\n", "    value: 'yes'\n", "    value: partial\n"]


@pytest.mark.parametrize("body", PASSING)
def test_a_cell_that_names_the_library_or_has_the_feature_passes(
    write: Write, data_root: Path, body: str
) -> None:
    write("graphql/lib.yaml", LIBRARY)
    write("frameworks/a.yaml", framework("a", extra=graphql_cell(body)))
    assert problems(data_root) == []


def test_a_listed_entity_without_the_cell_is_left_alone(write: Write, data_root: Path) -> None:
    write("graphql/lib.yaml", LIBRARY)
    write("frameworks/a.yaml", framework("a"))
    assert problems(data_root) == []
