"""Interpreters and pinned environments for the micro-benchmarks.

The 3.11 environment reuses the examples' builder (``macros.apps.env``); other CPythons found
under ``~/.pyenv/versions`` get their own cached environment, built the same way (uv,
``UV_COMPILE_BYTECODE=1``) so every interpreter runs with compiled bytecode.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from macros.apps.env import cache_root, ensure_env

PYENV_VERSIONS = Path.home() / ".pyenv" / "versions"
RUNTIME_MINORS = ("3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Interpreter:
    """A CPython build found on this machine."""

    minor: str
    path: Path
    free_threaded: bool
    jit: bool


def _probe(python: Path) -> tuple[bool, bool]:
    code = (
        "import sysconfig as s; a = s.get_config_var('CONFIG_ARGS') or ''; "
        "print(bool(s.get_config_var('Py_GIL_DISABLED')), 'experimental-jit' in a)"
    )
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=30)
    free, jit = [*out.stdout.split(), "False", "False"][:2]
    return free == "True", jit == "True"


def find_interpreters(minors: tuple[str, ...] = RUNTIME_MINORS) -> list[Interpreter]:
    """The newest pyenv CPython of each wanted minor version (default builds and others alike)."""
    found: list[Interpreter] = []
    for minor in minors:
        candidates = sorted(
            (
                p
                for p in PYENV_VERSIONS.glob(f"{minor}.*")
                if re.fullmatch(r"\d+\.\d+\.\d+t?", p.name)
            ),
            key=lambda p: [int(x) for x in p.name.rstrip("t").split(".")],
        )
        for folder in candidates[-1:]:
            python = folder / "bin" / f"python{minor}"
            if python.exists():
                free, jit = _probe(python)
                found.append(Interpreter(minor, python, free, jit))
    return found


def micro_env(requirements: Path) -> Path:
    """The pinned 3.11 environment of the serialization benchmark."""
    return ensure_env("bench-micro", requirements)


def runtime_env(interpreter: Interpreter, requirements: Path, timeout: float = 300) -> Path:
    """A cached environment of ``requirements`` on ``interpreter``, built once."""
    digest = hashlib.sha256(str(interpreter.path).encode() + requirements.read_bytes())
    venv = cache_root() / f"bench-runtime-{interpreter.minor}-{digest.hexdigest()[:12]}"
    ready = venv / ".atlas-ready"
    if ready.exists():
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    env = {**os.environ, "UV_COMPILE_BYTECODE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for argv in (
        ["uv", "venv", "--quiet", "--python", str(interpreter.path), str(venv)],
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
    ):
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    ready.write_text(requirements.read_text(encoding="utf-8"), encoding="utf-8")
    return venv
