"""Tables of the runtime and interface guides, computed from the data alone.

* :func:`free_threading_html`: frameworks and servers with their ``features.free_threading`` cell.
* :func:`runtimes_html`: each CPython line with its free-threading, JIT and subinterpreter cells.
* :func:`interface_matrix_html`: framework ``interfaces`` crossed with server ``protocols``,
  marking the servers each framework's example is tested under (``data/examples/*.yaml``).
* :func:`server_commands_html`: each server's protocols and ``run`` templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.model import Entity, Feature, Framework, Runtime, Server
from macros.pages.html_text import esc, external_link
from macros.pages.kinds import SUPPORT_RANK, value_label
from macros.pages.values import Linker, support_html

OWN_SERVER = "own-server"


def _table(table_id: str, caption: str, head: list[str], rows: list[str]) -> str:
    """A table with a caption, column headers and the given ``<tr>`` rows."""
    header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    return (
        f'<table id="{esc(table_id)}" data-atlas-guide><caption>{caption}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def feature_cells(feature: Feature | None) -> str:
    """Four cells: support, since, note and source of one feature."""
    if feature is None:
        return f"<td>{support_html(None)}</td><td></td><td></td><td></td>"
    source = external_link(feature.source, "source") if feature.source else ""
    rank = SUPPORT_RANK[feature.value]
    return (
        f'<td data-sort="{rank}">{support_html(feature)}</td><td>{esc(feature.since or "")}</td>'
        f"<td>{esc(feature.note or '')}</td><td>{source}</td>"
    )


def _free_threading(entity: Entity) -> Feature | None:
    features = getattr(entity, "features", None)
    return getattr(features, "free_threading", None)


def free_threading_html(dataset: Dataset, linker: Linker) -> str:
    """Frameworks, then servers, each with its free-threading support from the data."""
    rows = []
    for kind, label in (("framework", "Framework"), ("server", "Server")):
        for entity in dataset.of_kind(kind):
            rows.append(
                f'<tr data-id="{esc(entity.id)}"><th scope="row">{linker.entity(entity.id)}</th>'
                f"<td>{label}</td>{feature_cells(_free_threading(entity))}</tr>"
            )
    recorded = sum(
        1 for k in ("framework", "server") for e in dataset.of_kind(k) if _free_threading(e)
    )
    caption = (
        f"Free-threaded CPython support: {recorded} of {len(rows)} frameworks and servers have a "
        "recorded value; “\u2013 Not recorded” means the data has none yet, not that it fails."
    )
    head = ["Name", "Kind", "Support", "Since", "Note", "Source"]
    return _table("guide-free-threading", caption, head, rows)


RUNTIME_FEATURES: tuple[tuple[str, str], ...] = (
    ("free_threaded_build", "Free-threaded build"),
    ("jit", "JIT compiler"),
    ("subinterpreters", "Subinterpreters"),
)


def runtimes_html(dataset: Dataset, linker: Linker) -> str:
    """One row per CPython line: latest release, end of life, and each feature with its note."""
    runtimes = [e for e in dataset.of_kind("runtime") if isinstance(e, Runtime)]
    runtimes.sort(key=lambda r: tuple(int(p) for p in r.python_version.split(".")))
    rows = []
    for runtime in runtimes:
        cells = "".join(
            _runtime_cell(getattr(runtime.features, key)) for key, _ in RUNTIME_FEATURES
        )
        eol = runtime.end_of_life.isoformat() if runtime.end_of_life else ""
        rows.append(
            f'<tr data-id="{esc(runtime.id)}"><th scope="row">{linker.entity(runtime.id)}</th>'
            f"<td>{esc(runtime.latest_version or '')}</td><td>{esc(eol)}</td>{cells}</tr>"
        )
    head = ["Runtime", "Latest release", "End of life"] + [label for _, label in RUNTIME_FEATURES]
    caption = f"CPython release lines in the data: {len(rows)}."
    return _table("guide-runtimes", caption, head, rows)


def _runtime_cell(feature: Feature | None) -> str:
    if feature is None:
        return f"<td>{support_html(None)}</td>"
    parts = [support_html(feature)]
    if feature.note:
        parts.append(f'<br><span class="atlas-note">{esc(feature.note)}</span>')
    if feature.source:
        parts.append(f" {external_link(feature.source, 'source')}")
    return f"<td>{''.join(parts)}</td>"


@dataclass(frozen=True)
class InterfaceCell:
    """One framework x server cell: the protocols both speak and whether the example ran there."""

    common: tuple[str, ...]
    tested: bool

    def text(self) -> str:
        """What a reader sees (also used by the tests)."""
        words = ", ".join(value_label(p) for p in self.common)
        if self.tested:
            return f"{words} · tested" if words else "tested (own command)"
        return words or "\u2013"


def interface_cell(framework: Framework, server_id: str, dataset: Dataset) -> InterfaceCell:
    """The cell of ``framework`` under ``server_id`` (a server id, or :data:`OWN_SERVER`)."""
    example = dataset.examples.get(framework.id)
    tested_ids = {run.server for run in example.runs} if example and not example.skip else set()
    if server_id == OWN_SERVER:
        own: tuple[str, ...] = (OWN_SERVER,) if OWN_SERVER in framework.interfaces else ()
        return InterfaceCell(own, framework.id in tested_ids)
    server = dataset.entities[server_id]
    protocols: list[str] = list(server.protocols) if isinstance(server, Server) else []
    return InterfaceCell(
        tuple(p for p in protocols if p in framework.interfaces), server_id in tested_ids
    )


def interface_matrix_html(dataset: Dataset, linker: Linker) -> str:
    """Frameworks as rows, servers (and the framework's own server) as columns."""
    servers = [s for s in dataset.of_kind("server") if isinstance(s, Server)]
    frameworks = [f for f in dataset.of_kind("framework") if isinstance(f, Framework)]
    columns = [s.id for s in servers] + [OWN_SERVER]
    head = ["Framework", "Interfaces"] + [s.name for s in servers] + ["Own server"]
    rows = []
    for framework in frameworks:
        interfaces = ", ".join(value_label(i) for i in framework.interfaces)
        cells = "".join(_interface_td(interface_cell(framework, c, dataset)) for c in columns)
        rows.append(
            f'<tr data-id="{esc(framework.id)}"><th scope="row">{linker.entity(framework.id)}</th>'
            f"<td>{esc(interfaces)}</td>{cells}</tr>"
        )
    caption = (
        f"{len(frameworks)} frameworks \u00d7 {len(servers)} servers: the protocols both sides "
        "speak; “tested” marks the servers the Atlas example of that framework runs under in "
        "the test suite."
    )
    return _table("guide-interfaces", caption, head, rows)


def _interface_td(cell: InterfaceCell) -> str:
    """The cell with "tested" in bold; its text equals :meth:`InterfaceCell.text`."""
    text = esc(cell.text())
    if cell.tested:
        text = text.replace("tested", "<strong>tested</strong>", 1)
        return f'<td data-tested="true">{text}</td>'
    return f"<td>{text}</td>"


def server_commands_html(dataset: Dataset, linker: Linker) -> str:
    """Each server: the protocols it speaks, its language, its worker model and run commands."""
    rows = []
    for server in (s for s in dataset.of_kind("server") if isinstance(s, Server)):
        commands = "<br>".join(
            f"{esc(value_label(p))}: <code>{esc(cmd)}</code>"
            for p, cmd in sorted(server.run.items())
        )
        rows.append(
            f'<tr data-id="{esc(server.id)}"><th scope="row">{linker.entity(server.id)}</th>'
            f"<td>{esc(', '.join(value_label(p) for p in server.protocols))}</td>"
            f"<td>{esc(', '.join(server.implementation_language))}</td>"
            f"<td>{esc(server.workers_model or '')}</td><td>{commands}</td>"
            f"<td>{support_html(server.features.http2)}</td></tr>"
        )
    head = ["Server", "Protocols", "Written in", "Workers", "Run command", "HTTP/2"]
    caption = f"Application servers in the data: {len(rows)}."
    return _table("guide-servers", caption, head, rows)
