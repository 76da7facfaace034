"""Build the site in a subprocess, the way CI and readers do, for the site and browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE_DATE_EPOCH = "1764028800"  # 2025-11-25: fixed so two builds can be compared byte for byte


def project_data_dir() -> Path:
    """The data the site tests build from: ``$ATLAS_DATA_DIR`` if set, else ``data/``."""
    override = os.environ.get("ATLAS_DATA_DIR")
    return Path(override).resolve() if override else ROOT / "data"


def build_site(
    dest: Path, data_dir: Path | None = None, timeout: float = 300, generator: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Run ``<generator> build --strict`` into ``dest``; return the finished process (not checked).

    ``generator`` is ``mkdocs`` or ``properdocs`` (the MkDocs 1.x fork; same ``mkdocs.yml``).
    """
    env = dict(os.environ)
    env.update(SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1")
    env["ATLAS_DATA_DIR"] = str(data_dir or project_data_dir())
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    command += ["-d", str(dest)]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def build_or_fail(dest: Path, data_dir: Path | None = None, generator: str = "mkdocs") -> Path:
    """Build and raise with the generator's output if the build fails."""
    done = build_site(dest, data_dir, generator=generator)
    if done.returncode != 0:
        raise AssertionError(
            f"{generator} build failed ({done.returncode}):\n{done.stderr[-6000:]}"
        )
    return dest


def copy_project_data(target: Path) -> Path:
    """A copy of ``data/`` at ``target/data`` with ``examples/`` beside it; returns the data dir."""
    data = target / "data"
    source = project_data_dir()
    shutil.copytree(source, data)
    examples = source.parent / "examples"
    if examples.is_dir():
        (target / "examples").symlink_to(examples.resolve(), target_is_directory=True)
    return data


def add_fixture_entities(data: Path, fixture_set: str) -> None:
    """Copy ``fixtures/<set>/<dir>/*.yaml`` into the data folder."""
    for path in sorted((FIXTURES / fixture_set).glob("*/*.yaml")):
        folder = data / path.parent.name
        folder.mkdir(exist_ok=True)
        shutil.copy(path, folder / path.name)


def cached_build(base: Path, name: str, data_dir: Path | None = None) -> Path:
    """Build once per test session into ``base/name`` (shared by the site and browser tests)."""
    target = base / f"atlas-{name}"
    done_marker = target / ".built"
    if not done_marker.exists():
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        build_or_fail(target / "out", data_dir)
        done_marker.touch()
    return target / "out"
