"""Fast checks of every example: valid data, exact pins, files that exist, runs that resolve."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from macros.apps.runs import (
    EXAMPLES_DIR,
    command_template,
    example_files,
    load_entity,
    load_example,
    load_framework,
)
from macros.data.model import Example, Server
from macros.data.problems import DataError

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!-]+$")
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/example.schema.json"
FILES = example_files()


def _example(path: Path) -> Example:
    try:
        return load_example(path)
    except DataError as error:
        pytest.fail(error.report())


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements: Path) -> list[str]:
    """Package names in a requirements file; fails on any line that is not an exact pin."""
    names = []
    for number, raw in enumerate(requirements.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        assert match, f"{requirements}:{number}:1: requirement: pin it exactly (`name==version`)"
        names.append(_normalise(match["name"]))
    return names


def test_there_are_examples() -> None:
    assert len(FILES) >= 10, "data/examples/ should hold one file per example"


def test_every_example_folder_has_data() -> None:
    """A folder with a requirements.txt is an example, so it needs its data file."""
    folders = {p.parent.name for p in EXAMPLES_DIR.glob("*/requirements.txt")}
    described = {p.stem for p in FILES}
    assert folders <= described, f"examples without data/examples/<id>.yaml: {folders - described}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_data_file(path: Path) -> None:
    """The data file validates, names its framework and opens with the schema line."""
    example = _example(path)
    assert example.framework == path.stem, f"{path}: framework must equal the file name"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE, f"{path}:1:1: the file must start with `{SCHEMA_LINE}`"
    try:
        load_framework(example.framework)
    except DataError as error:
        pytest.fail(
            f"{path}: framework {example.framework!r} has no valid data file:\n{error.report()}"
        )
    for field in ("openapi_path", "websocket_path", "sse_path"):
        value = getattr(example, field)
        assert value is None or value.startswith("/"), f"{path}: {field} must start with /"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_requirements_pinned(path: Path) -> None:
    """Every requirement is an exact pin, and the framework's own package is among them."""
    example = _example(path)
    requirements = EXAMPLES_DIR / example.framework / "requirements.txt"
    assert requirements.is_file(), f"{requirements} is missing"
    names = requirement_names(requirements)
    package = load_framework(example.framework).package
    if package:
        assert _normalise(package) in names, f"{requirements}: pin the framework ({package})"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_sources_readable(path: Path) -> None:
    """The app module exists and every Python file opens with a docstring saying what it is."""
    example = _example(path)
    folder = EXAMPLES_DIR / example.framework
    module = example.target.split(":", 1)[0]
    assert (folder / f"{module.replace('.', '/')}.py").is_file(), f"{path}: target {module} missing"
    for source in sorted(folder.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        assert ast.get_docstring(tree), f"{source}:1:1: add a module docstring"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_runs_resolve(path: Path) -> None:
    """Each run has a command template with {host} and {port}, its own or its server's."""
    example = _example(path)
    servers = [run.server for run in example.runs]
    assert len(servers) == len(set(servers)), f"{path}: a server is listed twice in runs"
    for run in example.runs:
        if run.server == example.framework:
            assert run.command, f"{path}: the framework's own server needs a `command`"
        else:
            try:
                load_entity("servers", run.server, Server)
            except DataError as error:
                pytest.fail(f"{path}: run server {run.server!r}:\n{error.report()}")
        try:
            template = command_template(example, run)
        except DataError as error:
            pytest.fail(error.report())
        for field in ("{host}", "{port}"):
            assert field in template, f"{path}: run {run.server}: the command lacks {field}"
