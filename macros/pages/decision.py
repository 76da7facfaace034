"""HTML for the decision page: the whole tree as nested lists, the stacks, and wizard data.

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
        '<details class="atlas-stack-details"><summary>Picks, trade-offs and first commands'
        "</summary>"
        f'<table class="atlas-stack"><caption>Stack: {esc(rec.title)}</caption><thead><tr>'
        '<th scope="col">Role</th><th scope="col">Pick</th><th scope="col">Why</th>'
        f'<th scope="col">Close alternative</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"<h4>What you give up</h4><ul>{gives_up}</ul>"
        "<h4>Getting started</h4>"
        f'<pre class="atlas-snippet"><code>{esc(getting_started(rec, dataset))}</code></pre>'
        "</details></section>"
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


def render_wizard(tree: DecisionTree, needs: str = "") -> str:
    """The wizard's mount point and data; without JavaScript it explains where the tree is.

    ``needs`` is the JSON of :func:`macros.pages.decision_needs.needs_data` (the must-have step).
    """
    # The tree travels in an attribute, not a <script> element: the theme's instant navigation
    # re-creates script elements when it swaps pages and would run JSON as JavaScript.
    needs_attr = f' data-needs="{esc(needs)}"' if needs else ""
    return (
        f'<div class="atlas-wizard" id="atlas-wizard"{needs_attr} '
        f'data-tree="{esc(wizard_data(tree))}">'
        "<noscript><p>The step-by-step wizard needs JavaScript; the whole tree is listed below."
        "</p></noscript></div>"
    )
