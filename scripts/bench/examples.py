"""The examples the benchmarks can run: read through the examples helper's loader, tolerantly.

A broken or unrunnable example is reported with its reason instead of stopping a run.
"""

from __future__ import annotations

from pathlib import Path

from macros.apps.runs import EXAMPLES_DIR, example_files, load_example
from macros.data.model import Example
from macros.data.problems import DataError


def load_examples() -> list[Example]:
    """Every example data file that validates, sorted by framework id."""
    found = []
    for path in example_files():
        try:
            found.append(load_example(path))
        except DataError as exc:
            print(f"  skipping {path.name}: {exc.problems[0]}", flush=True)
    return sorted(found, key=lambda e: e.framework)


def example_dir(framework: str) -> Path:
    """``examples/<framework>/``."""
    return EXAMPLES_DIR / framework


def requirements(framework: str) -> Path:
    """The pinned requirements of an example."""
    return example_dir(framework) / "requirements.txt"


def why_not_runnable(example: Example) -> str | None:
    """Why an example cannot run here, or ``None`` if it can."""
    if example.skip:
        return f"example skipped: {example.skip}"
    if not example_dir(example.framework).is_dir():
        return f"no folder examples/{example.framework}/"
    if not requirements(example.framework).is_file():
        return f"no examples/{example.framework}/requirements.txt"
    return None
