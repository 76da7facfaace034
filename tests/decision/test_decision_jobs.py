"""Background jobs in the decision tree: the `task_queue` role (and the database-driver and
migration-tool roles) in the model, the rules, the stack and the rendering, and the questions
of the real tree that lead to a task-queue pick."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.decision_model import ROLE_KINDS, ROLE_TITLES, DecisionTree
from macros.data.loader import load_dataset
from macros.data.model_task_queue import TaskQueue
from macros.data.problems import DataError
from macros.pages.decision import render_outline, render_recommendation
from macros.pages.decision_stack import add_commands, getting_started, stack_parts, trade_offs
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]

QUEUE = """\
# yaml-language-server: $schema=../../schemas/task-queue.schema.json
id: saq
name: SAQ
kind: task-queue
summary: A test queue.
description: A test queue.
install: ["saq[redis]"]
brokers: [redis]
weaknesses: [Thin docs]
sources: [{url: "https://example.org/saq", title: Docs}]
as_of: 2026-01-01
"""

PICK = "      testing: {id: pytest, why: Standard}\n"
WITH_QUEUE = GOOD_TREE.replace(
    PICK, "      task_queue: {id: saq, why: Async jobs on Redis}\n" + PICK
)


def with_queue(make_data: MakeData, tree: str = WITH_QUEUE) -> Path:
    root = make_data(tree)
    (root / "task-queues").mkdir()
    (root / "task-queues" / "saq.yaml").write_text(QUEUE, encoding="utf-8")
    return root


def test_new_roles_point_at_the_new_kinds() -> None:
    assert ROLE_KINDS["task_queue"] == "task-queue"
    assert ROLE_KINDS["database_driver"] == "database-driver"
    assert ROLE_KINDS["migration_tool"] == "migration-tool"
    assert set(ROLE_TITLES) == set(ROLE_KINDS)
    # Shown after the data layer and before the tooling.
    order = list(ROLE_TITLES)
    assert order.index("orm") < order.index("task_queue") < order.index("package_manager")


def test_task_queue_pick_loads(make_data: MakeData) -> None:
    dataset = load_dataset(with_queue(make_data))
    assert dataset.decision_tree is not None
    rec = dataset.decision_tree.recommendations[0]
    assert rec.stack["task_queue"].id == "saq"
    assert [part.role for part in stack_parts(rec, dataset)] == [
        "framework",
        "server",
        "task_queue",
        "testing",
    ]


def test_task_queue_pick_of_wrong_kind(make_data: MakeData) -> None:
    tree = WITH_QUEUE.replace("task_queue: {id: saq,", "task_queue: {id: uvicorn,")
    with pytest.raises(DataError) as caught:
        load_dataset(with_queue(make_data, tree))
    assert [str(p) for p in caught.value.problems] == [
        "data/decision-tree.yaml:24:20: recommendations[0].stack.task_queue.id: 'uvicorn' is a "
        "server, but this role needs a task-queue"
    ]


def test_unknown_role_is_refused(make_data: MakeData) -> None:
    tree = WITH_QUEUE.replace("task_queue:", "job_queue:")
    with pytest.raises(DataError) as caught:
        load_dataset(with_queue(make_data, tree))
    assert any("stack.job_queue" in str(p) for p in caught.value.problems)


def test_queue_is_a_runtime_dependency_and_its_weaknesses_are_trade_offs(
    make_data: MakeData,
) -> None:
    dataset = load_dataset(with_queue(make_data))
    assert dataset.decision_tree is not None
    rec = dataset.decision_tree.recommendations[0]
    assert add_commands(rec, dataset) == [
        ["uv", "add", "fastapi", "uvicorn[standard]", "saq[redis]"],
        ["uv", "add", "--dev", "pytest"],
    ]
    assert "uv add fastapi 'uvicorn[standard]' 'saq[redis]'" in getting_started(rec, dataset)
    assert [(e.id, text) for e, text in trade_offs(rec, dataset)] == [
        ("fastapi", "Gives up something"),
        ("saq", "Thin docs"),
    ]


def test_queue_row_is_rendered_and_escaped(make_data: MakeData) -> None:
    tree = WITH_QUEUE.replace("why: Async jobs on Redis", 'why: "<b>jobs</b>"')
    dataset = load_dataset(with_queue(make_data, tree))
    assert dataset.decision_tree is not None
    html = render_recommendation(
        dataset.decision_tree.recommendations[0], dataset, lambda e: f"../{e.id}/"
    )
    row = html.split('<tr data-role="task_queue">', 1)[1].split("</tr>", 1)[0]
    assert '<th scope="row">Task queue</th>' in row
    assert '<a href="../saq/">SAQ</a>' in row
    assert "&lt;b&gt;jobs&lt;/b&gt;" in row and "<b>" not in row
    assert "<strong>SAQ:</strong> Thin docs" in html


# The real tree -------------------------------------------------------------------------------

DATASET = load_dataset()
TREE = DATASET.decision_tree
assert TREE is not None
JOB_QUESTIONS = ["api-jobs", "litestar-jobs", "fullstack-jobs"]


def _stacks_below(tree: DecisionTree, question_id: str) -> set[str]:
    found: set[str] = set()
    question = tree.question(question_id)
    for option in question.options if question else []:
        if option.result:
            found.add(option.result)
        elif option.next:
            found |= _stacks_below(tree, option.next)
    return found


@pytest.mark.parametrize("question_id", JOB_QUESTIONS)
def test_jobs_question_splits_stacks_with_and_without_a_queue(question_id: str) -> None:
    assert TREE is not None
    question = TREE.question(question_id)
    assert question is not None
    no, *yes = question.options
    assert no.label.startswith("No")
    without = {no.result} if no.result else _stacks_below(TREE, no.next or "")
    for stack_id in without:
        rec = TREE.recommendation(stack_id or "")
        assert rec is not None and "task_queue" not in rec.stack, stack_id
    picks = []
    for option in yes:
        rec = TREE.recommendation(option.result or "")
        assert rec is not None, f"{option.label!r} should lead straight to a stack"
        assert "task_queue" in rec.stack, f"{rec.id} answers yes but has no task queue"
        picks.append(rec.stack["task_queue"].id)
    assert len(set(picks)) == len(picks), "each yes answer leads to a different queue"


STORES = {"Redis": "redis", "RabbitMQ": "rabbitmq", "PostgreSQL": "postgres"}


def test_queue_picks_match_the_answer() -> None:
    """An answer that names a store gets a queue on that store, and async stacks async tasks."""
    assert TREE is not None
    for question_id in JOB_QUESTIONS:
        question = TREE.question(question_id)
        assert question is not None
        for option in question.options[1:]:
            rec = TREE.recommendation(option.result or "")
            assert rec is not None
            pick = rec.stack["task_queue"]
            named = [b for word, b in STORES.items() if word in option.label]
            for queue_id in filter(None, (pick.id, pick.alternative)):
                queue = DATASET.entities[queue_id]
                assert isinstance(queue, TaskQueue)
                has = [b for b in named if b in queue.brokers]
                # The pick runs on every store the answer names, the alternative on one at least.
                assert has == named if queue_id == pick.id else has, (rec.id, queue_id)
                framework = DATASET.entities[rec.stack["framework"].id]
                if "asgi" in getattr(framework, "interfaces", []) and "wsgi" not in getattr(
                    framework, "interfaces", []
                ):
                    cell = queue.features.async_tasks
                    assert cell is not None and cell.value == "yes", (rec.id, queue_id)


def test_every_queue_pick_is_active_and_has_install_data() -> None:
    assert TREE is not None
    for rec in TREE.recommendations:
        for role in ("task_queue", "database_driver", "migration_tool"):
            pick = rec.stack.get(role)
            if pick is None:
                continue
            entity = DATASET.entities[pick.id]
            assert entity.status == "active", (rec.id, pick.id)
            assert entity.install, (rec.id, pick.id)
            added = {arg for cmd in add_commands(rec, DATASET) for arg in cmd[2:]}
            assert set(entity.install) <= added


def test_outline_shows_the_jobs_questions() -> None:
    assert TREE is not None
    outline = render_outline(TREE)
    for question_id in JOB_QUESTIONS:
        assert f'id="q-{question_id}"' in outline
    for rec_id in ("fastapi-redis-jobs", "fastapi-postgres-jobs", "litestar-saq-jobs"):
        assert f'href="#r-{rec_id}"' in outline
