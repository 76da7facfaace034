"""A cell that another entity provides (``via:``) shows that entity's own value, not a copy.

"HTTP/2: via Uvicorn (◐ partial), Hypercorn (✓ yes)" reads each provider's own ``http2`` cell
when the page is rendered, so a provider's change shows everywhere at once.
"""

from __future__ import annotations

from pydantic import BaseModel

from macros.data.fields import Feature
from macros.pages.kinds import SUPPORT_LABELS
from macros.pages.values import Linker


def provider_cell(linker: Linker, provider_id: str, feature_name: str) -> Feature | None:
    """The provider's own cell for the same feature, if it is an entity with that feature."""
    dataset = linker.state.dataset
    entity = dataset.entities.get(provider_id) if dataset else None
    features = getattr(entity, "features", None)
    if not isinstance(features, BaseModel) or feature_name not in type(features).model_fields:
        return None
    cell = getattr(features, feature_name)
    return cell if isinstance(cell, Feature) else None


def via_html(feature_name: str, feature: Feature, linker: Linker) -> str:
    """ "via A (value), B (value)": each provider linked, with its own value where it has one."""
    parts = []
    for ref in feature.via:
        link = linker.entity(ref)
        own = provider_cell(linker, ref, feature_name)
        if own is not None:
            symbol, words = SUPPORT_LABELS[own.value]
            link += (
                f' <span class="atlas-via-value" title="{words} in its own data">'
                f'(<span aria-hidden="true">{symbol}</span> {words.lower()})</span>'
            )
        parts.append(link)
    return "via " + ", ".join(parts)
