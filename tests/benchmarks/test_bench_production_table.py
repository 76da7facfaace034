"""The method page's tables of production settings and database drivers, from the real data."""

from __future__ import annotations

from macros.bench.databases import database_rows, databases_html
from macros.bench.production import production_html, production_rows
from macros.data.loader import load_dataset
from macros.data.model import Server

DATA = load_dataset()
SERVERS = [e for e in DATA.entities.values() if isinstance(e, Server)]
EXAMPLES = list(DATA.examples.values())


def test_every_server_template_and_own_server_has_a_row() -> None:
    names = [row[0] for row in production_rows(SERVERS, EXAMPLES)]
    with_run = {s.name for s in SERVERS if s.run}
    own = {e.framework for e in EXAMPLES for r in e.runs if r.server == e.framework}
    assert {n.removesuffix(" (every run template)") for n in names if "every" in n} == with_run
    assert {n.removesuffix(": own server") for n in names if "own server" in n} == own


def test_uvicorn_row_names_its_flags() -> None:
    row = next(r for r in production_rows(SERVERS, EXAMPLES) if r[0].startswith("Uvicorn"))
    assert row[1].startswith("--no-access-log: ")
    assert row[2].startswith("--log-level warning: ")
    assert row[3].startswith("default: ") and row[4].startswith("default: ")


def test_tables_escape_text() -> None:
    html = production_html(SERVERS, EXAMPLES)
    assert '<th scope="col">Access log</th>' in html
    assert "'waitress.queue'" not in html  # quotes are escaped by table_html
    assert "&#x27;waitress.queue&#x27;" in html or "&#39;waitress.queue&#39;" in html


def test_database_rows_come_from_the_examples() -> None:
    rows = database_rows(EXAMPLES)
    assert [r[0] for r in rows] == sorted(e.framework for e in EXAMPLES if e.database)
    django = next(r for r in rows if r[0] == "django")
    assert django[1].startswith("Django ORM") and django[2] == "sync" and django[3] == "4"
    assert "<table" in databases_html(EXAMPLES)
