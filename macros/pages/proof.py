"""Which test proves a feature cell, and the mark that says so, for framework and server cells.

A framework cell is proven by the feature suite when its example demonstrates the feature
(:mod:`macros.pages.verification`); a server cell by the server probes
(:mod:`macros.apps.server_probes`). The matrix shows the proof as a class and a tooltip, an
entity page as a link to the page that explains the suite.
"""

from __future__ import annotations

from macros.apps.server_probes import proven_by
from macros.data.model import Entity, Example, Server
from macros.pages.html_text import esc
from macros.pages.verification import feature_test_id, proven

FRAMEWORK_PROOFS_PAGE = "verification.md"
SERVER_PROOFS_PAGE = "server-verification.md"


def cell_proof(entity: Entity, feature: str, example: Example | None) -> str | None:
    """The id of the test that proves this cell (``test_feature[cors-flask]``), else None."""
    if isinstance(entity, Server):
        return proven_by(entity, feature)
    if proven(example, feature):
        return feature_test_id(entity.id, feature).rsplit("::", 1)[-1]
    return None


def proofs_page(entity: Entity) -> str:
    """The page that explains how this entity's cells are tested."""
    return SERVER_PROOFS_PAGE if isinstance(entity, Server) else FRAMEWORK_PROOFS_PAGE


def proof_link(test: str | None, href: str) -> str:
    """`` (verified by test)`` linking to ``href``, titled with the test id; ``""`` if no test."""
    if test is None:
        return ""
    return (
        f' <a class="atlas-verified" href="{esc(href)}" title="Verified by {esc(test)}">'
        "(verified by test)</a>"
    )
