"""Project copies of ``atlas bench-build``: x N synthetic data that validates; plain Material."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.checks.project import make_plain, multiply_entities
from macros.data.loader import load_dataset
from macros.data.rules.integrations_match_cells import LINKS
from tests.site.sitebuild import copy_project_data


def test_multiplied_data_validates_with_new_ids(tmp_path: Path) -> None:
    data = copy_project_data(tmp_path)
    before = load_dataset(data)
    added = multiply_entities(data, 3)
    after = load_dataset(data)
    copied = sorted(e.id for e in before.entities.values() if e.kind not in LINKS)
    assert added == 2 * len(copied)
    assert len(after.entities) == len(before.entities) + added
    some_id = copied[0]
    clone = after.entities[f"{some_id}-synthetic-2"]
    assert clone.name == f"{before.entities[some_id].name} (synthetic 2)"
    assert clone.summary == before.entities[some_id].summary
    assert clone.aliases == []


CONFIG = """\
site_name: T
strict: true
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - macros:
      module_name: macros
  - mkdocstrings
hooks:
  - macros/mkdocs/site_hook.py
extra:
  key: !ENV [ATLAS_KEY, none]
"""


def test_plain_variant_drops_macros_and_hooks_only(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    (tmp_path / "docs" / "frameworks").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n{{ home_counts() }}\nText {% if x %}\n")
    (tmp_path / "data" / "frameworks").mkdir(parents=True)
    entity = {"id": "demo", "name": "Demo", "summary": "One line.", "description": "Some *text*."}
    (tmp_path / "data" / "frameworks" / "demo.yaml").write_text(yaml.safe_dump(entity))
    assert make_plain(tmp_path) == 1
    config_text = (tmp_path / "mkdocs.yml").read_text()
    config = yaml.load(config_text, Loader=yaml.BaseLoader)  # BaseLoader: tags kept as text
    assert config["plugins"] == ["search", "mkdocstrings"]
    assert "hooks" not in config
    assert config["strict"] == "false"
    assert "!!python/name:material.extensions.emoji.twemoji" in config_text
    assert "!ENV" in config_text
    assert (tmp_path / "docs" / "index.md").read_text() == "# Home\n\n\nText \n"
    page = (tmp_path / "docs" / "frameworks" / "demo.md").read_text()
    assert page == "# Demo\n\nOne line.\n\nSome *text*.\n"
