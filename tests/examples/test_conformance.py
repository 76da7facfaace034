"""Run every example in data/examples/ as a real server and check the same API over HTTP.

Each (framework, server) pair starts in its own process group on 127.0.0.1 and is always stopped.
Under every server the API is checked together with the example's WebSocket, SSE and OpenAPI
endpoints (the WebSocket route is skipped under a run that says why it cannot carry it:
``without_websockets``); test_features.py holds each framework's feature cells to the example, once
per example, on its first run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from http_probes import probe_api, probe_openapi, probe_sse, probe_websocket

from macros.apps.env import ensure_env, env_vars
from macros.apps.process import AppProcess, running_app
from macros.apps.runs import ExampleCase, command_template, example_cases

READY_PATH = "/plaintext"
START_DEADLINE = 20.0  # seconds; a run (start, probes, stop) stays well under 30 s

STOP_GRACE = 3.0  # seconds between SIGTERM and SIGKILL; Robyn ignores SIGTERM

CASES = example_cases()
FIRST_RUNS: dict[str, ExampleCase] = {}  # the first (default) run of each example
for _case in CASES:
    FIRST_RUNS.setdefault(_case.example.framework, _case)


def _param(case: ExampleCase, test_id: str) -> object:
    marks = [pytest.mark.slow, pytest.mark.xdist_group(case.example.framework)]
    return pytest.param(case, id=test_id, marks=marks)


RUN_PARAMS = [_param(c, c.id) for c in CASES]


@contextmanager
def served(case: ExampleCase) -> Iterator[AppProcess]:
    """The example running under the case's server, for the length of the ``with`` block."""
    if case.example.skip:
        pytest.skip(f"{case.data_path}: {case.example.skip}")
    venv = ensure_env(case.example.framework, case.folder / "requirements.txt")
    template = command_template(case.example, case.run)
    with running_app(
        template,
        cwd=case.folder,
        target=case.example.target,
        env=env_vars(venv),
        ready_path=READY_PATH,
        deadline=START_DEADLINE,
        grace=STOP_GRACE,
    ) as app:
        yield app


@pytest.mark.parametrize("case", RUN_PARAMS)
def test_api(case: ExampleCase) -> None:
    """Every endpoint of the example API, plus its declared extras, under one server."""
    example = case.example
    with served(case) as app:
        problems = probe_api(app.base_url)
        shown = example.features
        if shown.openapi:
            problems += probe_openapi(
                app.base_url, shown.openapi, shown.request_validation or "/users"
            )
        if shown.websockets and not case.run.without_websockets:
            problems += probe_websocket(app.base_url, shown.websockets)
        if shown.sse:
            problems += probe_sse(app.base_url, shown.sse)
    assert not problems, f"{case.id} ({' '.join(app.argv)}):\n" + "\n".join(problems)
