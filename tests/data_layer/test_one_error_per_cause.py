"""One mistake in a much-referenced entity gives one problem line, naming that entity's file.

The real data is copied, then one file is broken in three ways; each broken entity is referenced
from at least five other places, which must not each report an "unknown id".
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import DEFAULT_DATA_DIR, load_dataset
from macros.data.problems import DataError

Breakage = Callable[[Path], None]


def _unclosed_list(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    broken = re.sub(r"^(alternatives: \[[^\]\n]*)\]$", r"\1", text, count=1, flags=re.M)
    assert broken != text
    path.write_text(broken, encoding="utf-8")


def _javascript_homepage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fixed = re.sub(r"^homepage: .*$", "homepage: javascript:alert(1)", text, count=1, flags=re.M)
    path.write_text(fixed, encoding="utf-8")


def _delete(path: Path) -> None:
    path.unlink()


def _reference_count(root: Path, entity_id: str) -> int:
    """How many places in the other data files name ``entity_id`` as a YAML value."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])")
    count = 0
    for path in root.rglob("*.yaml"):
        if path.stem == entity_id and path.parent.name != "examples":
            continue
        if path.parent.name in {"benchmarks", "_templates"}:
            continue
        count += sum(
            1
            for line in path.read_text(encoding="utf-8").splitlines()
            if pattern.search(line) and not line.lstrip().startswith(("#", "- url:"))
        )
    return count


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the real ``data/`` that a test may break."""
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root)
    return root


@pytest.mark.parametrize(
    ("entity_file", "breakage", "expected"),
    [
        ("frameworks/fastapi.yaml", _unclosed_list, "data/frameworks/fastapi.yaml:"),
        ("frameworks/fastapi.yaml", _javascript_homepage, "data/frameworks/fastapi.yaml:"),
        ("frameworks/flask.yaml", _unclosed_list, "data/frameworks/flask.yaml:"),
        ("servers/uvicorn.yaml", _javascript_homepage, "data/servers/uvicorn.yaml:"),
        ("frameworks/flask.yaml", _delete, "flask.yaml"),
    ],
    ids=[
        "fastapi-syntax",
        "fastapi-bad-field",
        "flask-syntax",
        "uvicorn-bad-field",
        "flask-missing",
    ],
)
def test_one_problem_line_per_cause(
    data_copy: Path, entity_file: str, breakage: Breakage, expected: str
) -> None:
    entity_id = Path(entity_file).stem
    assert _reference_count(data_copy, entity_id) >= 5, "the case needs a much-referenced entity"
    breakage(data_copy / entity_file)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 1, "\n".join(lines)
    assert expected in lines[0]
    assert "did you mean" not in lines[0]
    if breakage is not _delete:
        assert any(f"references to {entity_id!r} not checked" in n for n in caught.value.notes)


def test_missing_file_names_every_place_in_one_line(data_copy: Path) -> None:
    (data_copy / "frameworks" / "flask.yaml").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    (line,) = [str(p) for p in caught.value.problems]
    assert "unknown id 'flask'" in line or "no framework has id 'flask'" in line
    assert re.search(r"and \d+ other places refer to it", line)


def test_a_single_typo_still_gets_a_suggestion(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "litestar.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("alternatives: [", "alternatives: [fastapy, ", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    (line,) = [str(p) for p in caught.value.problems]
    assert line.startswith("data/frameworks/litestar.yaml:")
    assert "unknown id 'fastapy': did you mean 'fastapi'?" in line
