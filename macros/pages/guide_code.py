"""Code on the guide pages comes from the tested files under ``examples/``, never from Markdown.

:func:`example_snippet` reads a file (or one function or class of a Python file, found with
``ast``) and :func:`code_block_html` turns it into escaped, highlighted HTML for the page.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name

from macros.pages.html_text import esc

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"

_LEXERS = {".py": "python", ".txt": "text", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}
_LEXER_BY_NAME = {"Dockerfile": "docker", "Dockerfile.dockerignore": "text"}


class SnippetError(ValueError):
    """A snippet that cannot be shown: a missing file or symbol, or a path outside examples/."""


def example_file(relative: str, root: Path = EXAMPLES_DIR) -> Path:
    """``examples/<relative>``; refuses paths that leave the examples folder."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SnippetError(f"{relative!r} is outside examples/")
    if not path.is_file():
        raise SnippetError(f"examples/{relative} does not exist")
    return path


def example_snippet(relative: str, symbol: str | None = None, root: Path = EXAMPLES_DIR) -> str:
    """The text of ``examples/<relative>``, or of one definition in it (``name`` or
    ``Class.method``), decorators included and dedented."""
    text = example_file(relative, root).read_text(encoding="utf-8")
    if symbol is None:
        return text
    node = find_definition(ast.parse(text), symbol)
    if node is None:
        raise SnippetError(f"examples/{relative} has no definition {symbol!r}")
    lines = text.splitlines()
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    end = node.end_lineno or node.lineno
    return textwrap.dedent("\n".join(lines[first - 1 : end])) + "\n"


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def find_definition(tree: ast.Module, symbol: str) -> Definition | None:
    """The top-level function or class ``symbol``, or a method given as ``Class.method``."""
    body: list[ast.stmt] = tree.body
    found: Definition | None = None
    for part in symbol.split("."):
        found = next(
            (n for n in body if isinstance(n, Definition) and n.name == part),
            None,
        )
        if found is None:
            return None
        body = found.body
    return found


def lexer_name(relative: str) -> str:
    """Pygments lexer for a file name."""
    name = Path(relative).name
    return _LEXER_BY_NAME.get(name) or _LEXERS.get(Path(relative).suffix, "text")


def code_block_html(code: str, title: str, lexer: str) -> str:
    """Highlighted code in the markup of pymdownx.highlight, so the theme styles it and adds its
    copy button. Pygments escapes the code; the title is escaped here."""
    formatter = HtmlFormatter(cssclass="highlight", wrapcode=True)
    body = highlight(code, get_lexer_by_name(lexer), formatter)
    title_html = f'<span class="filename">{esc(title)}</span>'
    # Pygments opens with <div class="highlight"><pre>; the title goes between the two.
    return body.replace('<div class="highlight">', f'<div class="highlight">{title_html}', 1)
