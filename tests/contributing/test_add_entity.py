"""Adding an entity is a data change only: one new YAML file per kind shows up everywhere.

The templates contributors copy (data/_templates/) are added to a temp copy of the data; the site
is built from it, and each new entity must appear on its own page, its kind's overview and matrix,
the JSON API the compare tool reads, the search index and the sitemap.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data.loader import load_dataset
from macros.data.model import MODEL_BY_KIND
from tests.site.sitebuild import ROOT, build_or_fail, copy_project_data

TEMPLATES = sorted((ROOT / "data" / "_templates").glob("*.yaml"))
SITE_URL = "https://atlas.example/"


def template_entities() -> list[tuple[str, str, str]]:
    """(kind, directory, id) of each template."""
    found = []
    for path in TEMPLATES:
        data = yaml.safe_load(path.read_text())
        found.append((data["kind"], MODEL_BY_KIND[data["kind"]].directory, data["id"]))
    return found


def test_there_is_a_template_for_every_kind() -> None:
    assert sorted(kind for kind, _, _ in template_entities()) == sorted(MODEL_BY_KIND)


@pytest.fixture(scope="module")
def site_with_new_entities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("add-entity")
    data = copy_project_data(base)
    for path, (_, directory, entity_id) in zip(TEMPLATES, template_entities(), strict=True):
        shutil.copy(path, data / directory / f"{entity_id}.yaml")
    load_dataset(data)  # the templates are valid entities as they stand
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_SITE_URL", SITE_URL)
        return build_or_fail(base / "site", data)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "directory", "entity_id"),
    template_entities(),
    ids=[k for k, _, _ in template_entities()],
)
def test_new_entity_appears_everywhere(
    site_with_new_entities: Path, kind: str, directory: str, entity_id: str
) -> None:
    site = site_with_new_entities
    page = site / directory / entity_id / "index.html"
    assert page.exists(), "no generated page"
    overview = (site / directory / "index.html").read_text()
    assert f'href="{entity_id}/"' in overview, "not linked from the overview page"
    assert re.search(rf'<tr[^>]*data-id="{re.escape(entity_id)}"', overview), "not in the matrix"
    api = json.loads((site / "api" / "v1" / f"{kind}.json").read_text())
    records = api if isinstance(api, list) else api.get("entities", api.get("items", []))
    assert entity_id in json.dumps(records), "not in the kind's JSON"
    assert f'"{entity_id}"' in (site / "api" / "v1" / "all.json").read_text(), "not in all.json"
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any(d["location"].startswith(f"{directory}/{entity_id}/") for d in index["docs"])
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{SITE_URL}{directory}/{entity_id}/</loc>" in sitemap, "not in the sitemap"
