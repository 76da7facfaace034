"""Load every YAML file under ``data/`` into typed objects, or report every problem at once.

The data is made of parts (entities, examples, benchmarks, the decision tree, the guides' data);
:data:`PARTS` lists each once with the names it owns in ``data/`` and its loader, and
:func:`load_dataset` walks that table, then runs the cross-file rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from macros.data.bench_loader import BENCHMARKS_DIR, CLAIMS_FILE, load_benchmarks
from macros.data.dataset import DEFAULT_DATA_DIR, Dataset, display_path
from macros.data.decision_model import DecisionTree
from macros.data.findings_loader import FINDINGS_FILE, load_findings
from macros.data.guide_loader import ADOPTION_FILE, GLOSSARY_FILE, load_guide_data
from macros.data.model import MODEL_BY_DIRECTORY, Entity, Example
from macros.data.model_check import read_model as read_document_model
from macros.data.model_check import validate_document
from macros.data.outside_model import OUTSIDE_FILE, OutsideLedger
from macros.data.problems import DataError, Problem
from macros.data.references import fold_references
from macros.data.rules import run_rules
from macros.data.yaml_source import YamlDocument, read_yaml

__all__ = ["DEFAULT_DATA_DIR", "PARTS", "Dataset", "display_path", "load_dataset"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class DataPart:
    """One part of ``data/``: the folders and files it owns, and the function that loads it."""

    name: str
    owns: tuple[str, ...]
    load: Callable[[Dataset], list[Problem]]
    collection: bool = False
    """True if ``owns`` are folders of one YAML document per file."""


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
    """Parse and validate every entity file; return what loaded and every problem found.

    A file that does not parse or validate still claims its id (its file name) in
    ``dataset.broken``, so references to it are not reported as unknown ids.
    """
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
        entity, model_problems = validate_document(doc, model) if doc else (None, [])
        problems += model_problems
        if entity is not None and doc is not None:
            problems += _register(dataset, entity, doc)
        else:
            dataset.broken.setdefault(path.stem, shown)
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
    """Read one YAML file under ``root`` and validate it against ``model``."""
    return read_document_model(path, display_path(path, root), model)


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


DECISION_TREE_FILE = "decision-tree.yaml"


def load_decision_tree(dataset: Dataset) -> list[Problem]:
    """Parse and validate ``data/decision-tree.yaml`` (optional) into ``dataset.decision_tree``."""
    path = dataset.root / DECISION_TREE_FILE
    if not path.exists():
        return []
    tree, doc, problems = read_model(path, dataset.root, DecisionTree)
    dataset.decision_tree, dataset.decision_tree_document = tree, doc
    return problems


def load_outside(dataset: Dataset) -> list[Problem]:
    """Parse and validate ``data/outside.yaml`` (optional) into ``dataset.outside``."""
    path = dataset.root / OUTSIDE_FILE
    if not path.exists():
        return []
    ledger, doc, problems = read_model(path, dataset.root, OutsideLedger)
    dataset.outside, dataset.outside_document = ledger, doc
    return problems


PARTS: tuple[DataPart, ...] = (
    DataPart("examples", (Example.directory,), load_examples, collection=True),
    DataPart("benchmarks", (BENCHMARKS_DIR, CLAIMS_FILE), load_benchmarks, collection=True),
    DataPart("decision tree", (DECISION_TREE_FILE,), load_decision_tree),
    DataPart("guides", (GLOSSARY_FILE, ADOPTION_FILE), load_guide_data),
    DataPart("probe findings", (FINDINGS_FILE,), load_findings),
    DataPart("outside results", (OUTSIDE_FILE,), load_outside),
)
"""Every part of ``data/`` besides the entity folders, each listed once, loaded in this order."""


def check_layout(root: Path) -> list[Problem]:
    """Anything in ``data/`` that no loader reads is an error, so nothing is silently dropped."""
    if not root.is_dir():
        return [Problem(display_path(root, root), 1, 1, "", "data folder not found")]
    owned = {name for part in PARTS for name in part.owns}
    known = {*MODEL_BY_DIRECTORY, *owned, "_templates", "README.md"}
    problems = [
        Problem(
            display_path(path, root), 1, 1, "", f"no loader reads this{_closest(path.name, known)}"
        )
        for path in sorted(root.iterdir())
        if path.name not in known and not path.name.startswith(".")
    ]
    for directory in (name for part in PARTS if part.collection for name in part.owns):
        folder = root / directory
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.suffix != ".yaml" and not path.name.startswith((".", "_")):
                message = "not a data file: name it <id>.yaml"
                problems.append(Problem(display_path(path, root), 1, 1, "", message))
    return problems


def _closest(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ": see CONTRIBUTING.md for the layout"


def load_dataset(root: Path = DEFAULT_DATA_DIR) -> Dataset:
    """Load and check all data; raise :class:`DataError` listing every problem if any.

    Root causes come first; references to an entity whose file has errors are not reported
    again, and many references to one missing id make one problem.
    """
    dataset, problems = load_entities(root)
    problems += check_layout(root)
    for part in PARTS:
        problems += part.load(dataset)
    problems += run_rules(dataset)
    problems, notes = fold_references(problems, dataset.broken, dataset.entities)
    if problems:
        raise DataError(problems, notes)
    return dataset
