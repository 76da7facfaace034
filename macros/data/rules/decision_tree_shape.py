"""Decision tree: ids are unique, every question and recommendation is reachable from the start,
and no path loops (so every path ends in a recommendation)."""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.decision_model import DecisionTree
from macros.data.problems import Problem
from macros.data.yaml_source import YamlDocument


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report duplicate ids, unreachable nodes and cycles."""
    tree, doc = dataset.decision_tree, dataset.decision_tree_document
    if tree is None or doc is None:
        return
    yield from _duplicates(tree, doc)
    reached = _reachable(tree)
    for qi, question in enumerate(tree.questions):
        if question.id not in reached:
            yield doc.problem(
                ("questions", qi, "id"),
                "question is not reachable from `start`: "
                "point an option's `next` at it or remove it",
            )
    for ri, rec in enumerate(tree.recommendations):
        if rec.id not in reached:
            yield doc.problem(
                ("recommendations", ri, "id"),
                "recommendation is not reachable: point an option's `result` at it or remove it",
            )
    yield from _cycles(tree, doc)


def _duplicates(tree: DecisionTree, doc: YamlDocument) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    nodes = [("questions", i, q.id) for i, q in enumerate(tree.questions)]
    nodes += [("recommendations", i, r.id) for i, r in enumerate(tree.recommendations)]
    for section, index, node_id in nodes:
        if node_id in seen:
            yield doc.problem(
                (section, index, "id"), f"duplicate id {node_id!r} (also in {seen[node_id]})"
            )
        seen.setdefault(node_id, section)


def _reachable(tree: DecisionTree) -> set[str]:
    reached: set[str] = set()
    pending = [tree.start]
    while pending:
        node = pending.pop()
        if node in reached:
            continue
        reached.add(node)
        question = tree.question(node)
        for option in question.options if question else []:
            pending.append(option.next or option.result or "")
    return reached


def _cycles(tree: DecisionTree, doc: YamlDocument) -> Iterator[Problem]:
    """Depth-first search; an option leading back to a question on the current path is a loop."""
    index = {q.id: i for i, q in enumerate(tree.questions)}
    done: set[str] = set()
    reported: set[tuple[int, int]] = set()

    def visit(qid: str, path: list[str]) -> Iterator[Problem]:
        qi = index[qid]
        for oi, option in enumerate(tree.questions[qi].options):
            target = option.next
            if target is None or target not in index:
                continue
            if target in path or target == qid:
                if (qi, oi) not in reported:
                    reported.add((qi, oi))
                    loop = (
                        " -> ".join([*path[path.index(target) :], qid, target])
                        if target in path
                        else f"{qid} -> {qid}"
                    )
                    yield doc.problem(("questions", qi, "options", oi, "next"), f"loop: {loop}")
            elif target not in done:
                yield from visit(target, [*path, qid])
        done.add(qid)

    if tree.start in index:
        yield from visit(tree.start, [])
