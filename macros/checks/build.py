"""Run ``mkdocs build`` of a project folder in a subprocess and time it (quality tools)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def build_env(data_dir: Path | None = None) -> dict[str, str]:
    """The environment of a build: quiet theme notice, optional data folder override."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    if data_dir is not None:
        env["ATLAS_DATA_DIR"] = str(data_dir)
    return env


def build(
    project: Path,
    dest: Path,
    data_dir: Path | None = None,
    timeout: float = 900,
    strict: bool = True,
    env: dict[str, str] | None = None,
) -> float:
    """Build ``project/mkdocs.yml`` into ``dest`` (``--strict`` by default); wall time in s.

    Raises ``RuntimeError`` with the end of mkdocs' output if the build fails.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", str(dest)]
    command += ["--strict"] if strict else []
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=project,
        env={**build_env(data_dir), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build in {project} failed:\n{done.stderr[-4000:]}")
    return elapsed
