"""Write a benchmark run to data/benchmarks/<id>.yaml atomically, validated on the way out."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from macros.data.bench_loader import read_run
from macros.data.bench_model import HttpRun, MicroRun
from macros.data.problems import DataError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "data" / "benchmarks"

HEADER = (
    "# Written by `{command}` — do not edit by hand.\n"
    "# Made on a 2 vCPU shared VM: compare ratios, not absolute numbers.\n"
)


def sig(value: float, digits: int = 5) -> float:
    """``value`` rounded to ``digits`` significant digits (keeps files short and readable)."""
    return float(f"{value:.{digits}g}")


def dump(run: HttpRun | MicroRun) -> str:
    """YAML text of a run, in model field order, without ``None`` fields."""
    data: dict[str, Any] = run.model_dump(mode="json", exclude_none=True)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(command=run.provenance.command) + body


def salvage(run_id: str, results: list[Any], error: Exception) -> Path:
    """Keep measured results when the run file cannot be built: JSON in the temp folder."""
    import json

    path = Path(tempfile.gettempdir()) / f"atlas-{run_id}-salvaged.json"
    data = [r.model_dump(mode="json") for r in results]
    path.write_text(json.dumps({"error": str(error), "results": data}, indent=1), "utf-8")
    return path


def write_run(run: HttpRun | MicroRun, folder: Path = DEFAULT_OUT) -> Path:
    """Write ``run`` to ``folder/<id>.yaml`` via a temporary file and a rename.

    The temporary copy is read back through the same reader and model the site uses; a file that
    would not load is never put in place, and a reader never sees a half-written file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{run.id}.yaml"
    with tempfile.TemporaryDirectory(prefix=".bench-", dir=folder) as tmp_dir:
        tmp = Path(tmp_dir) / target.name
        tmp.write_text(dump(run), encoding="utf-8")
        _, _, problems = read_run(tmp, str(target))
        if problems:
            raise DataError(problems)
        os.replace(tmp, target)
    return target
