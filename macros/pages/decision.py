"""HTML for the decision page: the whole tree as nested lists, a diagram, stacks, and wizard data.

The page works without JavaScript (lists and stacks are plain HTML, indexed by search); the wizard
script (docs/assets/decide.js) walks the same tree one question at a time and shows the stack
section of the chosen recommendation.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.data.dataset import Dataset
from macros.data.decision_model import DecisionTree, Question, Recommendation
from macros.data.model import Entity
from macros.pages.decision_stack import getting_started, stack_parts, trade_offs
from macros.pages.html_text import esc, stable_json

Link = Callable[[Entity], str]
"""Returns the href of an entity page as seen from the current page."""


def render_outline(tree: DecisionTree) -> str:
    """The tree as nested lists; a question reached twice is linked, not repeated."""
    shown: set[str] = set()
    return _question_list(tree, tree.start, shown)


def _question_list(tree: DecisionTree, question_id: str, shown: set[str]) -> str:
    question = tree.question(question_id)
    if question is None:
        return ""
    shown.add(question_id)
    items = [
        f"<li>{esc(option.label)} → {_target(tree, option.next, option.result, shown)}</li>"
        for option in question.options
    ]
    help_text = f"<br><small>{esc(question.help)}</small>" if question.help else ""
    return (
        f'<ul class="atlas-tree"><li id="q-{esc(question.id)}"><strong>{esc(question.text)}'
        f"</strong>{help_text}<ul>{''.join(items)}</ul></li></ul>"
    )


def _target(tree: DecisionTree, next_id: str | None, result_id: str | None, shown: set[str]) -> str:
    if result_id is not None:
        rec = tree.recommendation(result_id)
        title = rec.title if rec else result_id
        return f'<a href="#r-{esc(result_id)}">{esc(title)}</a>'
    assert next_id is not None
    if next_id in shown:
        question = tree.question(next_id)
        return f'<a href="#q-{esc(next_id)}">{esc(question.text if question else next_id)}</a>'
    return _question_list(tree, next_id, shown)


def render_recommendation(rec: Recommendation, dataset: Dataset, link: Link) -> str:
    """One recommended stack: picks with reasons and alternatives, trade-offs, first commands."""
    rows = []
    for part in stack_parts(rec, dataset):
        alt = ""
        if part.alternative is not None:
            why = f" — {esc(part.alternative_why)}" if part.alternative_why else ""
            alt = f'<a href="{esc(link(part.alternative))}">{esc(part.alternative.name)}</a>{why}'
        rows.append(
            f'<tr data-role="{esc(part.role)}"><th scope="row">{esc(part.title)}</th>'
            f'<td><a href="{esc(link(part.entity))}">{esc(part.entity.name)}</a></td>'
            f"<td>{esc(part.why)}</td><td>{alt or '—'}</td></tr>"
        )
    gives_up = (
        "".join(
            f"<li><strong>{esc(entity.name)}:</strong> {esc(text)}</li>"
            for entity, text in trade_offs(rec, dataset)
        )
        or "<li>No weaknesses are recorded for these picks yet.</li>"
    )
    return (
        f'<section class="atlas-recommendation" id="r-{esc(rec.id)}" data-rec="{esc(rec.id)}">'
        f"<h3>{esc(rec.title)}</h3><p>{esc(rec.summary)}</p>"
        f'<table class="atlas-stack"><caption>Stack: {esc(rec.title)}</caption><thead><tr>'
        '<th scope="col">Role</th><th scope="col">Pick</th><th scope="col">Why</th>'
        f'<th scope="col">Close alternative</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"<h4>What you give up</h4><ul>{gives_up}</ul>"
        "<h4>Getting started</h4>"
        f'<pre class="atlas-snippet"><code>{esc(getting_started(rec, dataset))}</code></pre>'
        "</section>"
    )


def wizard_data(tree: DecisionTree) -> str:
    """The tree as JSON for the wizard (escaped again where it is put into HTML)."""
    return stable_json(
        {
            "start": tree.start,
            "questions": {q.id: _question_json(q) for q in tree.questions},
            "recommendations": {r.id: r.title for r in tree.recommendations},
        }
    )


def _question_json(question: Question) -> dict[str, object]:
    return {
        "text": question.text,
        "help": question.help,
        "options": [
            {"label": o.label, "next": o.next, "result": o.result} for o in question.options
        ],
    }


def render_wizard(tree: DecisionTree) -> str:
    """The wizard's mount point and data; without JavaScript it explains where the tree is."""
    # The tree travels in an attribute, not a <script> element: the theme's instant navigation
    # re-creates script elements when it swaps pages and would run JSON as JavaScript.
    return (
        f'<div class="atlas-wizard" id="atlas-wizard" aria-live="polite" '
        f'data-tree="{esc(wizard_data(tree))}">'
        "<noscript><p>The step-by-step wizard needs JavaScript; the whole tree is listed below."
        "</p></noscript></div>"
    )


def _columns(tree: DecisionTree) -> list[list[str]]:
    """Questions by depth (longest path from the start), then all recommendations."""
    depth: dict[str, int] = {}

    def walk(qid: str, d: int) -> None:
        if depth.get(qid, -1) >= d:
            return
        depth[qid] = d
        question = tree.question(qid)
        for option in question.options if question else []:
            if option.next:
                walk(option.next, d + 1)

    walk(tree.start, 0)
    columns: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for question in tree.questions:
        if question.id in depth:
            columns[depth[question.id]].append(question.id)
    columns.append([r.id for r in tree.recommendations])
    return columns


NODE_W, NODE_H, GAP_X, GAP_Y = 200, 34, 60, 12


def render_diagram(tree: DecisionTree) -> str:
    """A build-time SVG of the tree: questions left to right, recommendations in the last column."""
    columns = _columns(tree)
    place: dict[str, tuple[int, int]] = {}
    for ci, column in enumerate(columns):
        for ri, node in enumerate(column):
            place[node] = (ci * (NODE_W + GAP_X), ri * (NODE_H + GAP_Y))
    width = len(columns) * (NODE_W + GAP_X) - GAP_X
    height = max(len(c) for c in columns) * (NODE_H + GAP_Y) - GAP_Y
    edges = [
        _edge(place[q.id], place[target])
        for q in tree.questions
        if q.id in place
        for o in q.options
        if (target := o.next or o.result or "") in place
    ]
    nodes = [_node(tree, node, *place[node]) for column in columns for node in column]
    return (
        f'<figure class="atlas-diagram"><svg viewBox="-2 -2 {width + 4} {height + 4}" '
        f'role="img" aria-labelledby="atlas-diagram-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="atlas-diagram-title">Diagram of the decision tree; the same tree is listed as '
        f"text below.</title>{''.join(edges)}{''.join(nodes)}</svg>"
        "<figcaption>Questions (left) lead to recommended stacks (right column).</figcaption>"
        "</figure>"
    )


def _edge(source: tuple[int, int], target: tuple[int, int]) -> str:
    x1, y1 = source[0] + NODE_W, source[1] + NODE_H // 2
    x2, y2 = target[0], target[1] + NODE_H // 2
    mid = (x1 + x2) // 2
    return f'<path class="atlas-edge" d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"/>'


def _node(tree: DecisionTree, node_id: str, x: int, y: int) -> str:
    question = tree.question(node_id)
    rec = tree.recommendation(node_id)
    label = question.text if question else (rec.title if rec else node_id)
    kind = "question" if question else "result"
    href = f"#q-{node_id}" if question else f"#r-{node_id}"
    short = label if len(label) <= 30 else label[:28] + "…"
    return (
        # No SVG <a>: Material's instant navigation assigns .href of every [href] element, a
        # getter-only property on SVG links (TypeError on each load), and the figure is role=img.
        # decide.js makes a node clickable through data-target; the outline below has the links.
        f'<g class="atlas-node atlas-node-{kind}" data-target="{esc(href)}">'
        f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
        f'<text x="{x + 8}" y="{y + NODE_H // 2 + 5}">{esc(short)}</text>'
        f"<title>{esc(label)}</title></g>"
    )
