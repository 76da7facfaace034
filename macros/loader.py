"""Load every YAML file under ``data/`` into typed objects, or report every problem at once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from macros.bench_model import BenchmarkRun, ClaimsLedger
from macros.decision_model import DecisionTree
from macros.guide_model import AdoptionLedger, Glossary
from macros.model import MODEL_BY_DIRECTORY, Entity, Example
from macros.model_check import validate_document
from macros.problems import DataError, Problem
from macros.yaml_source import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass
class Dataset:
    """All validated data, keyed by entity id, with the source document of each entity."""

    root: Path
    entities: dict[str, Entity] = field(default_factory=dict)
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    examples: dict[str, Example] = field(default_factory=dict)
    example_documents: dict[str, YamlDocument] = field(default_factory=dict)
    benchmarks: dict[str, BenchmarkRun] = field(default_factory=dict)
    benchmark_documents: dict[str, YamlDocument] = field(default_factory=dict)
    claims: ClaimsLedger = field(default_factory=lambda: ClaimsLedger(claims=[]))
    claims_document: YamlDocument | None = None
    decision_tree: DecisionTree | None = None
    decision_tree_document: YamlDocument | None = None
    glossary: Glossary | None = None
    glossary_document: YamlDocument | None = None
    adoption: AdoptionLedger | None = None
    adoption_document: YamlDocument | None = None

    def of_kind(self, kind: str) -> list[Entity]:
        """Entities of one kind, sorted by name."""
        found = [e for e in self.entities.values() if e.kind == kind]
        return sorted(found, key=lambda e: e.name.lower())

    def source_path(self, entity_id: str) -> str:
        """The data file of an entity, relative to the project root (e.g. ``data/x/y.yaml``)."""
        return self.documents[entity_id].path


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to the project (the parent of ``data/``), for messages and links."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def iter_entity_files(root: Path) -> Iterator[tuple[Path, type[Entity] | None]]:
    """Every file in an entity folder, with its model (``None`` for a file that does not belong)."""
    for directory, model in sorted(MODEL_BY_DIRECTORY.items()):
        folder = root / directory
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            belongs = path.is_file() and path.suffix == ".yaml" and not path.name.startswith("_")
            yield path, model if belongs else None


def load_entities(root: Path) -> tuple[Dataset, list[Problem]]:
    """Parse and validate every entity file; return what loaded and every problem found."""
    dataset = Dataset(root)
    problems: list[Problem] = []
    for path, model in iter_entity_files(root):
        shown = display_path(path, root)
        if model is None:
            if not path.name.startswith(("_", ".")) and path.name != "README.md":
                problems.append(Problem(shown, 1, 1, "", "not an entity file: name it <id>.yaml"))
            continue
        doc, read_problems = read_yaml(path, shown)
        problems += read_problems
        if doc is None:
            continue
        entity, model_problems = validate_document(doc, model)
        problems += model_problems
        if entity is not None:
            problems += _register(dataset, entity, doc)
    return dataset, problems


def _register(dataset: Dataset, entity: Entity, doc: YamlDocument) -> list[Problem]:
    if entity.id in dataset.entities:
        first = dataset.documents[entity.id].path
        return [doc.problem(("id",), f"duplicate id {entity.id!r}: also used by {first}")]
    dataset.entities[entity.id] = entity
    dataset.documents[entity.id] = doc
    return []


def read_model(
    path: Path, root: Path, model: type[M]
) -> tuple[M | None, YamlDocument | None, list[Problem]]:
    """Read one YAML file and validate it against ``model``."""
    doc, problems = read_yaml(path, display_path(path, root))
    if doc is None:
        return None, None, problems
    obj, model_problems = validate_document(doc, model)
    return obj, doc, problems + model_problems


def load_examples(dataset: Dataset) -> list[Problem]:
    """Parse and validate ``data/examples/*.yaml`` into ``dataset.examples``."""
    problems: list[Problem] = []
    folder = dataset.root / Example.directory
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        example, doc, found = read_model(path, dataset.root, Example)
        problems += found
        if example is not None and doc is not None:
            dataset.examples[example.framework] = example
            dataset.example_documents[example.framework] = doc
    return problems


def load_decision_tree(dataset: Dataset) -> list[Problem]:
    """Parse and validate ``data/decision-tree.yaml`` (optional) into ``dataset.decision_tree``."""
    path = dataset.root / "decision-tree.yaml"
    if not path.exists():
        return []
    tree, doc, problems = read_model(path, dataset.root, DecisionTree)
    dataset.decision_tree, dataset.decision_tree_document = tree, doc
    return problems


SINGLE_FILES = ("decision-tree.yaml", "claims.yaml", "glossary.yaml", "adoption.yaml")
"""Data files that stand alone at the top of ``data/`` (each has its own loader)."""

COLLECTION_DIRS = (Example.directory, "benchmarks")
"""Folders of ``data/`` that hold one YAML document per file but are not entities."""


def check_layout(root: Path) -> list[Problem]:
    """Anything in ``data/`` that no loader reads is an error, so nothing is silently dropped."""
    if not root.is_dir():
        return [Problem(display_path(root, root), 1, 1, "", "data folder not found")]
    known = {*MODEL_BY_DIRECTORY, *COLLECTION_DIRS, *SINGLE_FILES, "_templates", "README.md"}
    problems = [
        Problem(
            display_path(path, root), 1, 1, "", f"no loader reads this{_closest(path.name, known)}"
        )
        for path in sorted(root.iterdir())
        if path.name not in known and not path.name.startswith(".")
    ]
    for directory in COLLECTION_DIRS:
        folder = root / directory
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.suffix != ".yaml" and not path.name.startswith((".", "_")):
                message = "not a data file: name it <id>.yaml"
                problems.append(Problem(display_path(path, root), 1, 1, "", message))
    return problems


def _closest(name: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ": see CONTRIBUTING.md for the layout"


def load_dataset(root: Path = DEFAULT_DATA_DIR) -> Dataset:
    """Load and check all data; raise :class:`DataError` listing every problem if any."""
    from macros.bench_loader import load_benchmarks
    from macros.guide_loader import load_guide_data
    from macros.rules import run_rules

    dataset, problems = load_entities(root)
    problems += check_layout(root)
    problems += load_examples(dataset)
    problems += load_benchmarks(dataset)
    problems += load_decision_tree(dataset)
    problems += load_guide_data(dataset)
    problems += run_rules(dataset)
    if problems:
        raise DataError(problems)
    return dataset
