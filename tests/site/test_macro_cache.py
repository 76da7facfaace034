"""The macro cache: a call is answered from the cache only when nothing it reads has changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from macros.data import memo
from macros.mkdocs import macro_cache
from macros.mkdocs import state as site_state


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "data" / "frameworks").mkdir(parents=True)
    (tmp_path / "data" / "frameworks" / "a.yaml").write_text("id: a\n")
    (tmp_path / "examples" / "a").mkdir(parents=True)
    (tmp_path / "examples" / "a" / "app.py").write_text("app = 1\n")
    return tmp_path


@pytest.fixture
def caches() -> Iterator[None]:
    memo.enable()
    site_state.reset()
    yield
    memo.disable()
    site_state.reset()


def _key(project: Path) -> bytes:
    return macro_cache.inputs_key(project / "data", site_state.SiteSettings())


def test_the_inputs_key_follows_data_examples_and_settings(project: Path) -> None:
    first = _key(project)
    assert _key(project) == first
    (project / "examples" / "a" / "app.py").write_text("app = 2\n")
    second = _key(project)
    assert second != first
    (project / "data" / "frameworks" / "a.yaml").write_text("id: a\nname: A\n")
    third = _key(project)
    assert third != second
    other_urls = macro_cache.inputs_key(project / "data", site_state.SiteSettings(False))
    assert other_urls != third
    (project / "examples" / "a" / "__pycache__").mkdir()
    (project / "examples" / "a" / "__pycache__" / "app.pyc").write_bytes(b"x")
    assert _key(project) == third  # generated files are not inputs


def _macro(calls: list[str]) -> Any:
    def table(kind: str) -> str:
        calls.append(kind)
        return f"## {kind}\n" + site_state.stash(f"<table>{kind}</table>")

    return table


def test_a_kept_call_returns_the_markdown_and_puts_its_html_back(caches: None) -> None:
    calls: list[str] = []
    env = SimpleNamespace(page=SimpleNamespace(url="frameworks/"), macros={})
    env.macro = lambda f, name="": env.macros.setdefault(name or f.__name__, f)
    cached = macro_cache.CachingEnv(env)
    table = cached.macro(_macro(calls))
    assert env.macros["table"] is table
    site_state.current().inputs = b"one"
    first = table("framework")
    site_state.reset()  # the next build: an empty stash
    site_state.current().inputs = b"one"
    again = table("framework")
    assert again == first and calls == ["framework"]
    assert site_state.restore(again).endswith("<table>framework</table>\n\n")
    env.page.url = "servers/"  # another page: its links differ
    table("framework")
    site_state.current().inputs = b"two"  # an edit
    table("framework")
    assert calls == ["framework"] * 3


def test_without_an_inputs_key_nothing_is_kept(caches: None) -> None:
    calls: list[str] = []
    table = macro_cache.cached(_macro(calls), SimpleNamespace(page=None))
    table("x")
    table("x")
    assert calls == ["x", "x"]
