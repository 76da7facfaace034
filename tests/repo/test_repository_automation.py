"""The GitHub workflows, issue forms and pre-commit config are valid and run the real commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """Validate files against one of check-jsonschema's bundled (offline) schemas."""
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        schema,
        *map(str, files),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
    ids=["workflows", "issue-forms", "issue-config"],
)
def test_github_files_match_their_schema(schema: str, files: list[Path]) -> None:
    assert files, f"no files for {schema}"
    result = check_jsonschema(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    steps: []\n")  # no runs-on
    assert check_jsonschema("vendor.github-workflows", [broken]).returncode != 0


def test_pull_request_workflow_runs_the_project_commands() -> None:
    workflow = yaml.safe_load((GITHUB / "workflows" / "pull-request.yml").read_text())
    commands = "\n".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    for command in (
        "uv run atlas validate",
        "uv run pytest",
        "uv run mkdocs build --strict",
        "uv run atlas check-site",
    ):
        assert command in commands


def test_pre_commit_hooks_call_existing_commands() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "uv run atlas validate" in entries
    assert "uv run atlas schema --check" in entries
    assert any(entry.startswith("uv run ruff check") for entry in entries)
