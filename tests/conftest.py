"""Shared fixtures: a tiny data folder with a few valid entities and a decision tree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ENTITIES = {
    "frameworks/fastapi.yaml": """\
# yaml-language-server: $schema=../../schemas/framework.schema.json
id: fastapi
name: FastAPI
kind: framework
summary: A test framework.
description: A test framework.
install: [fastapi]
camp: layered-asgi
interfaces: [asgi]
handlers: [async]
weaknesses: [Gives up something]
sources: [{url: "https://example.org/fastapi", title: Docs}]
as_of: 2026-01-01
""",
    "servers/uvicorn.yaml": """\
# yaml-language-server: $schema=../../schemas/server.schema.json
id: uvicorn
name: Uvicorn
kind: server
summary: A test server.
description: A test server.
install: ["uvicorn[standard]"]
protocols: [asgi]
implementation_language: [Python]
run: {asgi: "uvicorn {target} --host {host} --port {port}"}
production:
  access_log: {effect: Off by default., source: "https://example.org/uvicorn"}
  log_level: {effect: Warning by default., source: "https://example.org/uvicorn"}
  debug: {effect: None., source: "https://example.org/uvicorn"}
  reload: {effect: Off by default., source: "https://example.org/uvicorn"}
  checked: 2026-01-01
sources: [{url: "https://example.org/uvicorn", title: Docs}]
as_of: 2026-01-01
""",
    "testing/pytest.yaml": """\
# yaml-language-server: $schema=../../schemas/testing.schema.json
id: pytest
name: pytest
kind: testing
summary: A test runner.
description: A test runner.
install: [pytest]
roles: [runner]
sources: [{url: "https://example.org/pytest", title: Docs}]
as_of: 2026-01-01
""",
}

GOOD_TREE = """\
start: first
questions:
  - id: first
    text: What?
    options:
      - label: An API
        result: api
      - label: Something else
        next: second
  - id: second
    text: Really?
    options:
      - label: Yes
        result: api
      - label: No
        result: api
recommendations:
  - id: api
    title: An API stack
    summary: FastAPI on Uvicorn.
    stack:
      framework: {id: fastapi, why: Typed}
      server: {id: uvicorn, why: Standard}
      testing: {id: pytest, why: Standard}
"""


@pytest.fixture
def make_data(tmp_path: Path) -> Callable[[str], Path]:
    """Write the fixture entities and ``tree`` as data/decision-tree.yaml; return data/."""

    def make(tree: str) -> Path:
        root = tmp_path / "data"
        for name, text in ENTITIES.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        (root / "decision-tree.yaml").write_text(tree, encoding="utf-8")
        return root

    return make
