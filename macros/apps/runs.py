"""The runnable examples: each ``data/examples/<id>.yaml`` with the command of each of its runs.

A run either carries its own ``command`` template (frameworks with their own server) or takes the
``run`` template of its server (``data/servers/<server>.yaml``) for the example's interface.
Only the files involved are read, so one broken data file elsewhere does not stop the examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from macros.data.loader import DEFAULT_DATA_DIR, display_path, read_model
from macros.data.model import Example, ExampleRun, Framework, Server
from macros.data.problems import DataError, Problem
from macros.data.run_template import example_run_template

PROJECT_ROOT = DEFAULT_DATA_DIR.parent
EXAMPLES_DIR = PROJECT_ROOT / "examples"


@dataclass(frozen=True)
class ExampleCase:
    """One example under one run: what the conformance tests and benchmarks start."""

    example: Example
    run: ExampleRun
    data_path: str

    @property
    def id(self) -> str:
        """Readable test id, ``<framework>-<server>``."""
        return f"{self.example.framework}-{self.run.server}"

    @property
    def folder(self) -> Path:
        """``examples/<framework>/``: the working directory of the server."""
        return EXAMPLES_DIR / self.example.framework


def example_files(root: Path = DEFAULT_DATA_DIR) -> list[Path]:
    """Every example data file, sorted (files starting with ``_`` are not examples)."""
    folder = root / Example.directory
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M], root: Path = DEFAULT_DATA_DIR) -> M:
    """Read and validate one data file; raise :class:`DataError` on any problem."""
    if not path.is_file():
        raise DataError([Problem(display_path(path, root), 1, 1, "", "file not found")])
    value, _, problems = read_model(path, root, model)
    if value is None:
        raise DataError(problems)
    return value


def load_example(path: Path, root: Path = DEFAULT_DATA_DIR) -> Example:
    """One example file, validated."""
    return load_model(path, Example, root)


def load_entity(directory: str, entity_id: str, model: type[M], root: Path = DEFAULT_DATA_DIR) -> M:
    """``data/<directory>/<entity_id>.yaml``, validated."""
    return load_model(root / directory / f"{entity_id}.yaml", model, root)


def load_framework(framework_id: str, root: Path = DEFAULT_DATA_DIR) -> Framework:
    """The framework an example is written for."""
    return load_entity("frameworks", framework_id, Framework, root)


def command_template(example: Example, run: ExampleRun, root: Path = DEFAULT_DATA_DIR) -> str:
    """The command template of ``run``: its own, or its server's for the example's interface."""
    server = None if run.command else load_entity("servers", run.server, Server, root)
    template = example_run_template(example, run, server)
    if template is None:
        message = (
            f"no {example.interface!r} command template, needed by example "
            f"{example.framework!r}: add run.{example.interface}, or a command to the example's run"
        )
        raise DataError([Problem(f"data/servers/{run.server}.yaml", 1, 1, "run", message)])
    return template


def example_cases(root: Path = DEFAULT_DATA_DIR) -> list[ExampleCase]:
    """Every (example, run) pair, in file order."""
    cases = []
    for path in example_files(root):
        example = load_example(path, root)
        shown = display_path(path, root)
        cases += [ExampleCase(example, run, shown) for run in example.runs]
    return cases
