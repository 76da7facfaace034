"""Every guide table is computed from the data: change a value in a copy, render, see it change."""

from __future__ import annotations

from pathlib import Path

from macros.data.guide_model import term_anchor
from macros.data.model import Framework
from macros.pages.guides import (
    OWN_SERVER,
    free_threading_html,
    interface_cell,
    interface_matrix_html,
    runtimes_html,
    server_commands_html,
)
from macros.pages.guides_glossary import adoption_html, glossary_html
from macros.pages.guides_tools import deployment_list_html, kind_table_html
from tests.guides.conftest import Edit, linker_for, load
from tests.site.html_tree import Node, parse, row_cells, table_rows


def row_of(html: str, entity_id: str) -> list[str]:
    """The cell texts of the row with ``data-id=entity_id``."""
    rows = [r for r in table_rows(parse(html)) if r.attrs.get("data-id") == entity_id]
    assert len(rows) == 1, entity_id
    return [c.text() for c in row_cells(rows[0])]


def test_free_threading_row_follows_the_data(data_copy: Path, edit: Edit) -> None:
    before = row_of(free_threading_html(load(data_copy), linker_for(load(data_copy))), "fastapi")
    assert before[2] == "✓ Yes" and before[3] == "0.136.0"
    edit(
        "frameworks/fastapi.yaml",
        '  free_threading:\n    value: "yes"\n    since: "0.136.0"',
        '  free_threading:\n    value: "partial"\n    since: "0.140.0"',
    )
    dataset = load(data_copy)
    after = row_of(free_threading_html(dataset, linker_for(dataset)), "fastapi")
    assert after[2] == "◐ Partial" and after[3] == "0.140.0"


def test_free_threading_lists_every_framework_and_server(data_copy: Path) -> None:
    dataset = load(data_copy)
    html = free_threading_html(dataset, linker_for(dataset))
    shown = [r.attrs["data-id"] for r in table_rows(parse(html))]
    expected = [e.id for e in dataset.of_kind("framework")] + [
        e.id for e in dataset.of_kind("server")
    ]
    assert shown == expected


def test_interface_cells_are_interfaces_intersected_with_protocols(data_copy: Path) -> None:
    dataset = load(data_copy)
    servers = [s.id for s in dataset.of_kind("server")] + [OWN_SERVER]
    for framework in dataset.of_kind("framework"):
        assert isinstance(framework, Framework)
        cells = row_of(interface_matrix_html(dataset, linker_for(dataset)), framework.id)[2:]
        assert len(cells) == len(servers)
        example = dataset.examples.get(framework.id)
        tested = {r.server for r in example.runs} if example else set()
        for server_id, text in zip(servers, cells, strict=True):
            cell = interface_cell(framework, server_id, dataset)
            assert text == cell.text()
            assert ("tested" in text) == (
                server_id in tested or (server_id == OWN_SERVER and framework.id in tested)
            )
            if server_id != OWN_SERVER:
                speaks = set(dataset.entities[server_id].protocols)  # type: ignore[attr-defined]
                assert set(cell.common) == speaks & set(framework.interfaces)


def test_interface_matrix_follows_server_protocols(data_copy: Path, edit: Edit) -> None:
    dataset = load(data_copy)
    flask = dataset.entities["flask"]
    assert isinstance(flask, Framework)
    assert interface_cell(flask, "waitress", dataset).text() == "WSGI · tested"
    edit("servers/uvicorn.yaml", "protocols: [asgi]", "protocols: [asgi, wsgi]")
    dataset = load(data_copy)
    flask = dataset.entities["flask"]
    assert isinstance(flask, Framework)
    cells = row_of(interface_matrix_html(dataset, linker_for(dataset)), "flask")
    uvicorn_column = [s.id for s in dataset.of_kind("server")].index("uvicorn") + 2
    assert cells[uvicorn_column] == "WSGI"


def test_interface_matrix_follows_example_runs(data_copy: Path, edit: Edit) -> None:
    waitress = (
        '  - server: waitress\n    without_websockets: "Flask-Sock needs the client socket, which '
        'Waitress does not pass to the app"\n'
    )
    edit("examples/flask.yaml", waitress, "")
    dataset = load(data_copy)
    flask = dataset.entities["flask"]
    assert isinstance(flask, Framework)
    assert interface_cell(flask, "waitress", dataset).text() == "WSGI"


def test_runtime_rows_follow_the_data(data_copy: Path, edit: Edit) -> None:
    edit("runtimes/cpython-3-14.yaml", "  jit:\n    value: partial", '  jit:\n    value: "yes"')
    dataset = load(data_copy)
    html = runtimes_html(dataset, linker_for(dataset))
    rows = [r.attrs["data-id"] for r in table_rows(parse(html))]
    assert rows == [f"cpython-3-{minor}" for minor in range(10, 16)]
    assert row_of(html, "cpython-3-14")[4].startswith("✓ Yes")


def test_server_commands_follow_run_templates(data_copy: Path, edit: Edit) -> None:
    edit(
        "servers/uvicorn.yaml",
        '--port {port} --no-access-log --log-level warning"',
        '--port {port} --no-access-log --log-level warning --timeout-keep-alive 7"',
    )
    dataset = load(data_copy)
    cells = row_of(server_commands_html(dataset, linker_for(dataset)), "uvicorn")
    assert "--timeout-keep-alive 7" in cells[4]


def test_kind_tables_follow_the_data(data_copy: Path, edit: Edit) -> None:
    dataset = load(data_copy)
    before = row_of(kind_table_html("validation", dataset, linker_for(dataset)), "msgspec")
    assert before[5] == "✓ Yes"  # features.msgpack (after name, language, 3 features)
    edit("validation/msgspec.yaml", '  msgpack:\n    value: "yes"', '  msgpack:\n    value: "no"')
    dataset = load(data_copy)
    assert (
        row_of(kind_table_html("validation", dataset, linker_for(dataset)), "msgspec")[5] == "✗ No"
    )
    for kind in ("package-manager", "code-quality"):
        html = kind_table_html(kind, dataset, linker_for(dataset))
        assert [r.attrs["data-id"] for r in table_rows(parse(html))] == [
            e.id for e in dataset.of_kind(kind)
        ]


def test_deployment_list_groups_by_type(data_copy: Path, edit: Edit) -> None:
    edit("deployment/render.yaml", "deployment_type: paas", "deployment_type: edge")
    dataset = load(data_copy)
    tree = parse(deployment_list_html(dataset, linker_for(dataset)))
    groups = {s.attrs["data-type"]: s for s in tree.find_all("section")}
    ids = {k: [li.attrs["data-id"] for li in v.find_all("li")] for k, v in groups.items()}
    assert "render" in ids["edge"] and "render" not in ids["paas"]
    assert sorted(i for v in ids.values() for i in v) == sorted(
        e.id for e in dataset.of_kind("deployment")
    )


def test_glossary_and_adoption_follow_the_data(data_copy: Path, edit: Edit) -> None:
    edit("glossary.yaml", "  - term: Event loop\n", "  - term: Event loops in asyncio\n")
    edit("adoption.yaml", "organisation: Partoo", "organisation: Partoo SAS")
    dataset = load(data_copy)
    glossary = parse(glossary_html(dataset.glossary, linker_for(dataset)))
    ids = [dt.attrs["id"] for dt in glossary.find_all("dt")]
    assert term_anchor("Event loops in asyncio") in ids and "term-event-loop" not in ids
    adoption = parse(adoption_html(dataset.adoption, linker_for(dataset)))
    assert "Partoo SAS" in [row_cells(r)[0].text() for r in table_rows(adoption)]


def test_adoption_rows_carry_source_link_and_date(data_copy: Path) -> None:
    dataset = load(data_copy)
    assert dataset.adoption is not None
    table = parse(adoption_html(dataset.adoption, linker_for(dataset)))
    rows = table_rows(table)
    assert len(rows) == len(dataset.adoption.claims)
    urls = {c.source_url for c in dataset.adoption.claims}
    for row in rows:
        links: list[Node] = row_cells(row)[4].find_all("a")
        assert links and links[0].attrs["href"] in urls
        assert row_cells(row)[5].text()


def test_data_text_is_escaped(data_copy: Path, edit: Edit) -> None:
    hostile = "<script>alert(1)</script> {{ config }}"
    edit(
        "adoption.yaml",
        "summary: One Django app behind Nginx",
        f"summary: {hostile} One Django app behind Nginx",
    )
    edit(
        "frameworks/fastapi.yaml",
        'note: "Release notes: support for free-threaded Python 3.14t"',
        f'note: "{hostile}"',
    )
    dataset = load(data_copy)
    for html in (
        adoption_html(dataset.adoption, linker_for(dataset)),
        free_threading_html(dataset, linker_for(dataset)),
    ):
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ config }}" in html
