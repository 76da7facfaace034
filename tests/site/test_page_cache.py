"""The page cache returns what MkDocs' own conversion returns, and never hides a warning."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.data import memo
from macros.mkdocs import page_cache


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[MkDocsConfig, Files]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc]\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    files = Files([])
    for name in ("index.md", "other.md"):
        (docs / name).write_text("# x\n")
        files.append(File(name, str(docs), str(tmp_path / "site"), use_directory_urls=True))
    memo.enable()
    page_cache.install()
    page_cache.new_build()
    yield config, files
    memo.disable()


def _render(config: MkDocsConfig, files: Files, markdown: str) -> Page:
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.markdown = markdown
    page.render(config, files)
    return page


def test_a_second_conversion_of_the_same_markdown_is_a_hit_with_the_same_result(
    site: tuple[MkDocsConfig, Files],
) -> None:
    config, files = site
    text = "# Title\n\n## Part one\n\nSee [the other page](other.md#part).\n"
    first = _render(config, files, text)
    cached = page_cache._PAGES
    hits = cached.hits
    second = _render(config, files, text)
    assert cached.hits == hits + 1
    assert second.content == first.content and 'href="other/#part"' in (second.content or "")
    assert [(a.title, a.id) for a in second.toc] == [(a.title, a.id) for a in first.toc]
    assert second.toc is not first.toc  # a fresh copy: a plugin may change it
    assert second.present_anchor_ids == first.present_anchor_ids == {"title", "part-one"}
    assert second.title == "Title"


def test_a_conversion_that_warns_is_not_kept(
    site: tuple[MkDocsConfig, Files], caplog: pytest.LogCaptureFixture
) -> None:
    config, files = site
    text = "# Broken\n\n[gone](missing.md)\n"
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        _render(config, files, text)
        _render(config, files, text)
    assert sum("missing.md" in r.getMessage() for r in caplog.records) == 2
    assert page_cache._PAGES.hits == 0


def test_a_page_that_includes_files_is_always_converted(site: tuple[MkDocsConfig, Files]) -> None:
    config, files = site
    for _ in range(2):
        _render(config, files, '# Included\n\n--8<-- "x.md"\n')
    assert page_cache._PAGES.hits == page_cache._PAGES.misses == 0
