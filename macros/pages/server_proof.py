"""Server cells proven by the server probes: the badge on a cell, the shares, the findings.

Everything here is derived from the data at build time (:mod:`macros.apps.server_probes` says
which cells a probe decides); nothing is typed by hand, and the suite fails if a probe disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.apps.server_probes import PROBES, UNDECIDABLE, proven_by
from macros.data.dataset import Dataset
from macros.data.features import ServerFeatures
from macros.data.model import Server
from macros.pages.html_text import data_table, esc
from macros.pages.kinds import feature_label, value_label
from macros.pages.values import Linker

PRESENT = ("yes", "partial")


@dataclass(frozen=True)
class Share:
    """``proven`` of ``total`` cells."""

    proven: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.proven / self.total) if self.total else 0

    def text(self) -> str:
        return f"{self.proven} of {self.total} ({self.percent} %)"


def _servers(dataset: Dataset, runnable: bool = False) -> list[Server]:
    servers = [e for e in dataset.of_kind("server") if isinstance(e, Server)]
    return [s for s in servers if not s.probe_skip] if runnable else servers


def _cells(
    dataset: Dataset,
    features: list[str],
    values: tuple[str, ...] | None,
    runnable: bool = False,
) -> Share:
    proven = total = 0
    for server in _servers(dataset, runnable):
        for name in features:
            cell = getattr(server.features, name)
            if cell is None or (values is not None and cell.value not in values):
                continue
            total += 1
            proven += proven_by(server, name) is not None
    return Share(proven, total)


def shares(dataset: Dataset) -> tuple[Share, Share, Share]:
    """Server cells proven by a test: all of them; the yes/partial cells of the probed features;
    the same on the servers the probes can run here."""
    every = _cells(dataset, list(ServerFeatures.model_fields), None)
    present = _cells(dataset, list(PROBES), PRESENT)
    return every, present, _cells(dataset, list(PROBES), PRESENT, runnable=True)


def share_html(dataset: Dataset) -> str:
    """One paragraph with the shares."""
    every, present, runnable = shares(dataset)
    ran = len(_servers(dataset, runnable=True))
    return (
        f'<p class="atlas-proof-share"><strong>{every.text()}</strong> server feature cells are '
        f"verified by a probe. Of the yes and partial cells of the {len(PROBES)} probed "
        f"features, {present.text()} are; on the {ran} servers the probes run here, "
        f"<strong>{runnable.text()}</strong>. Counted when the site is built.</p>"
    )


def probe_table_html(dataset: Dataset) -> str:
    """Per probed feature: what the probe checks and how many cells it proves."""
    rows = []
    for name, probe in PROBES.items():
        share = _cells(dataset, [name], None)
        label = feature_label(name)
        rows.append(
            f'<tr><th scope="row">{esc(label)}</th><td>{esc(probe.checks)}</td>'
            f"<td><code>test_{esc(name)}</code></td><td>{share.proven} of {share.total}</td></tr>"
        )
    return data_table("atlas-probes", ["Feature", "The probe", "Test", "Cells proven"], rows)


def server_table_html(dataset: Dataset, linker: Linker) -> str:
    """Per server: cells proven, or why the probes cannot run it here."""
    rows = []
    total = len(ServerFeatures.model_fields)
    for server in _servers(dataset):
        proven = sum(proven_by(server, n) is not None for n in ServerFeatures.model_fields)
        why = esc(server.probe_skip) if server.probe_skip else "—"
        rows.append(
            f'<tr><th scope="row">{linker.entity(server.id)}</th>'
            f"<td>{proven} of {total}</td><td>{why}</td></tr>"
        )
    headers = ["Server", "Cells proven", "Not run here because"]
    return data_table("atlas-probe-servers", headers, rows)


def findings_html(dataset: Dataset, linker: Linker) -> str:
    """Every claim a server probe contradicted, with its correction and source."""
    items = []
    for server in _servers(dataset):
        for finding in server.probe_findings:
            shown = value_label if finding.field.startswith("features.") else str
            was, now = esc(shown(finding.was)), esc(shown(finding.now))
            items.append(
                f"<li>{linker.entity(server.id)}, <code>{esc(finding.field)}</code>: "
                f"<del>{was}</del> → <strong>{now}</strong>. {esc(finding.observed)} "
                f'(<code>{esc(finding.test)}</code>, <a href="{esc(str(finding.source))}">'
                f'source</a>, <time datetime="{finding.found}">{finding.found}</time>)</li>'
            )
    if not items:
        return "<p>No server probe has contradicted a claim.</p>"
    return f'<ul class="atlas-findings">{"".join(items)}</ul>'


def undecidable_html() -> str:
    """Server features no probe decides here, and why."""
    items = [
        f"<li><strong>{esc(feature_label(name))}</strong>: {esc(why)}.</li>"
        for name, why in UNDECIDABLE.items()
    ]
    return f"<ul>{''.join(items)}</ul>"
