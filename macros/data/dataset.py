"""All validated data of one load: the typed objects and the documents they came from.

It imports nothing of the loaders, so loaders, rules and renderers can all take a ``Dataset``
without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros.data.bench_model import BenchmarkRun, ClaimsLedger
from macros.data.decision_model import DecisionTree
from macros.data.findings_model import ProbeFindings
from macros.data.guide_model import AdoptionLedger, Glossary
from macros.data.model import Entity, Example
from macros.data.outside_model import OutsideLedger
from macros.data.yaml_source import YamlDocument

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


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
    findings: ProbeFindings = field(default_factory=ProbeFindings)
    outside: OutsideLedger | None = None
    outside_document: YamlDocument | None = None
    broken: dict[str, str] = field(default_factory=dict)
    """Ids whose data file exists but has errors -> that file; references to them are not
    checked again, so one mistake is reported once."""

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
