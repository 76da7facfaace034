"""Temporary copies of the project for build measurements: as is, with xN data, or plain Material.

* ``copy_project``: the files a build reads (no .git, virtualenv, node_modules or caches).
* ``multiply_entities``: adds synthetic entities made from the real ones (new ids and names;
  everything else kept, so every reference still resolves and the model still validates).
* ``make_plain``: the same Markdown built by mkdocs-material alone: macros plugin and hooks
  removed, macro calls stripped, and each generated entity page written as plain Markdown.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from macros.data.model import MODEL_BY_DIRECTORY
from macros.data.rules.integrations_match_cells import LINKS

SKIP = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    "reports",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".cache",
)
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)


def copy_project(source: Path, dest: Path) -> Path:
    """Copy what a build of ``source`` reads into ``dest``; return ``dest``."""
    shutil.copytree(source, dest, ignore=SKIP, symlinks=True)
    return dest


def _entity_files(data: Path) -> list[tuple[str, Path]]:
    return [
        (directory, path)
        for directory in sorted(MODEL_BY_DIRECTORY)
        for path in sorted((data / directory).glob("*.yaml"))
    ]


def _synthetic(entity: dict[str, Any], copy: int) -> dict[str, Any]:
    """A copy of an entity document under a new id and name (aliases dropped: they are unique)."""
    clone = dict(entity)
    clone["id"] = f"{entity['id']}-synthetic-{copy}"
    clone["name"] = f"{entity['name']} (synthetic {copy})"
    clone.pop("aliases", None)
    return clone


def multiply_entities(data: Path, factor: int) -> int:
    """Give every entity ``factor - 1`` synthetic siblings; return the number of files added.

    Libraries whose list of integrated entities must match those entities' cells (``LINKS``:
    GraphQL libraries, admin panels, migration tools) are not copied: the cells name the
    originals only.
    """
    added = 0
    for _, path in _entity_files(data):
        entity = yaml.safe_load(path.read_text(encoding="utf-8"))
        if entity.get("kind") in LINKS:
            continue
        first_line = path.read_text(encoding="utf-8").splitlines(keepends=True)[0]
        for copy in range(1, factor):
            clone = _synthetic(entity, copy)
            text = yaml.safe_dump(clone, sort_keys=False, allow_unicode=True, width=100)
            (path.parent / f"{clone['id']}.yaml").write_text(first_line + text, encoding="utf-8")
            added += 1
    return added


class _Tagged(str):
    """A YAML scalar with a custom tag (``!!python/name:...``, ``!ENV``) kept verbatim."""

    tag = ""


class _KeepTagsLoader(yaml.SafeLoader):
    pass


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    value = _Tagged(str(node.value) if isinstance(node, yaml.ScalarNode) else "")
    value.tag = node.tag
    return value


def _represent_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    return dumper.represent_scalar(value.tag, str(value))


_KeepTagsLoader.add_multi_constructor("!", _construct_tagged)
_KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_KeepTagsDumper.add_representer(_Tagged, _represent_tagged)


def _plain_config(config_path: Path) -> None:
    """Remove the macros plugin and every hook from ``mkdocs.yml``; turn strict mode off."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_KeepTagsLoader)
    config.pop("hooks", None)
    config["strict"] = False  # links to generated API files do not exist in the plain build
    plugins = config.get("plugins", [])
    config["plugins"] = [
        p for p in plugins if not (p == "macros" or (isinstance(p, dict) and "macros" in p))
    ]
    config_path.write_text(
        yaml.dump(config, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )


def _entity_markdown(entity: dict[str, Any]) -> str:
    """Plain Markdown standing in for a generated entity page: title, summary, description."""
    return f"# {entity['name']}\n\n{entity['summary']}\n\n{entity['description']}\n"


def make_plain(project: Path) -> int:
    """Turn a project copy into a plain mkdocs-material site; return the entity pages written."""
    _plain_config(project / "mkdocs.yml")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(JINJA.sub("", text), encoding="utf-8")
    written = 0
    for directory, path in _entity_files(project / "data"):
        entity = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = project / "docs" / directory / f"{entity['id']}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_entity_markdown(entity), encoding="utf-8")
        written += 1
    return written
