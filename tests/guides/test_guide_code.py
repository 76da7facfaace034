"""Code on the guide pages: read from examples/, one definition at a time, escaped."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from macros.mkdocs import state as site_state
from macros.mkdocs.guide_macros import CODE_MARK, code_html
from macros.pages.guide_code import SnippetError, code_block_html, example_snippet, lexer_name
from tests.site.html_tree import parse


def test_function_snippet_includes_decorators_and_nothing_else() -> None:
    code = example_snippet("flask/app.py", "create_user")
    assert code.startswith('@app.post("/users")\ndef create_user(')
    assert "def get_user" not in code
    ast.parse(code)  # a complete definition


def test_method_snippet_is_dedented() -> None:
    code = example_snippet("litestar/app.py", "UserController.get_user")
    assert code.startswith('@get("/{user_id:int}")\nasync def get_user(self')
    ast.parse(code)


def test_whole_file_snippet_is_the_file() -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / "deploy" / "Dockerfile"
    assert example_snippet("deploy/Dockerfile") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "symbol", "message"),
    [
        ("flask/app.py", "no_such_view", "has no definition"),
        ("flask/nothing.py", None, "does not exist"),
        ("../pyproject.toml", None, "outside examples/"),
        ("flask/app.py", "create_user.inner", "has no definition"),
    ],
)
def test_bad_snippets_fail_the_build(path: str, symbol: str | None, message: str) -> None:
    with pytest.raises(SnippetError, match=message):
        example_snippet(path, symbol)


def test_code_is_escaped_and_titled() -> None:
    html = code_block_html('x = "</script><b>&"\n', "a <title>", "python")
    assert "<script>" not in html and "</script>" not in html and "<b>" not in html
    tree = parse(html)
    assert tree.find("span", class_="filename").text() == "a <title>"
    assert 'x = "</script><b>&"' in tree.find("code").text()


def test_lexers() -> None:
    assert lexer_name("deploy/Dockerfile") == "docker"
    assert lexer_name("fastapi/app.py") == "python"
    assert lexer_name("deploy/requirements-lambda.txt") == "text"


def test_code_html_is_marked_for_the_page_tests() -> None:
    tree = parse(code_html("fastapi/app.py", "get_store"))
    wrapper = tree.find("div", class_=CODE_MARK)
    assert wrapper.attrs["data-source"] == "fastapi/app.py"
    assert "def get_store" in wrapper.find("code").text()


def test_code_tabs_indent_placeholders_under_their_labels() -> None:
    site_state.reset()

    class Env:
        page = None

        def __init__(self) -> None:
            self.macros: dict[str, object] = {}

        def macro(self, fn: object) -> object:
            self.macros[fn.__name__] = fn  # type: ignore[attr-defined]
            return fn

    from macros.mkdocs.guide_macros import register

    env = Env()
    register(env)
    out = env.macros["code_tabs"](
        ["Flask", "flask/app.py", "get_user"],  # type: ignore[operator]
        ["Quart", "quart/app.py", "get_user"],
    )
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[0] == '=== "Flask"' and lines[2] == '=== "Quart"'
    assert lines[1].startswith("    <!--atlas-html:") and lines[3].startswith("    <!--atlas-html:")
    with pytest.raises(ValueError, match="tab label"):
        env.macros["code_tabs"](['Fl"ask', "flask/app.py", "get_user"])  # type: ignore[operator]
