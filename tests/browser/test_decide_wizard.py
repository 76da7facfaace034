"""The decision wizard in a real browser: three paths, the Back button and a shared URL."""

from __future__ import annotations

from typing import Any

import pytest

from macros.data.decision_model import DecisionTree
from macros.data.loader import load_dataset
from tests.site.sitebuild import project_data_dir

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site")]


@pytest.fixture(scope="module")
def tree() -> DecisionTree:
    found = load_dataset(project_data_dir()).decision_tree
    assert found is not None
    return found


def follow(tree: DecisionTree, labels: list[str]) -> str:
    """The recommendation id the data says these answers lead to."""
    question = tree.question(tree.start)
    for label in labels:
        assert question is not None
        option = next(o for o in question.options if o.label == label)
        if option.result:
            return option.result
        question = tree.question(option.next or "")
    raise AssertionError("the answers do not reach a recommendation")


def answer(page: Any, labels: list[str], needs: tuple[str, ...] = ()) -> None:
    """Click the answers; at the must-have step tick ``needs`` and ask for the stack."""
    for label in labels:
        page.locator("#atlas-wizard fieldset button", has_text=label).first.click()
    step = page.locator(".atlas-wizard-needs")
    if step.count():
        for feature in needs:
            step.get_by_label(feature, exact=True).check()
        step.get_by_role("button", name="Show my stack").click()


def recommended(page: Any) -> dict[str, str]:
    """Role -> pick name, read from the stack table the wizard shows."""
    rows = page.locator("#atlas-wizard .atlas-stack tbody tr")
    rows.first.wait_for()
    return {
        rows.nth(i).get_attribute("data-role"): rows.nth(i).locator("td").first.inner_text()
        for i in range(rows.count())
    }


PATHS = [
    (
        [
            "A JSON / REST API for other programs",
            "Throughput per CPU core",
            "Batteries included (validation, OpenAPI, dependency injection)",
            "msgspec structs (faster, smaller, fewer features)",
        ],
        "Litestar",
        "Granian",
    ),
    (
        [
            "A database-backed web application with users and an admin",
            "No, or not yet",
            "No, server-rendered pages and the admin are enough",
        ],
        "Django",
        "Gunicorn",
    ),
    (
        [
            "I am moving an existing Flask or Django REST Framework app",
            "Flask, to use async/await with the same API",
        ],
        "Quart",
        "Hypercorn",
    ),
]


@pytest.mark.parametrize(
    ("labels", "framework", "server"),
    PATHS,
    ids=["api-performance", "full-stack-admin", "migrating-flask"],
)
def test_wizard_paths(
    page: Any, base_url: str, tree: DecisionTree, labels: list[str], framework: str, server: str
) -> None:
    page.goto(base_url + "decide/")
    answer(page, labels)
    rec = tree.recommendation(follow(tree, labels))
    assert rec is not None
    assert page.locator(".atlas-wizard-result").inner_text() == f"Recommended: {rec.title}"
    stack = recommended(page)
    assert (stack["framework"], stack["server"]) == (framework, server)
    shared = page.url
    assert "?path=" in shared

    # Back returns to the must-have step, then to the last question, earlier answers kept.
    page.get_by_role("button", name="Back", exact=True).click()
    assert page.locator("#atlas-wizard legend").first.inner_text() == (
        "Which features must the framework have?"
    )
    page.get_by_role("button", name="Back", exact=True).click()
    assert (
        page.locator("#atlas-wizard legend").inner_text()
        == tree.question(_last_question(tree, labels)).text
    )  # type: ignore[union-attr]
    assert page.locator(".atlas-wizard-trail li").count() == len(labels) - 1

    # The shared URL opens straight on the same recommendation, in a fresh page.
    fresh = page.context.new_page()
    fresh.goto(shared)
    assert fresh.locator(".atlas-wizard-result").inner_text() == f"Recommended: {rec.title}"
    assert recommended(fresh)["framework"] == framework
    fresh.close()


JOB_PATHS = [
    (
        [
            "A database-backed web application with users and an admin",
            "Yes, through a broker (RabbitMQ or Redis), with periodic tasks",
        ],
        "Django",
        "Celery",
    ),
    (
        [
            "A JSON / REST API for other programs",
            "The largest ecosystem, most tutorials, easiest hiring",
            "A container (Docker, Kubernetes, a PaaS)",
            "Yes, kept in PostgreSQL, with no broker to run",
        ],
        "FastAPI",
        "PgQueuer",
    ),
]


@pytest.mark.parametrize(
    ("labels", "framework", "queue"), JOB_PATHS, ids=["django-broker", "fastapi-postgres"]
)
def test_wizard_background_jobs(
    page: Any, base_url: str, tree: DecisionTree, labels: list[str], framework: str, queue: str
) -> None:
    """A background-jobs answer ends on a stack whose table names the task queue."""
    page.goto(base_url + "decide/")
    answer(page, labels)
    rec = tree.recommendation(follow(tree, labels))
    assert rec is not None
    assert page.locator(".atlas-wizard-result").inner_text() == f"Recommended: {rec.title}"
    stack = recommended(page)
    assert (stack["framework"], stack["task_queue"]) == (framework, queue)


def _last_question(tree: DecisionTree, labels: list[str]) -> str:
    question_id = tree.start
    for label in labels[:-1]:
        question = tree.question(question_id)
        assert question is not None
        question_id = next(o for o in question.options if o.label == label).next or ""
    return question_id


def test_restart_and_browser_back(page: Any, base_url: str, tree: DecisionTree) -> None:
    page.goto(base_url + "decide/")
    first = tree.question(tree.start)
    assert first is not None
    answer(page, [first.options[0].label])
    page.go_back()
    assert page.locator("#atlas-wizard legend").inner_text() == first.text
    answer(page, [first.options[1].label])
    page.get_by_role("button", name="Restart", exact=True).click()
    assert page.locator("#atlas-wizard legend").inner_text() == first.text
    assert page.locator(".atlas-wizard-trail li").count() == 0
