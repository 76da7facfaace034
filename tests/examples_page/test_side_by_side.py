"""The side-by-side page shows the real example files and counts them correctly."""

from __future__ import annotations

from pathlib import Path

from macros.data.loader import load_dataset
from macros.pages.side_by_side import (
    DATABASE_MODULE,
    DATABASE_PIN,
    FEATURE_FILES,
    camp_page_markdown,
    camps_with_examples,
    code_lines,
    dependency_count,
    size_table_html,
    tabs_markdown,
)

ROOT = Path(__file__).resolve().parents[2]


def test_code_lines_skip_blanks_comments_and_docstrings(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(
        '"""Module docstring\nover two lines."""\n\n# a comment\nimport json\n\n\n'
        "def f() -> str:\n"
        '    """Docstring."""\n'
        "    return json.dumps({'a': '''not a docstring'''})  # trailing comment\n"
    )
    assert code_lines(source) == 3


def test_dependency_count_ignores_comments(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "requirements.txt").write_text("a==1\n# why b\nb==2  # pinned\n\n")
    assert dependency_count(tmp_path, "x") == 2


def test_every_example_is_shown_with_its_real_files() -> None:
    dataset = load_dataset()
    names = {i: dataset.entities[i].name for i in dataset.examples}
    markdown = tabs_markdown(dataset, ROOT / "examples", names)
    for framework_id in dataset.examples:
        assert f'=== "{names[framework_id]}"' in markdown
        for path in sorted((ROOT / "examples" / framework_id).glob("*.py")):
            # Feature probes' modules are shown on the framework's page; the benchmarks'
            # database endpoints are not compared.
            if path.name in FEATURE_FILES or path.name == DATABASE_MODULE:
                assert f'title="examples/{framework_id}/{path.name}"' not in markdown
                continue
            assert f'title="examples/{framework_id}/{path.name}"' in markdown
            first_code_line = next(line for line in path.read_text().splitlines() if line.strip())
            assert "    " + first_code_line in markdown


def test_size_table_matches_the_files() -> None:
    dataset = load_dataset()
    names = {i: dataset.entities[i].name for i in dataset.examples}
    pages = {i: f"../frameworks/{i}/" for i in dataset.examples}
    html = size_table_html(dataset, ROOT / "examples", names, pages)
    assert html.count("<tr data-id=") == len(dataset.examples)
    for framework_id in ("fastapi", "django"):
        folder = ROOT / "examples" / framework_id
        left_out = {*FEATURE_FILES, DATABASE_MODULE}
        files = sorted(p for p in folder.glob("*.py") if p.name not in left_out)
        requirements = [
            line
            for line in (folder / "requirements.txt").read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#") and DATABASE_PIN not in line
        ]
        lines = sum(code_lines(p) for p in files)
        row = html.split(f'<tr data-id="{framework_id}">', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{len(files)}</td><td>{lines}</td><td>{len(requirements)}</td>" in row


def test_every_example_is_on_exactly_one_camp_page() -> None:
    dataset = load_dataset(ROOT / "data")
    names = {i: dataset.entities[i].name for i in dataset.examples}
    camps = camps_with_examples(dataset)
    shown = [
        framework_id
        for camp in camps
        for framework_id in dataset.examples
        if f'=== "{names[framework_id]}"' in tabs_markdown(dataset, ROOT / "examples", names, camp)
    ]
    assert sorted(shown) == sorted(dataset.examples)
    assert len(camps) > 1  # the code is split, so no page carries all of it


def test_a_camp_page_calls_the_macro_for_its_camp() -> None:
    page = camp_page_markdown("micro-asgi")
    assert page.startswith("---\ntitle: ") and "description: " in page
    assert '{{ example_tabs("micro-asgi") }}' in page
