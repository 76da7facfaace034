"""``atlas validate`` as people run it: exit codes, messages on stderr, no traceback, --stale."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from scripts.data.validate import stale_entities

from .conftest import Write, framework, load

ROOT = Path(__file__).resolve().parents[2]


def atlas(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``uv run atlas ...`` from the project root."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        ["uv", "run", "--quiet", "atlas", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_validate_lists_all_problems_exits_1_without_traceback(
    write: Write, data_root: Path
) -> None:
    write("frameworks/b.yaml", framework("b", extra="summery: x\n"))
    write("frameworks/a.yaml", framework("a", extra="released: 2026-02-30\n"))
    write("frameworks/c.yaml", "")
    result = atlas("validate", "--data", str(data_root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    shown = "data/frameworks"
    assert result.stderr.splitlines() == [
        f"{shown}/a.yaml:13:11: released: '2026-02-30' is not a valid value "
        "(day is out of range for month): fix it or put it in quotes",
        f"{shown}/b.yaml:13:1: summery: unknown field: did you mean 'summary'?",
        f"{shown}/c.yaml:1:1: file is empty: it must hold one mapping of fields",
        "3 problems in the data.",
    ]


def test_validate_passes_on_valid_data(write: Write, data_root: Path) -> None:
    write("frameworks/a.yaml", framework("a"))
    result = atlas("validate", "--data", str(data_root))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"1 entities valid in {data_root}.\n"


def test_validate_stale_lists_old_entities_and_exits_1(write: Write, data_root: Path) -> None:
    today = dt.date.today()
    old, fresh = today - dt.timedelta(days=400), today - dt.timedelta(days=10)
    write("frameworks/old.yaml", framework("old").replace("2026-01-02", old.isoformat()))
    write("frameworks/new.yaml", framework("new").replace("2026-01-02", fresh.isoformat()))
    result = atlas("validate", "--data", str(data_root), "--stale", "30")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        f"data/frameworks/old.yaml: as_of {old} is 400 days old"
    ]
    result = atlas("validate", "--data", str(data_root), "--stale", "500")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == ["No entity is older than 500 days."]


def test_stale_entities_orders_oldest_first_and_keeps_the_boundary(
    write: Write, data_root: Path
) -> None:
    write("frameworks/a.yaml", framework("a").replace("2026-01-02", "2026-01-10"))
    write("frameworks/b.yaml", framework("b").replace("2026-01-02", "2026-01-01"))
    write("frameworks/c.yaml", framework("c").replace("2026-01-02", "2026-01-31"))
    dataset = load(data_root)
    today = dt.date(2026, 1, 31)
    # Exactly 21 days old is not older than 21 days.
    assert stale_entities(dataset, 21, today) == [
        "data/frameworks/b.yaml: as_of 2026-01-01 is 30 days old",
    ]
    assert stale_entities(dataset, 20, today) == [
        "data/frameworks/b.yaml: as_of 2026-01-01 is 30 days old",
        "data/frameworks/a.yaml: as_of 2026-01-10 is 21 days old",
    ]
