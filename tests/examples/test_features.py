"""Hold every framework's feature cells to what its example app really does: one probe per cell.

``test_feature[<feature>-<framework>]`` probes the endpoint ``data/examples/<framework>.yaml``
declares for the feature (``features:``) on the example's first run, and checks the claim in
``data/frameworks/<framework>.yaml`` both ways: a yes / partial / via-plugin cell the probe
contradicts fails, and so does a "no" (or unset) cell whose feature the probe finds working. Each
failure names the data file and line. A cell the example does not demonstrate is skipped (not
proven); ``typed`` is decided for every example, from the installed package.

Each example's server starts once for all its probes (one server per framework at a time on each
worker; the tests of a framework share an xdist group).
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from feature_probes import HTTP_PROBES
from http_probes import probe_openapi
from test_conformance import FIRST_RUNS, served

from macros.apps.env import ensure_env, env_vars
from macros.apps.process import AppProcess
from macros.apps.runs import ExampleCase
from macros.data.dataset import DEFAULT_DATA_DIR
from macros.data.loader import read_model
from macros.data.model import ExampleFeatures, Framework
from macros.data.yaml_source import YamlDocument

NO_SERVER = ("test_client", "cli", "typed")
FEATURES = [*HTTP_PROBES, *NO_SERVER]


def _params() -> list[object]:
    return [
        pytest.param(
            feature,
            framework,
            id=f"{feature}-{framework}",
            marks=[pytest.mark.slow, pytest.mark.xdist_group(framework)],
        )
        for framework in sorted(FIRST_RUNS)
        for feature in FEATURES
    ]


class Servers:
    """The example server of one framework at a time: started on first use, stopped on switch."""

    def __init__(self) -> None:
        self.framework = ""
        self.app: AppProcess | None = None
        self._running: Iterator[AppProcess] | None = None

    def get(self, case: ExampleCase) -> AppProcess:
        if case.example.framework != self.framework or self.app is None:
            self.close()
            self._running = _serve(case)
            self.framework = case.example.framework
            self.app = next(self._running)
        return self.app

    def close(self) -> None:
        if self._running is not None:
            self._running.close()  # runs the ``finally`` of served(): stops the process group
        self._running, self.app, self.framework = None, None, ""


def _serve(case: ExampleCase) -> Iterator[AppProcess]:
    with served(case) as app:
        yield app


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    pool = Servers()
    yield pool
    pool.close()


def _claim(framework: str, feature: str) -> tuple[str, str]:
    """The cell's value (``"unset"`` if none) and ``file:line`` where it is written."""
    path = DEFAULT_DATA_DIR / "frameworks" / f"{framework}.yaml"
    entity, doc, problems = read_model(path, DEFAULT_DATA_DIR, Framework)
    if entity is None or not isinstance(doc, YamlDocument):
        pytest.fail(f"{path} cannot be read: {problems}")
    cell = getattr(entity.features, feature)
    where = doc.position_of(("features", feature))
    return (cell.value if cell else "unset"), f"{doc.path}:{where.line}"


def test_every_probe_has_a_declaration() -> None:
    """The probes and the example model's ``features`` keys are the same set."""
    assert set(ExampleFeatures.model_fields) == set(HTTP_PROBES) | {"test_client", "cli"}


@pytest.mark.parametrize(("feature", "framework"), _params())
def test_feature(feature: str, framework: str, servers: Servers) -> None:
    """The example shows what the framework's cell claims, and nothing it denies."""
    case = FIRST_RUNS[framework]
    if case.example.skip:
        pytest.skip(f"{case.data_path}: {case.example.skip}")
    value, where = _claim(framework, feature)
    claimed = value not in ("no", "unset")
    if feature == "typed":
        problems, works = [], _ships_py_typed(case)
        if claimed != works:
            problems = [f"the installed package {'has no' if claimed else 'has a'} py.typed"]
        shown = "the installed package"
    elif feature == "cli" and value == "no":  # a "no" holds if the package declares no command
        commands = _console_scripts(case)
        problems, works, shown = [], bool(commands), f"the installed package (commands {commands})"
    else:
        path = getattr(case.example.features, feature)
        if path is None:
            pytest.skip(f"not demonstrated by examples/{framework}/ ({where} says {value})")
        shown = f"{path} ({case.data_path})"
        if feature == "test_client":
            problems = _run_test_client(case, path)
        elif feature == "cli":
            problems = _run_command(case, path)
        elif feature == "openapi":  # the document lists the route whose body is validated
            listed = case.example.features.request_validation or "/users"
            problems = probe_openapi(servers.get(case).base_url, path, listed)
        else:
            problems = HTTP_PROBES[feature](servers.get(case).base_url, path)
        works = not problems
    if problems and claimed:
        pytest.fail(
            f"{where}: features.{feature} is {value!r}, but the probe of {shown} "
            "contradicts it:\n" + "\n".join(problems)
        )
    if works and not claimed:
        pytest.fail(
            f"{where}: features.{feature} is {value!r}, but the probe of {shown} "
            "finds it working: correct the data"
        )
    if problems:
        pytest.fail(f"{case.data_path}: {shown}:\n" + "\n".join(problems))


def _venv_python(case: ExampleCase) -> Path:
    venv = ensure_env(case.example.framework, case.folder / "requirements.txt")
    return venv / "bin" / "python"


def _run_command(case: ExampleCase, command: str) -> list[str]:
    """The framework's command runs in the example folder, with the example's environment."""
    venv = _venv_python(case).parent.parent
    done = subprocess.run(
        shlex.split(command),
        cwd=case.folder,
        env=env_vars(venv),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0 or not (done.stdout + done.stderr).strip():
        return [f"`{command}` exited {done.returncode}: {(done.stdout + done.stderr)[-1500:]}"]
    return []


CONSOLE_SCRIPTS = """
import importlib.metadata as m, sys
d = m.distribution(sys.argv[1])
print(" ".join(sorted(e.name for e in d.entry_points if e.group == "console_scripts")))
"""


def _console_scripts(case: ExampleCase) -> list[str]:
    """The commands the framework's installed distribution declares."""
    done = subprocess.run(
        [str(_venv_python(case)), "-c", CONSOLE_SCRIPTS, _package(case.example.framework)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.stdout.split()


def _run_test_client(case: ExampleCase, script: str) -> list[str]:
    """The script calls the app in-process with the framework's test client."""
    python = _venv_python(case)
    venv = python.parent.parent
    done = subprocess.run(
        [str(python), script],
        cwd=case.folder,
        env=env_vars(venv),
        capture_output=True,
        text=True,
        timeout=60,
    )
    last = done.stdout.strip().splitlines()[-1:]  # frameworks may log to stdout first
    if done.returncode != 0 or last != ["Hello, World!"]:
        return [
            f"{script} exited {done.returncode}, printed {done.stdout[-300:]!r}: "
            f"{done.stderr[-1500:]}"
        ]
    return []


TYPED_CHECK = """
import importlib.metadata as m, sys
files = m.distribution(sys.argv[1]).files or []
print(any(f.name == "py.typed" for f in files))
"""


def _ships_py_typed(case: ExampleCase) -> bool:
    """True if the framework's installed distribution holds a ``py.typed`` marker (PEP 561)."""
    package = _package(case.example.framework)
    python = _venv_python(case)
    done = subprocess.run(
        [str(python), "-c", TYPED_CHECK, package], capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0:
        pytest.fail(f"cannot read the files of {package}: {done.stderr[-800:]}")
    return done.stdout.strip() == "True"


def _package(framework: str) -> str:
    path = DEFAULT_DATA_DIR / "frameworks" / f"{framework}.yaml"
    entity, _, _ = read_model(path, DEFAULT_DATA_DIR, Framework)
    assert entity is not None and entity.package, f"{path}: no package"
    return entity.package
