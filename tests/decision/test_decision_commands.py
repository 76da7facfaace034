"""The real tree's generated commands work: packages resolve, run commands name a real app."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.data.loader import load_dataset
from macros.data.model import Server
from macros.pages.decision_stack import add_commands, run_command

ROOT = Path(__file__).resolve().parents[2]
TARGET = re.compile(r"^(?P<module>[A-Za-z_][\w.]*):(?P<attr>[A-Za-z_]\w*)$")
DATASET = load_dataset()
TREE = DATASET.decision_tree
assert TREE is not None
RECS = {rec.id: rec for rec in TREE.recommendations}


def distinct_add_sets() -> list[tuple[str, ...]]:
    sets = {
        tuple(
            sorted(arg for cmd in add_commands(rec, DATASET) for arg in cmd[2:] if arg != "--dev")
        )
        for rec in RECS.values()
    }
    return sorted(sets)


@pytest.mark.slow
@pytest.mark.parametrize("packages", distinct_add_sets(), ids=lambda p: "+".join(p)[:60])
def test_uv_add_packages_resolve(packages: tuple[str, ...], tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    subprocess.run([uv, "venv", "-q", "--python", "3.11", str(tmp_path / "venv")], check=True)
    result = subprocess.run(
        [uv, "pip", "install", "--dry-run", "--python", str(tmp_path / "venv"), *packages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("rec_id", sorted(RECS))
def test_run_command_names_a_real_app(rec_id: str) -> None:
    rec = RECS[rec_id]
    command = run_command(rec, DATASET)
    server_pick = rec.stack.get("server")
    if server_pick is None:
        assert command is None or command[:2] == ["uv", "run"]
        return
    assert command is not None, f"{rec_id}: the server has no run template for the framework"
    server = DATASET.entities[server_pick.id]
    assert isinstance(server, Server)
    programs = {template.split()[0] for template in server.run.values()}
    assert command[2] in programs
    framework_id = rec.stack["framework"].id
    target = next(arg for arg in command if TARGET.match(arg))
    example = DATASET.examples.get(framework_id)
    if example is None:
        assert target == "app:app"
        return
    match = TARGET.match(target)
    assert match is not None
    module_file = ROOT / "examples" / framework_id / (match["module"].replace(".", "/") + ".py")
    assert module_file.exists(), f"{rec_id}: {module_file} does not exist"
    names = {
        t.id
        for node in ast.walk(ast.parse(module_file.read_text()))
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(t, ast.Name)
    }
    assert match["attr"] in names, f"{rec_id}: {module_file} defines no {match['attr']}"


@pytest.mark.parametrize("rec_id", sorted(RECS))
def test_tools_are_not_project_dependencies(rec_id: str) -> None:
    rec = RECS[rec_id]
    added = {arg for cmd in add_commands(rec, DATASET) for arg in cmd[2:]}
    manager = rec.stack.get("package_manager")
    if manager is not None:
        assert not added & set(DATASET.entities[manager.id].install)
