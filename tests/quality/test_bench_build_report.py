"""``atlas bench-build``'s report: the edit-loop ratio, the overhead against plain Material, and
the hand-written "Before and after" part kept from one run to the next (no builds here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.site.bench_build import HISTORY, Variant, _history, report
from scripts.site.edit_loop import EditLoop, _with_marker


def _variants(tmp_path: Path) -> list[Variant]:
    return [
        Variant("real site", tmp_path, times=[4.0, 5.0, 6.0], cpu=[2.0, 2.5, 3.0], pages=9),
        Variant("x10 data", tmp_path, times=[20.0, 22.0, 24.0], cpu=[10.0, 11.0, 12.0]),
        Variant("plain", tmp_path, strict=False, times=[4.0, 4.0, 5.0], cpu=[2.0, 2.0, 2.0]),
    ]


def test_report_gives_the_edit_loop_ratio_and_the_overhead(tmp_path: Path) -> None:
    edit = EditLoop(tmp_path, {}, times=[2.0, 2.5, 3.5], cpu=[1.0, 1.25, 1.5])
    text = report(_variants(tmp_path), 10, 3, [], edit, history=f"{HISTORY}\n\nkept\n")
    assert "**x1.25** as long as plain mkdocs-material" in text  # 5.0 / 4.0
    assert "x1.25 in CPU time" in text  # 2.5 / 2.0
    assert "after **2.50 s** (median; fastest 2.00 s): **x0.50** the full build" in text
    assert "x0.50 in CPU time" in text  # 1.25 / 2.5
    assert "(target 3 s: met)" in text
    assert f"{HISTORY}\n\nkept\n" in text
    assert text.index(HISTORY) < text.index("## Profile")


def test_the_before_and_after_part_survives_a_new_report(tmp_path: Path) -> None:
    old = tmp_path / "build-time.md"
    old.write_text(f"# Build time\n\n| table |\n\n{HISTORY}\n\nnotes\n\n## Profile\n\nx\n")
    assert _history(old) == f"{HISTORY}\n\nnotes\n"
    assert _history(tmp_path / "missing.md") == ""


def test_the_edit_marks_the_summary_line_only() -> None:
    text = "id: flask\nsummary: Small framework.\ndescription: |\n  summary: no\n"
    edited = _with_marker(text, "edit loop 3")
    assert edited.splitlines()[1] == "summary: Small framework (edit loop 3)."
    assert edited.splitlines()[3] == "  summary: no"
    with pytest.raises(ValueError, match="summary"):
        _with_marker("id: flask\n", "x")
