"""The "Example app" section of a framework page: how to run it and its code, highlighted."""

from __future__ import annotations

from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from macros.data.memo import Memo, digest
from macros.data.model import Entity, Example, ExampleRun, Server
from macros.data.run_template import example_run_template, fill_template
from macros.pages.html_text import esc
from macros.pages.kinds import value_label, with_article
from macros.pages.values import Linker

MAX_EXAMPLE_BYTES = 64 * 1024
_HIGHLIGHTED: Memo[str] = Memo("highlight", persist=True)
"""Highlighted code by the SHA-256 of the file's bytes."""


def example_files(examples_root: Path, framework_id: str) -> list[Path]:
    """The Python files of ``examples/<id>/``, sorted; none if the folder does not exist."""
    folder = examples_root / framework_id
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if p.is_file())


def example_section(entity: Entity, linker: Linker) -> str:
    """Run commands and highlighted code of the entity's example, or ``""`` if it has none."""
    dataset = linker.state.dataset
    if dataset is None or entity.id not in dataset.examples:
        return ""
    files = example_files(dataset.root.parent / "examples", entity.id)
    if not files:
        return ""
    example = dataset.examples[entity.id]
    intro = (
        f"<p>The same small API is written for every framework with an example. This one is "
        f"{esc(with_article(value_label(example.interface)))} app, "
        f"<code>{esc(example.target)}</code>, "
        f"in <code>examples/{esc(entity.id)}/</code>.</p>"
    )
    runs = "".join(f"<li>{run_html(example, run, linker)}</li>" for run in example.runs)
    parts = [intro, f'<ul class="atlas-runs">{runs}</ul>']
    if example.skip:
        parts.append(f"<p><strong>Not run here:</strong> {esc(example.skip)}</p>")
    for path in files:
        parts.append(f"<p><code>{esc(path.name)}</code></p>{code_html(path)}")
    return "".join(parts)


def run_html(example: Example, run: ExampleRun, linker: Linker) -> str:
    """One way to start the example: the server and its command line."""
    dataset = linker.state.dataset
    server = dataset.entities.get(run.server) if dataset else None
    command = example_run_template(example, run, server if isinstance(server, Server) else None)
    where = linker.entity(run.server)
    if not command:
        return where
    filled = fill_template(command, example.target, "127.0.0.1", 8000)
    without = f" (no WebSockets: {esc(run.without_websockets)})" if run.without_websockets else ""
    return f"{where}: <code>{esc(filled)}</code>{without}"


def code_html(path: Path) -> str:
    """A file as a highlighted, escaped code block (Pygments escapes every character it emits)."""
    raw = path.read_bytes()[:MAX_EXAMPLE_BYTES]
    return _HIGHLIGHTED.get(digest(raw), lambda: _highlight(raw))


def _highlight(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    formatter = HtmlFormatter(cssclass="highlight", wrapcode=True)
    return str(highlight(text, PythonLexer(), formatter))
