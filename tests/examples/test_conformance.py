"""Run every example in data/examples/ as a real server and check the same API over HTTP.

Each (framework, server) pair starts in its own process group on 127.0.0.1 and is always stopped.
The feature tests (``test_openapi[<id>]``, ``test_websocket[<id>]``, ``test_sse[<id>]``) also hold
the claims in ``data/frameworks/<id>.yaml`` to what the example really does; the site cites them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from http_probes import probe_api, probe_openapi, probe_sse, probe_websocket

from macros.apps.process import AppProcess, running_app
from macros.apps.env import ensure_env, env_vars
from macros.apps.runs import (
    ExampleCase,
    command_template,
    example_cases,
    load_framework,
)
from macros.data.model import Example, Feature
from macros.data.problems import DataError

READY_PATH = "/plaintext"
START_DEADLINE = 20.0  # seconds; a run (start, probes, stop) stays well under 30 s

STOP_GRACE = 3.0  # seconds between SIGTERM and SIGKILL; Robyn ignores SIGTERM

CASES = example_cases()
FIRST_RUNS: dict[str, ExampleCase] = {}  # the first (default) run of each example
for _case in CASES:
    FIRST_RUNS.setdefault(_case.example.framework, _case)
Probe = Callable[[str, str], list[str]]


def _param(case: ExampleCase, test_id: str) -> object:
    marks = [pytest.mark.slow, pytest.mark.xdist_group(case.example.framework)]
    return pytest.param(case, id=test_id, marks=marks)


RUN_PARAMS = [_param(c, c.id) for c in CASES]
EXAMPLE_PARAMS = [_param(FIRST_RUNS[k], k) for k in sorted(FIRST_RUNS)]


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
        if example.openapi_path:
            problems += probe_openapi(app.base_url, example.openapi_path)
        if example.websocket_path:
            problems += probe_websocket(app.base_url, example.websocket_path)
        if example.sse_path:
            problems += probe_sse(app.base_url, example.sse_path)
    assert not problems, f"{case.id} ({' '.join(app.argv)}):\n" + "\n".join(problems)


def _check_feature(case: ExampleCase, feature: str, path: str | None, probe: Probe) -> None:
    """The example must show what ``data/frameworks/<id>.yaml`` claims, and nothing it denies."""
    example: Example = case.example
    if example.skip:
        pytest.skip(f"{case.data_path}: {example.skip}")
    data_file = f"data/frameworks/{example.framework}.yaml"
    try:
        claim: Feature | None = getattr(load_framework(example.framework).features, feature)
    except DataError as error:
        pytest.fail(f"{data_file} cannot be read:\n{error.report()}")
    value = claim.value if claim else None
    if path is None:
        if value == "yes":
            pytest.fail(
                f"{data_file}: features.{feature} is 'yes', but {case.data_path} sets no "
                f"{feature} path: add the endpoint to examples/{example.framework}/"
            )
        pytest.skip(f"not in the example ({data_file}: features.{feature} is {value or 'unset'})")
    with served(case) as app:
        problems = probe(app.base_url, path)
    if problems:
        pytest.fail(
            f"{case.data_path}: {feature} probe of {path} failed "
            f"({data_file} says {value or 'unset'}):\n" + "\n".join(problems)
        )
    if value == "no":
        pytest.fail(
            f"{data_file}: features.{feature} is 'no', but examples/{example.framework}/ "
            f"serves it at {path}: correct the data"
        )


@pytest.mark.parametrize("case", EXAMPLE_PARAMS)
def test_openapi(case: ExampleCase) -> None:
    """The OpenAPI document is served where the example says, as the framework data claims."""
    _check_feature(case, "openapi", case.example.openapi_path, probe_openapi)


@pytest.mark.parametrize("case", EXAMPLE_PARAMS)
def test_websocket(case: ExampleCase) -> None:
    """The WebSocket echo works where the example says, as the framework data claims."""
    _check_feature(case, "websockets", case.example.websocket_path, probe_websocket)


@pytest.mark.parametrize("case", EXAMPLE_PARAMS)
def test_sse(case: ExampleCase) -> None:
    """Server-sent events stream where the example says, as the framework data claims."""
    _check_feature(case, "sse", case.example.sse_path, probe_sse)
