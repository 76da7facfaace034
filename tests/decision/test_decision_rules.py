"""Each decision-tree rule refuses bad data with the exact file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import load_dataset
from macros.data.problems import DataError
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]


def problems_for(make_data: MakeData, tree: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(make_data(tree))
    return [str(p) for p in caught.value.problems]


def test_good_tree_loads(make_data: MakeData) -> None:
    dataset = load_dataset(make_data(GOOD_TREE))
    assert dataset.decision_tree is not None
    assert [q.id for q in dataset.decision_tree.questions] == ["first", "second"]


def test_unknown_entity_in_pick(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("{id: uvicorn,", "{id: unicorn,")
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:23:16: recommendations[0].stack.server.id: unknown id 'unicorn':"
        " did you mean 'uvicorn'?"
    ]


def test_pick_of_wrong_kind(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("server: {id: uvicorn,", "server: {id: pytest,")
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:23:16: recommendations[0].stack.server.id: 'pytest' is a "
        "testing, but this role needs a server"
    ]


def test_option_to_missing_question(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("next: second", "next: third")
    found = problems_for(make_data, tree)
    assert (
        "data/decision-tree.yaml:9:9: questions[0].options[1].next: no question has id 'third'"
        in found
    )
    # The question nobody points at any more is reported too.
    assert any(
        p.startswith("data/decision-tree.yaml:10:5: questions[1].id: question is not reachable")
        for p in found
    )


def test_option_to_missing_recommendation(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace(
        "      - label: No\n        result: api", "      - label: No\n        result: apx"
    )
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:16:9: questions[1].options[1].result: "
        "no recommendation has id 'apx'"
    ]


def test_unreachable_recommendation(make_data: MakeData) -> None:
    tree = (
        GOOD_TREE
        + "  - id: lonely\n    title: Nobody\n    summary: x\n"
        + "    stack: {framework: {id: fastapi, why: x}}\n"
    )
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:25:5: recommendations[1].id: recommendation is not reachable: "
        "point an option's `result` at it or remove it"
    ]


def test_cycle(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace(
        "      - label: Yes\n        result: api", "      - label: Yes\n        next: first"
    )
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:14:9: questions[1].options[0].next: loop: first -> second -> first"
    ]


def test_dead_end_option(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("      - label: Yes\n        result: api", "      - label: Yes")
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:13:9: questions[1].options[0]: an option needs exactly one of "
        "`next` (a question) or `result`"
    ]


def test_start_must_exist(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("start: first", "start: zero")
    found = problems_for(make_data, tree)
    assert found[0] == "data/decision-tree.yaml:1:1: start: no question has id 'zero'"


def test_duplicate_question_id(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("  - id: second", "  - id: first")
    found = problems_for(make_data, tree)
    assert (
        "data/decision-tree.yaml:10:5: questions[1].id: duplicate id 'first' (also in questions)"
        in found
    )


def test_stack_needs_framework(make_data: MakeData) -> None:
    tree = GOOD_TREE.replace("      framework: {id: fastapi, why: Typed}\n", "")
    assert problems_for(make_data, tree) == [
        "data/decision-tree.yaml:18:5: recommendations[0]: stack needs a `framework` pick"
    ]
