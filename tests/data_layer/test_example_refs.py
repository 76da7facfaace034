"""The example rule: frameworks and servers exist, runs have a usable command template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.loader import load_dataset
from macros.data.problems import DataError
from tests.conftest import GOOD_TREE

MakeData = Callable[[str], Path]

EXAMPLE = """\
# yaml-language-server: $schema=../../schemas/example.schema.json
framework: fastapi
interface: asgi
target: app:app
runs:
  - server: uvicorn
  - server: fastapi
    command: "python app.py --port {port} --bind {hots}"
    production:
      access_log: {effect: Off by default., source: "https://example.org/a"}
      log_level: {effect: Warning by default., source: "https://example.org/a"}
      debug: {effect: None., source: "https://example.org/a"}
      reload: {effect: Off by default., source: "https://example.org/a"}
      checked: 2026-01-01
"""


def problems(
    make_data: MakeData, example: str, server_edit: tuple[str, str] = ("", "")
) -> list[str]:
    root = make_data(GOOD_TREE)
    (root / "examples").mkdir()
    (root / "examples" / "fastapi.yaml").write_text(example)
    server = root / "servers" / "uvicorn.yaml"
    server.write_text(server.read_text().replace(*server_edit))
    with pytest.raises(DataError) as caught:
        load_dataset(root)
    return [str(p) for p in caught.value.problems]


def test_unknown_placeholder_in_command(make_data: MakeData) -> None:
    assert problems(make_data, EXAMPLE) == [
        "data/examples/fastapi.yaml:8:5: runs[1].command: unknown placeholder hots: "
        "use {flags}, {host}, {port}, {target}, {target_dotted}"
    ]


def test_unknown_server_and_framework(make_data: MakeData) -> None:
    example = (
        EXAMPLE.replace("framework: fastapi", "framework: fastapy")
        .replace("server: uvicorn", "server: unicorn")
        .replace("{hots}", "{host}")
    )
    assert problems(make_data, example) == [
        "data/examples/fastapi.yaml:7:5: runs[1].server: 'fastapi' is a framework, not a server "
        "(nor this example's framework)",
        "data/examples/fastapi.yaml:2:1: framework: no framework has id 'fastapy': "
        "did you mean 'fastapi'?",
        "data/examples/fastapi.yaml:6:5: runs[0].server: no server has id 'unicorn': "
        "did you mean 'uvicorn'?",
    ]


def test_server_without_template_for_the_interface(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}")
    found = problems(make_data, example, ("run: {asgi:", "run: {wsgi:"))
    assert found == [
        "data/examples/fastapi.yaml:6:5: runs[0].server: uvicorn has no run.asgi template: add "
        "one to its data file or give this run a `command`"
    ]


def test_server_template_placeholders_are_checked(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}")
    found = problems(make_data, example, ("--port {port}", "--port {prot}"))
    assert found == [
        "data/servers/uvicorn.yaml:10:7: run.asgi: unknown placeholder prot: use {flags}, {host}, "
        "{port}, {target}, {target_dotted}"
    ]


def test_a_declared_production_flag_must_be_in_the_command(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}").replace(
        "      access_log: {effect: Off by default.,",
        '      access_log: {flag: "--no-access-log", effect: Off.,',
    )
    assert problems(make_data, example) == [
        "data/examples/fastapi.yaml:8:5: runs[1].command: the access_log flag '--no-access-log' "
        "of the production settings is not in this command"
    ]


def test_a_server_template_needs_its_production_flags(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}")
    edit = ("  log_level: {effect:", '  log_level: {flag: "--log-level warning", effect:')
    assert problems(make_data, example, edit) == [
        "data/servers/uvicorn.yaml:10:7: run.asgi: the log_level flag '--log-level warning' "
        "of the production settings is not in this command"
    ]


def test_an_own_server_run_needs_a_production_block(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}")
    example = example[: example.index("    production:")]
    assert problems(make_data, example) == [
        "data/examples/fastapi.yaml:7:5: runs[1].server: the own-server run of fastapi has no "
        "`production` block: declare its access-log, log-level, debug and reload settings"
    ]


def test_the_first_run_cannot_skip_websockets(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}").replace(
        "  - server: uvicorn\n",
        '  - server: uvicorn\n    without_websockets: "Needs another server."\n',
    )
    assert problems(make_data, example) == [
        "data/examples/fastapi.yaml:7:5: runs[0].without_websockets: no WebSocket probe to skip "
        "here: the first run decides the framework's cell"
    ]


def test_without_websockets_needs_a_declared_route(make_data: MakeData) -> None:
    example = EXAMPLE.replace("{hots}", "{host}").replace(
        "  - server: fastapi\n",
        '  - server: fastapi\n    without_websockets: "Needs another server."\n',
    )
    assert problems(make_data, example) == [
        "data/examples/fastapi.yaml:8:5: runs[1].without_websockets: no WebSocket probe to skip "
        "here: none is declared"
    ]
