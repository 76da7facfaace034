"""Decision tree: every option points at a real question or recommendation, every pick at an
entity of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.decision_model import ROLE_KINDS
from macros.data.problems import Problem
from macros.data.references import unknown_reference


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report dangling option targets and picks of unknown ids or the wrong kind."""
    tree, doc = dataset.decision_tree, dataset.decision_tree_document
    if tree is None or doc is None:
        return
    question_ids = {q.id for q in tree.questions}
    result_ids = {r.id for r in tree.recommendations}
    if tree.start not in question_ids:
        yield doc.problem(("start",), f"no question has id {tree.start!r}")
    for qi, question in enumerate(tree.questions):
        for oi, option in enumerate(question.options):
            loc = ("questions", qi, "options", oi)
            if option.next is not None and option.next not in question_ids:
                yield doc.problem((*loc, "next"), f"no question has id {option.next!r}")
            if option.result is not None and option.result not in result_ids:
                yield doc.problem((*loc, "result"), f"no recommendation has id {option.result!r}")
    for ri, rec in enumerate(tree.recommendations):
        for role, pick in rec.stack.items():
            for field, ref in (("id", pick.id), ("alternative", pick.alternative)):
                if ref is None:
                    continue
                where = ("recommendations", ri, "stack", role, field)
                entity, kind = dataset.entities.get(ref), ROLE_KINDS[role]
                if entity is None:
                    yield unknown_reference(doc, where, ref)
                elif entity.kind != kind:
                    message = f"{ref!r} is a {entity.kind}, but this role needs a {kind}"
                    yield doc.problem(where, message)
