"""The "same API, side by side" page: every example's real files in content tabs, and their size.

The code shown is read from ``examples/<framework>/`` at build time: the same files the
conformance suite (tests/examples/test_conformance.py) starts under each server and checks.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from macros.data.dataset import Dataset
from macros.data.model import Example
from macros.pages.html_text import data_table, esc
from macros.pages.kinds import CAMPS
from macros.pages.verification import PROBED, feature_label, proven

CONFORMANCE_TEST = "tests/examples/test_conformance.py"


@dataclass(frozen=True)
class ExampleSize:
    """What an example costs to write: files, code lines and pinned dependencies."""

    files: int
    code_lines: int
    dependencies: int


FEATURE_FILES = ("features.py", "client_check.py")
"""The feature demos of an example: shown on its framework's page, not in the side-by-side API."""


DATABASE_MODULE = "db.py"
"""The module of an example's database endpoints (the benchmarks' TechEmpower tests), which is
not part of the API the examples page compares."""
DATABASE_PIN = "# database endpoints"
"""Marks the pins in requirements.txt that only the database endpoints need."""


def code_files(examples_root: Path, framework_id: str) -> list[Path]:
    """The example's Python files of the shared API, app module first, then by name: not the
    feature probes' modules (shown on the framework's page) nor the database module."""
    folder = examples_root / framework_id
    files = sorted(folder.glob("*.py"), key=lambda p: (p.name != "app.py", p.name))
    left_out = {*FEATURE_FILES, DATABASE_MODULE}
    return [p for p in files if p.is_file() and p.name not in left_out]


def code_lines(path: Path) -> int:
    """Lines holding code: not blank, not only a comment, not part of a docstring."""
    source = path.read_text(encoding="utf-8")
    docstring_lines: set[int] = set()
    previous = tokenize.INDENT
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and previous in (
            tokenize.INDENT,
            tokenize.NEWLINE,
            tokenize.NL,
            tokenize.DEDENT,
        ):
            docstring_lines.update(range(token.start[0], token.end[0] + 1))
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type
    return sum(
        1
        for number, line in enumerate(source.splitlines(), start=1)
        if line.strip() and not line.strip().startswith("#") and number not in docstring_lines
    )


def dependency_count(examples_root: Path, framework_id: str) -> int:
    """Pinned requirements of the example (servers included, database-only pins not)."""
    path = examples_root / framework_id / "requirements.txt"
    if not path.exists():
        return 0
    kept = (line for line in path.read_text().splitlines() if DATABASE_PIN not in line)
    lines = (line.split("#", 1)[0].strip() for line in kept)
    return sum(1 for line in lines if line)


def example_size(examples_root: Path, framework_id: str) -> ExampleSize:
    """Files, code lines and dependencies of one example."""
    files = code_files(examples_root, framework_id)
    return ExampleSize(
        len(files), sum(code_lines(p) for p in files), dependency_count(examples_root, framework_id)
    )


def probes_shown(example: Example) -> list[str]:
    """Labels of the features this example demonstrates and the suite probes."""
    return [feature_label(name) for name in PROBED if proven(example, name)]


def size_table_html(
    dataset: Dataset, examples_root: Path, names: dict[str, str], pages: dict[str, str]
) -> str:
    """Per example: files, code lines, dependencies, servers it runs under, features probed."""
    rows = []
    for framework_id, example in sorted(
        dataset.examples.items(), key=lambda kv: names[kv[0]].lower()
    ):
        size = example_size(examples_root, framework_id)
        servers = ", ".join(esc(run.server) for run in example.runs)
        probes = ", ".join(probes_shown(example)) or "—"
        rows.append(
            f'<tr data-id="{esc(framework_id)}"><th scope="row">'
            f'<a href="{esc(pages[framework_id])}#example-app">{esc(names[framework_id])}</a></th>'
            f"<td>{size.files}</td><td>{size.code_lines}</td><td>{size.dependencies}</td>"
            f"<td>{servers}</td><td>{esc(probes)}</td></tr>"
        )
    caption = (
        "Size of each example, counted at build time (code lines exclude blank lines, comments "
        "and docstrings; dependencies are the pinned lines of requirements.txt, servers included)"
    )
    headers = [
        "Framework",
        "Files",
        "Code lines",
        "Dependencies",
        "Tested under",
        "Features probed",
    ]
    return data_table("atlas-example-sizes", headers, rows, caption)


CAMP_PAGES = "examples"
"""Folder of the generated side-by-side pages, one per camp (``examples/<camp>.md``)."""


def camp_members(dataset: Dataset, camp: str | None) -> list[str]:
    """Ids of the frameworks with an example, of ``camp`` (all if None), sorted by name."""

    def in_camp(framework_id: str) -> bool:
        return camp is None or getattr(dataset.entities[framework_id], "camp", None) == camp

    chosen = [i for i in dataset.examples if in_camp(i)]
    return sorted(chosen, key=lambda i: dataset.entities[i].name.lower())


def camps_with_examples(dataset: Dataset) -> list[str]:
    """The camps that have at least one example, in the order of ``CAMPS``."""
    return [camp for camp in CAMPS if camp_members(dataset, camp)]


def camp_page_markdown(camp: str) -> str:
    """Source of the generated side-by-side page of one camp (a macro call; no data text)."""
    label, blurb = CAMPS[camp]
    return (
        f'---\ntitle: "Same API: {label}"\n'
        f'description: "The same users API in every {label} framework, side by side: real files, '
        'run and checked by the test suite."\n---\n\n'
        f"# Same API: {label}\n\n{blurb} The API each one implements, how the files are tested "
        "and the size of every example are on [the overview](../examples.md).\n\n"
        f'{{{{ example_tabs("{camp}") }}}}\n'
    )


def camps_list_html(dataset: Dataset, pages: dict[str, str]) -> str:
    """One line per camp: a link to its side-by-side page and the frameworks on it."""
    items = []
    for camp in camps_with_examples(dataset):
        names = ", ".join(esc(dataset.entities[i].name) for i in camp_members(dataset, camp))
        items.append(f'<li><a href="{esc(pages[camp])}">{esc(CAMPS[camp][0])}</a>: {names}</li>')
    return f'<ul class="atlas-camp-pages">{"".join(items)}</ul>'


def tabs_markdown(
    dataset: Dataset, examples_root: Path, names: dict[str, str], camp: str | None = None
) -> str:
    """Content tabs (pymdownx.tabbed), one per framework (of ``camp``), each with its files."""
    parts = []
    for framework_id in camp_members(dataset, camp):
        parts.append(f'=== "{_tab_title(names[framework_id])}"\n')
        for path in code_files(examples_root, framework_id):
            parts.append(_indented_block(path, f"examples/{framework_id}/{path.name}"))
    return "\n".join(parts)


def _tab_title(name: str) -> str:
    return re.sub(r'["\\\n]', "", name)


def _indented_block(path: Path, title: str) -> str:
    code = path.read_text(encoding="utf-8")
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    body = "\n".join(("    " + line) if line else "" for line in code.rstrip("\n").splitlines())
    return f'    {fence}python title="{title}"\n{body}\n    {fence}\n'
