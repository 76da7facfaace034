"""The background-jobs section of the deployment guide: its task-queue table follows the data,
and the built page links the task-queue overview, the stack chooser and the new glossary terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.guide_model import term_anchor
from macros.pages.guides_tools import GUIDE_COLUMNS, kind_table_html
from tests.guides.conftest import Edit, linker_for, load
from tests.site.html_tree import parse, row_cells, table_rows
from tests.site.sitebuild import cached_build


def cells(html: str, entity_id: str) -> list[str]:
    row = next(r for r in table_rows(parse(html)) if r.attrs.get("data-id") == entity_id)
    return [c.text() for c in row_cells(row)]


def test_task_queue_table_lists_every_queue_and_follows_the_data(
    data_copy: Path, edit: Edit
) -> None:
    dataset = load(data_copy)
    html = kind_table_html("task-queue", dataset, linker_for(dataset))
    assert [r.attrs["data-id"] for r in table_rows(parse(html))] == [
        e.id for e in dataset.of_kind("task-queue")
    ]
    column = GUIDE_COLUMNS["task-queue"].index("features.async_tasks") + 1
    assert cells(html, "celery")[column] == "✗ No"
    edit(
        "task-queues/celery.yaml",
        '  async_tasks:\n    value: "no"',
        '  async_tasks:\n    value: "partial"',
    )
    dataset = load(data_copy)
    html = kind_table_html("task-queue", dataset, linker_for(dataset))
    assert cells(html, "celery")[column] == "◐ Partial"


def test_new_glossary_terms_have_sources(data_copy: Path) -> None:
    glossary = load(data_copy).glossary
    assert glossary is not None
    terms = {t.term: t for t in glossary.terms}
    for name in ("Periodic task", "LISTEN/NOTIFY", "Task queue", "Broker"):
        assert terms[name].source is not None, name
    assert term_anchor("LISTEN/NOTIFY") == "term-listen-notify"


@pytest.mark.slow
@pytest.mark.xdist_group("site")
def test_built_deployment_guide_has_the_jobs_section(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    site = cached_build(tmp_path_factory.getbasetemp(), "main")
    article = parse(
        (site / "guides" / "deployment" / "index.html").read_text(encoding="utf-8")
    ).find("article")
    assert article.find("table", id="guide-task-queue") is not None
    hrefs = {str(a.attrs.get("href")) for a in article.find_all("a")}
    assert "../../task-queues/" in hrefs
    assert "../../decide/" in hrefs
    terms = {str(a.attrs["href"]).split("#")[1] for a in article.find_all("a", class_="atlas-term")}
    assert {"term-task-queue", "term-periodic-task", "term-listen-notify"} <= terms
    index = parse((site / "guides" / "index.html").read_text(encoding="utf-8")).find("article")
    index_hrefs = {str(a.attrs.get("href")) for a in index.find_all("a")}
    assert {"../task-queues/", "../graphql/"} <= index_hrefs
