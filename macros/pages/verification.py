"""Which framework feature cells a test proves, the share proven, and what no test can decide.

A cell is proven when ``tests/examples/test_features.py`` probes it: the framework's example
declares the feature in ``data/examples/<id>.yaml`` (``features:``), or the feature is decided for
every example (``typed``, read from the installed package). The test fails when the cell and the
behaviour disagree, either way, so a cell shown as proven is one the suite holds to the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.features import FrameworkFeatures
from macros.data.model import Example, ExampleFeatures, Feature
from macros.pages.html_text import data_table, esc
from macros.pages.kinds import feature_label as _fallback_label

FEATURE_TEST = "tests/examples/test_features.py"
ALWAYS_PROBED = ("typed",)
"""Features decided for every example without an endpoint (so a "no" is proven too)."""
PROBED: tuple[str, ...] = (*ExampleFeatures.model_fields, *ALWAYS_PROBED)
"""Framework features a probe can decide."""

UNDECIDABLE: dict[str, str] = {
    "dependency_injection": "Over HTTP a resolved parameter looks like any other; whether a "
    "provider was injected is a fact about the code, which a reader checks in the example.",
    "class_based_views": "A class and a function answer the same bytes; the structure of the "
    "handler is not visible from outside.",
    "http2": "A property of the server the app runs under; the server matrix probes it.",
    "http3": "Needs a QUIC client and a server that speaks it; decided by the server, not the "
    "framework.",
    "orm": "Whether an ORM ships inside the framework is a packaging fact, not a behaviour a "
    "request can observe.",
    "migrations": "Needs a database and two schema versions; running a migration tool proves the "
    "tool, not a claim about the framework.",
    "admin": "An admin site is a whole application with users and permissions; a probe would "
    "only test our configuration of it.",
    "graphql": "Usually a third-party library mounted on the app: the probe would test that "
    "library.",
    "auth": "Authentication schemes vary too much (sessions, tokens, OAuth2) for one probe to "
    "mean the same thing in every row.",
    "permissions": "Decided by the app's own rules; any framework can return 403 from a "
    "hand-written check, so a probe cannot tell a built-in guard from one.",
    "rate_limiting": "Limits depend on the store and the clock; a reliable probe needs minutes "
    "and a shared store.",
    "caching": "A cached and an uncached handler answer alike; only timing or counters tell, "
    "and they are flaky on a shared machine.",
    "opentelemetry": "Needs a collector to receive the traces; an SDK that exports proves the "
    "SDK, not the framework's instrumentation.",
    "free_threading": "Needs a free-threaded CPython build of every dependency; the claim is "
    "the project's own statement of support.",
    "auto_reload": "Needs editing a file under a running dev server and waiting for a restart: "
    "slow and timing-dependent.",
}
"""Framework features no probe decides, and why (shown on the verification page)."""


def feature_label(name: str) -> str:
    """The column label the model gives a framework feature (e.g. "CSRF protection")."""
    extra = FrameworkFeatures.model_fields[name].json_schema_extra
    label = extra.get("label") if isinstance(extra, dict) else None
    return label if isinstance(label, str) else _fallback_label(name)


def feature_test_id(framework: str, feature: str) -> str:
    """The pytest id of the probe of one cell."""
    return f"{FEATURE_TEST}::test_feature[{feature}-{framework}]"


def proven(example: Example | None, feature: str) -> bool:
    """True when the suite probes ``feature`` for this framework's example."""
    if example is None or example.skip or feature not in PROBED:
        return False
    return feature in ALWAYS_PROBED or getattr(example.features, feature) is not None


@dataclass(frozen=True)
class Share:
    """How many framework cells the suite proves."""

    claimed_probeable: int
    """yes / partial / via-plugin cells of probe-able features, all frameworks."""
    claimed_with_example: int
    """The same, for frameworks that have an example app."""
    claimed_proven: int
    cells: int
    """Every framework feature cell."""
    proven: int

    @staticmethod
    def percent(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f} %" if whole else "n/a"


def verification_share(dataset: Dataset) -> Share:
    """Count proven cells over the framework data and the examples."""
    claimed = with_example = claimed_proven = cells = proven_cells = 0
    for entity in dataset.of_kind("framework"):
        example = dataset.examples.get(entity.id)
        for name, cell in entity.features:  # type: ignore[attr-defined]
            cells += 1
            is_proven = proven(example, name)
            proven_cells += is_proven
            if name in PROBED and isinstance(cell, Feature) and cell.value != "no":
                claimed += 1
                with_example += example is not None and not example.skip
                claimed_proven += is_proven
    return Share(claimed, with_example, claimed_proven, cells, proven_cells)


def share_html(dataset: Dataset, method_page: str) -> str:
    """One paragraph with the shares, computed from the data at build time."""
    s = verification_share(dataset)
    return (
        '<p class="atlas-share">Of the framework cells a probe can decide that claim support '
        f"(yes, partial or via a plugin), <strong>{s.claimed_proven} of {s.claimed_with_example}"
        f" ({s.percent(s.claimed_proven, s.claimed_with_example)})</strong> are verified by a "
        "test for the frameworks that have an example app "
        f"({s.claimed_proven} of {s.claimed_probeable} across all frameworks, "
        f"{s.percent(s.claimed_proven, s.claimed_probeable)}). Of all "
        f"{s.cells} framework cells, <strong>{s.proven} "
        f"({s.percent(s.proven, s.cells)})</strong> are verified. "
        f'<a href="{esc(method_page)}">How cells are verified</a>.</p>'
    )


def undecidable_html() -> str:
    """The features no probe decides, with the reason."""
    rows = "".join(
        f'<tr><th scope="row">{esc(feature_label(name))}</th><td>{esc(why)}</td></tr>'
        for name, why in UNDECIDABLE.items()
    )
    return data_table("atlas-undecidable", ["Feature", "Why no test decides it"], [rows])


def probed_html(dataset: Dataset) -> str:
    """Per probe-able feature: how many examples demonstrate it, of those whose data claims it."""
    rows = []
    for name in PROBED:
        claimed = shown = 0
        for framework, example in sorted(dataset.examples.items()):
            cell = getattr(dataset.entities[framework].features, name, None)  # type: ignore[attr-defined]
            if isinstance(cell, Feature) and cell.value != "no":
                claimed += 1
                shown += proven(example, name)
        rows.append(
            f'<tr><th scope="row">{esc(feature_label(name))}</th><td>{shown}</td>'
            f"<td>{claimed}</td></tr>"
        )
    headers = ["Feature", "Examples probed", "Examples whose data claims it"]
    return data_table("atlas-probed", headers, rows)


def findings_html(dataset: Dataset, entity_pages: dict[str, str]) -> str:
    """The claims a probe contradicted, with the correction and its source."""
    findings = dataset.findings.findings
    if not findings:
        return "<p>No probe has contradicted a claim in the data yet.</p>"
    rows = []
    for f in findings:
        name = dataset.entities[f.framework].name
        page = entity_pages.get(f.framework, "")
        who = f'<a href="{esc(page)}">{esc(name)}</a>' if page else esc(name)
        claim = (
            f"{f.was} → {f.now}"
            if f.was != f.now
            else f"{f.now} (value kept; note or plugin corrected)"
        )
        rows.append(
            f'<tr><th scope="row">{who}</th><td>{esc(feature_label(f.feature))}</td>'
            f"<td>{esc(claim)}</td><td>{esc(f.observed)}</td>"
            f"<td><code>{esc(f.test.rsplit('::', 1)[-1])}</code></td>"
            f'<td><a href="{esc(str(f.source))}">source</a></td>'
            f'<td><time datetime="{f.found}">{f.found}</time></td></tr>'
        )
    headers = ["Framework", "Feature", "Claim", "What the probe saw", "Test", "Source", "Found"]
    return data_table("atlas-findings", headers, rows)
