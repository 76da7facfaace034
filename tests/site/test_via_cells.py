"""A `via:` cell shows each provider's own value for the same feature (one fact, one place)."""

from __future__ import annotations

import dataclasses

from macros.data.dataset import Dataset
from macros.data.fields import Feature
from macros.pages.context import SiteContext
from macros.pages.values import Linker
from macros.pages.via_cells import via_html


def test_via_shows_the_providers_own_values(dataset: Dataset) -> None:
    urls = {entity_id: f"x/{entity_id}/" for entity_id in dataset.entities}
    linker = Linker(SiteContext(dataset=dataset, entity_urls=urls), "frameworks/fastapi/")
    cell = Feature(value="via-plugin", via=["uvicorn", "hypercorn", "pydantic"])
    html = via_html("http2", cell, linker)
    for server in ("uvicorn", "hypercorn"):
        own = dataset.entities[server].features.http2  # type: ignore[attr-defined]
        assert own is not None
        words = {"yes": "yes", "partial": "partial", "no": "no", "via-plugin": "via plugin"}
        name = dataset.entities[server].name
        assert f">{name}</a>" in html
        assert f"{words[own.value]})" in html
    # Pydantic has no http2 cell: linked, without a value.
    assert ">Pydantic</a>," not in html and html.endswith(">Pydantic</a>")


def test_a_changed_provider_changes_every_page(dataset: Dataset) -> None:
    uvicorn = dataset.entities["uvicorn"]
    features = uvicorn.features  # type: ignore[attr-defined]
    changed = features.model_copy(update={"http2": Feature(value="no")})
    copy = dataclasses.replace(
        dataset,
        entities={**dataset.entities, "uvicorn": uvicorn.model_copy(update={"features": changed})},
    )
    html = via_html(
        "http2", Feature(value="via-plugin", via=["uvicorn"]), Linker(SiteContext(dataset=copy), "")
    )
    assert html.endswith("no)</span>")
