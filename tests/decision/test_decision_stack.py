"""Stacks resolve from data: picks, trade-offs and the getting-started commands."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

from macros.data.loader import load_dataset
from macros.pages.decision import render_diagram, render_outline, render_wizard
from macros.pages.decision_stack import add_commands, getting_started, run_command, trade_offs
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]


def test_getting_started_comes_from_install_and_run_data(make_data: MakeData) -> None:
    dataset = load_dataset(make_data(GOOD_TREE))
    assert dataset.decision_tree is not None
    rec = dataset.decision_tree.recommendations[0]
    assert add_commands(rec, dataset) == [
        ["uv", "add", "fastapi", "uvicorn[standard]"],
        ["uv", "add", "--dev", "pytest"],
    ]
    assert run_command(rec, dataset) == [
        "uv",
        "run",
        "uvicorn",
        "app:app",
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
    ]
    assert getting_started(rec, dataset).splitlines() == [
        "uv init my-app",
        "cd my-app",
        "uv add fastapi 'uvicorn[standard]'",
        "uv add --dev pytest",
        "uv run uvicorn app:app --host 127.0.0.1 --port 8000",
    ]


def test_changing_install_data_changes_the_snippet(make_data: MakeData) -> None:
    root = make_data(GOOD_TREE)
    server = root / "servers" / "uvicorn.yaml"
    server.write_text(server.read_text().replace('"uvicorn[standard]"', "uvicorn"))
    dataset = load_dataset(root)
    assert dataset.decision_tree is not None
    assert "uv add fastapi uvicorn\n" in getting_started(
        dataset.decision_tree.recommendations[0], dataset
    )


def test_trade_offs_are_the_picks_weaknesses(make_data: MakeData) -> None:
    dataset = load_dataset(make_data(GOOD_TREE))
    assert dataset.decision_tree is not None
    offs = trade_offs(dataset.decision_tree.recommendations[0], dataset)
    assert [(entity.id, text) for entity, text in offs] == [("fastapi", "Gives up something")]


def test_outline_diagram_and_wizard_escape_data(make_data: MakeData) -> None:
    hostile = GOOD_TREE.replace("text: What?", 'text: "</script><script>alert(1)</script>"')
    dataset = load_dataset(make_data(hostile))
    tree = dataset.decision_tree
    assert tree is not None
    for rendered in (render_outline(tree), render_diagram(tree)):
        assert "<script>" not in rendered
        assert "&lt;/script&gt;&lt;script&gt;alert(1)" in rendered
    wizard = render_wizard(tree)
    assert "<script>" not in wizard
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in wizard
    attribute = wizard.split('data-tree="', 1)[1].split('"', 1)[0]
    assert json.loads(html.unescape(attribute))["questions"]["first"]["text"] == (
        "</script><script>alert(1)</script>"
    )


def test_outline_links_every_recommendation(make_data: MakeData) -> None:
    dataset = load_dataset(make_data(GOOD_TREE))
    assert dataset.decision_tree is not None
    outline = render_outline(dataset.decision_tree)
    assert outline.count('href="#r-api"') == 3
    assert 'id="q-first"' in outline and 'id="q-second"' in outline
