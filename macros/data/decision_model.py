"""The decision tree (``data/decision-tree.yaml``): questions that lead to recommended stacks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from macros.data.model import EntityId, OneLine, Strict, Text

Role = Literal[
    "framework",
    "server",
    "validation",
    "orm",
    "database_driver",
    "migration_tool",
    "task_queue",
    "package_manager",
    "linter",
    "type_checker",
    "testing",
    "deployment",
]

ROLE_KINDS: dict[str, str] = {
    "framework": "framework",
    "server": "server",
    "validation": "validation",
    "orm": "orm",
    "database_driver": "database-driver",
    "migration_tool": "migration-tool",
    "task_queue": "task-queue",
    "package_manager": "package-manager",
    "linter": "code-quality",
    "type_checker": "code-quality",
    "testing": "testing",
    "deployment": "deployment",
}
"""The entity kind each role of a stack must point at."""

ROLE_TITLES: dict[str, str] = {
    "framework": "Framework",
    "server": "Server",
    "validation": "Validation",
    "orm": "ORM",
    "database_driver": "Database driver",
    "migration_tool": "Migrations",
    "task_queue": "Task queue",
    "package_manager": "Package manager",
    "linter": "Linter & formatter",
    "type_checker": "Type checker",
    "testing": "Testing",
    "deployment": "Deployment",
}


class Option(Strict):
    """One answer to a question: it leads to another question or to a recommendation."""

    label: OneLine
    next: EntityId | None = Field(default=None, description="Id of the next question.")
    result: EntityId | None = Field(default=None, description="Id of a recommendation.")

    @model_validator(mode="after")
    def _one_target(self) -> Option:
        if (self.next is None) == (self.result is None):
            raise ValueError("an option needs exactly one of `next` (a question) or `result`")
        return self


class Question(Strict):
    """A question of the decision tree."""

    id: EntityId
    text: OneLine
    help: OneLine | None = None
    options: list[Option] = Field(min_length=2)


class Pick(Strict):
    """One part of a recommended stack: an entity, why, and a close alternative."""

    id: EntityId
    why: OneLine
    alternative: EntityId | None = None
    alternative_why: OneLine | None = None


class Recommendation(Strict):
    """A recommended stack at the end of a path through the tree."""

    id: EntityId
    title: OneLine
    summary: Text
    stack: dict[Role, Pick] = Field(description="Role -> pick; `framework` is required.")

    @model_validator(mode="after")
    def _has_framework(self) -> Recommendation:
        if "framework" not in self.stack:
            raise ValueError("stack needs a `framework` pick")
        return self


class DecisionTree(Strict):
    """The whole tree: where it starts, its questions and its recommendations."""

    start: EntityId = Field(description="Id of the first question.")
    questions: list[Question] = Field(min_length=1)
    recommendations: list[Recommendation] = Field(min_length=1)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if any."""
        return next((q for q in self.questions if q.id == question_id), None)

    def recommendation(self, rec_id: str) -> Recommendation | None:
        """The recommendation with this id, if any."""
        return next((r for r in self.recommendations if r.id == rec_id), None)
