"""A `plugin:` entry naming an Atlas entity's package is refused with the `via:` to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.rules.plugin_is_entity import package_name

from .conftest import Write, framework, problems

LIB = framework("strawberry", "Strawberry", extra="package: strawberry-graphql\n")


def cell(plugin: str) -> str:
    return (
        "features:\n  graphql:\n    value: via-plugin\n"
        f"    plugin: [flask-cors, {plugin!r}]\n"
        "    source: https://example.org/graphql\n    checked: 2026-12-01\n"
    )


@pytest.mark.parametrize(
    "entry", ["strawberry-graphql", "Strawberry_Graphql", "strawberry.graphql[asgi]>=0.300"]
)
def test_an_entity_package_in_plugin_is_refused_with_the_via_to_write(
    write: Write, data_root: Path, entry: str
) -> None:
    write("frameworks/strawberry.yaml", LIB)
    write("frameworks/a.yaml", framework("a", extra=cell(entry)))
    assert problems(data_root) == [
        f"data/frameworks/a.yaml:16:26: features.graphql.plugin[1]: {entry!r} is the package of "
        "the Atlas entity 'strawberry': remove it from `plugin` and write via: [strawberry]"
    ]


def test_packages_without_an_entity_and_via_pass(write: Write, data_root: Path) -> None:
    write("frameworks/strawberry.yaml", LIB)
    via = "    via: [strawberry]\n    source:"
    text = cell("strawberry-graphql-django").replace("    source:", via)
    write("frameworks/a.yaml", framework("a", extra=text))
    assert problems(data_root) == []


def test_an_entity_naming_its_own_package_is_not_sent_to_itself(
    write: Write, data_root: Path
) -> None:
    own = LIB + cell("strawberry-graphql")
    write("frameworks/strawberry.yaml", own)
    assert problems(data_root) == []


@pytest.mark.parametrize(
    ("entry", "name"),
    [("Flask-CORS", "flask-cors"), ("zope.interface", "zope-interface"), ("a b", None)],
)
def test_package_name(entry: str, name: str | None) -> None:
    assert package_name(entry) == name
