"""Build (once) and reuse a virtualenv holding an example's pinned requirements.

Each environment lives outside the repository, under ``~/.cache/atlas/envs/`` (or
``$ATLAS_ENV_CACHE``), in a folder named after the example and a hash of its ``requirements.txt``:
changing a pin builds a new environment, and an unchanged one is reused. A file lock serialises
builds of the same environment across parallel test workers.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PYTHON_VERSION = "3.11"
_READY_MARK = ".atlas-ready"


def cache_root() -> Path:
    """Folder that holds every example environment."""
    configured = os.environ.get("ATLAS_ENV_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "atlas" / "envs"


def requirements_hash(requirements: Path) -> str:
    """Short content hash of a requirements file and the files it includes with ``-r``
    (plus the Python version it is built for), so a change to an included file is a new env."""
    digest = hashlib.sha256(PYTHON_VERSION.encode())
    for path in _with_included(requirements):
        digest.update(b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _with_included(requirements: Path, seen: frozenset[Path] = frozenset()) -> list[Path]:
    """``requirements`` and, depth first, every file it includes with ``-r`` / ``--requirement``."""
    found = [requirements]
    for line in requirements.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) == 2 and words[0] in ("-r", "--requirement"):
            included = (requirements.parent / words[1]).resolve()
            if included not in seen and included.is_file():
                found += _with_included(included, seen | {requirements.resolve()})
    return found


def env_path(name: str, requirements: Path) -> Path:
    """Where the environment for ``requirements`` lives, built or not."""
    return cache_root() / f"{name}-{requirements_hash(requirements)}"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_env(name: str, requirements: Path, timeout: float = 300.0) -> Path:
    """Return a ready virtualenv for ``requirements``, building it with uv if needed."""
    venv = env_path(name, requirements)
    if (venv / _READY_MARK).exists():
        return venv
    with _locked(venv.with_name(venv.name + ".lock")):
        if (venv / _READY_MARK).exists():  # another worker built it while we waited
            return venv
        shutil.rmtree(venv, ignore_errors=True)  # a half-built env from an interrupted run
        _build(venv, requirements, timeout)
        (venv / _READY_MARK).write_text(requirements.read_text(encoding="utf-8"), "utf-8")
    return venv


def _build(venv: Path, requirements: Path, timeout: float) -> None:
    env = {**os.environ, "UV_COMPILE_BYTECODE": "1", "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    steps = [
        ["uv", "venv", "--quiet", "--python", PYTHON_VERSION, str(venv)],
        [
            "uv",
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "-r",
            str(requirements),
        ],
    ]
    for argv in steps:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr[-4000:]}")


def env_vars(venv: Path) -> dict[str, str]:
    """Process environment that runs commands (``uvicorn``, ``python``) from ``venv``."""
    env = {**os.environ, "VIRTUAL_ENV": str(venv), "PYTHONUNBUFFERED": "1"}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONHOME", None)
    # pytest sets this for the test that is running; a server started from a test is not under
    # pytest, and NiceGUI, for one, changes its behaviour when it sees the variable.
    env.pop("PYTEST_CURRENT_TEST", None)
    return env
