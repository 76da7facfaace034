"""Server feature flags and probe findings: grammar, rule, and which cells count as proven."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.apps.server_probes import PROBES, proven_by
from macros.data.features import ServerFeatures
from macros.data.loader import load_dataset
from macros.data.model import Server
from macros.data.problems import DataError
from macros.data.run_template import fill_flags, fill_template
from macros.data.server_flags import ServerFeatureFlags
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]


def _server_problems(make_data: MakeData, extra: str) -> list[str]:
    root = make_data(GOOD_TREE)
    path = root / "servers" / "uvicorn.yaml"
    path.write_text(path.read_text() + extra)
    try:
        load_dataset(root)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def test_flags_go_at_the_flags_placeholder_or_the_end() -> None:
    assert fill_template("s {target} -p {port}", "m:a", "h", 1, "--x") == "s m:a -p 1 --x"
    assert fill_template("s {flags} {target}", "m:a", "h", 1, "--x") == "s --x m:a"
    assert fill_template("s {flags} {target}", "m:a", "h", 1) == "s m:a"
    assert fill_template("t --wsgi {target_dotted}", "m:a", "h", 1) == "t --wsgi m.a"
    assert fill_flags("--uds {socket}", {"socket": "/tmp/s"}) == "--uds /tmp/s"


def test_unknown_flag_placeholder_is_reported(make_data: MakeData) -> None:
    found = _server_problems(make_data, 'feature_flags: {tls: "--cert {cert}"}\n')
    assert len(found) == 1 and "feature_flags.tls: unknown placeholder cert" in found[0]


def test_a_finding_must_match_the_cell(make_data: MakeData) -> None:
    finding = (
        "probe_findings:\n  - {field: features.tls, was: 'yes', now: 'no', observed: x, "
        "test: t, source: 'https://example.org/x', found: 2026-01-01}\n"
    )
    found = _server_problems(make_data, finding)
    assert len(found) == 1 and "features.tls holds None, not 'no'" in found[0]


def test_every_flag_names_a_server_feature() -> None:
    assert set(ServerFeatureFlags.model_fields) <= set(ServerFeatures.model_fields)
    assert set(PROBES) <= set(ServerFeatures.model_fields)


def _server(**fields: object) -> Server:
    base: dict[str, object] = {
        "id": "s",
        "name": "S",
        "summary": "x",
        "description": "x",
        "protocols": ["asgi"],
        "implementation_language": ["Python"],
        "run": {"asgi": "s {target}"},
        "sources": [{"url": "https://example.org", "title": "x"}],
        "as_of": "2026-01-01",
    }
    return Server.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("feature", "value", "flags", "proven"),
    [
        ("keep_alive", "yes", None, True),  # the plain command decides it
        ("keep_alive", "no", None, True),
        ("tls", "yes", None, False),  # needs flags to start it
        ("tls", "yes", "--cert {certfile}", True),
        ("tls", "no", None, False),  # nothing to try
        ("http2", "no", None, True),  # h2c on the plain command
        ("http2", "yes", None, False),
        ("websockets", "via-plugin", None, False),
        ("http3", "yes", None, False),  # no probe
    ],
)
def test_which_cells_are_proven(feature: str, value: str, flags: str | None, proven: bool) -> None:
    server = _server(
        features={feature: {"value": value}},
        feature_flags={feature: flags} if flags else {},
    )
    assert (proven_by(server, feature) is not None) is proven


def test_a_server_the_probes_cannot_run_proves_nothing() -> None:
    server = _server(features={"keep_alive": {"value": "yes"}}, probe_skip="not here")
    assert proven_by(server, "keep_alive") is None
