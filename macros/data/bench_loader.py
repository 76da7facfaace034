"""Load ``data/benchmarks/*.yaml`` and ``data/claims.yaml`` with the same reader and errors as
the entity files, and check that every claim points at a run that exists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from macros.data.bench_model import RUN_MODELS, BenchmarkRun, ClaimsLedger, HttpRun, MicroRun
from macros.data.dataset import display_path
from macros.data.model_check import validate_document
from macros.data.problems import Problem
from macros.data.yaml_source import YamlDocument, read_yaml

if TYPE_CHECKING:
    from macros.data.dataset import Dataset

BENCHMARKS_DIR = "benchmarks"
CLAIMS_FILE = "claims.yaml"


def read_run(
    path: Path, display: str
) -> tuple[BenchmarkRun | None, YamlDocument | None, list[Problem]]:
    """Parse and validate one run file; the model is chosen by its ``kind`` field."""
    doc, problems = read_yaml(path, display)
    if doc is None:
        return None, None, problems
    kind = doc.data.get("kind")
    model = RUN_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        allowed = "/".join(sorted(RUN_MODELS))
        return None, doc, [doc.problem(("kind",), f"expected one of {allowed}, got {kind!r}")]
    run, model_problems = validate_document(doc, model)
    if run is not None and run.id != path.stem:
        model_problems.append(
            doc.problem(("id",), f"id {run.id!r} must match the file name {path.stem!r}")
        )
    return run, doc, model_problems


def load_benchmarks(dataset: Dataset) -> list[Problem]:
    """Fill ``dataset.benchmarks`` and ``dataset.claims``; return every problem found."""
    problems: list[Problem] = []
    folder = dataset.root / BENCHMARKS_DIR
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        run, doc, run_problems = read_run(path, display_path(path, dataset.root))
        problems += run_problems
        if run is not None and doc is not None and not run_problems:
            dataset.benchmarks[run.id] = run
            dataset.benchmark_documents[run.id] = doc
    claims_path = dataset.root / CLAIMS_FILE
    if claims_path.is_file():
        doc, read_problems = read_yaml(claims_path, display_path(claims_path, dataset.root))
        problems += read_problems
        ledger, model_problems = validate_document(doc, ClaimsLedger) if doc else (None, [])
        problems += model_problems
        if ledger is not None and doc is not None:
            dataset.claims = ledger
            dataset.claims_document = doc
            problems += check_claims(ledger, doc, dataset.benchmarks)
    return problems


def check_claims(
    ledger: ClaimsLedger, doc: YamlDocument, runs: dict[str, BenchmarkRun]
) -> list[Problem]:
    """Every measurement names an existing run of the right kind and ids that run holds."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, claim in enumerate(ledger.claims):
        if claim.id in seen:
            problems.append(doc.problem(("claims", i, "id"), f"duplicate claim id {claim.id!r}"))
        seen.add(claim.id)
        for j, http in enumerate(claim.http):
            loc = ("claims", i, "http", j, "run")
            run = runs.get(http.run)
            if not isinstance(run, HttpRun):
                problems.append(doc.problem(loc, f"no http run {http.run!r} in data/benchmarks/"))
                continue
            for side in ("subject", "baseline"):
                sel = getattr(http, side)
                if run.find(sel.framework, sel.server, http.test) is None:
                    problems.append(
                        doc.problem(
                            ("claims", i, "http", j, side),
                            f"run {http.run!r} has no {sel.label()} result for test {http.test!r}",
                        )
                    )
        for j, micro in enumerate(claim.micro):
            run = runs.get(micro.run)
            if not isinstance(run, MicroRun):
                problems.append(
                    doc.problem(
                        ("claims", i, "micro", j, "run"),
                        f"no micro run {micro.run!r} in data/benchmarks/",
                    )
                )
                continue
            for side in ("subject", "baseline"):
                if run.find(getattr(micro, side)) is None:
                    problems.append(
                        doc.problem(
                            ("claims", i, "micro", j, side),
                            f"run {micro.run!r} has no result {getattr(micro, side)!r}",
                        )
                    )
    return problems
