"""Valid data loads into typed objects; the YAML reader keeps positions and YAML 1.2 booleans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from macros.data.model import Feature, Framework, Server
from macros.data.yaml_source import Position, read_yaml

from .conftest import Write, framework, load

SERVER = """\
# yaml-language-server: $schema=../../schemas/server.schema.json
id: tiny-server
name: Tiny Server
summary: A small test server.
description: Used by the data-layer tests only.
protocols: [asgi]
implementation_language: [Python]
run:
  asgi: "tiny {target} --port {port} --quiet"
production:
  access_log: {flag: "--quiet", effect: "Off with --quiet.", source: "https://example.org/tiny"}
  log_level: {effect: "Warning by default.", source: "https://example.org/tiny"}
  debug: {effect: "None.", source: "https://example.org/tiny"}
  reload: {effect: "Off by default.", source: "https://example.org/tiny"}
  checked: 2026-03-04
features:
  http2: {value: partial, note: "behind a flag", since: "1.2", source: "https://example.org/h2",
          checked: 2026-03-04}
sources:
  - url: https://example.org/tiny
    title: Tiny docs
as_of: 2026-03-04
"""


def test_valid_data_loads_into_typed_objects(write: Write, data_root: Path) -> None:
    extra = """\
alternatives: [tiny-server]
typical_servers: [tiny-server]
first_release: '2019'
released: 2026-01-01
latest_version: '1.0'
features:
  openapi: {value: "yes", source: "https://example.org/o", checked: 2026-01-02}
  sse: {value: "no", source: "https://example.org/s", checked: 2026-01-02}
  websockets: {value: via-plugin, via: [tiny-server], source: "https://example.org/w",
               checked: 2026-01-02}
"""
    write("frameworks/demo.yaml", framework("demo", name="Demo", extra=extra))
    write("servers/tiny-server.yaml", SERVER)
    dataset = load(data_root)

    demo = dataset.entities["demo"]
    assert isinstance(demo, Framework)
    assert demo.features.openapi == Feature(
        value="yes", source="https://example.org/o", checked=dt.date(2026, 1, 2)
    )
    assert demo.features.sse is not None and demo.features.sse.value == "no"
    assert demo.features.websockets is not None
    assert demo.features.websockets.via == ["tiny-server"]
    assert demo.as_of == dt.date(2026, 1, 2)
    assert demo.released == dt.date(2026, 1, 1)
    assert demo.first_release == "2019"
    assert demo.latest_version == "1.0"
    assert demo.sources[0].url == "https://example.org/demo"

    server = dataset.entities["tiny-server"]
    assert isinstance(server, Server)
    assert server.features.http2 == Feature(
        value="partial",
        note="behind a flag",
        since="1.2",
        source="https://example.org/h2",
        checked=dt.date(2026, 3, 4),
    )
    assert server.run == {"asgi": "tiny {target} --port {port} --quiet"}
    assert server.production is not None
    assert server.production.flags() == [("access_log", "--quiet")]
    assert [e.id for e in dataset.of_kind("framework")] == ["demo"]
    assert dataset.source_path("tiny-server") == "data/servers/tiny-server.yaml"


def test_files_starting_with_underscore_and_readme_are_skipped(
    write: Write, data_root: Path
) -> None:
    write("frameworks/demo.yaml", framework("demo"))
    write("frameworks/_draft.yaml", "not: [valid")
    write("frameworks/README.md", "# notes")
    assert list(load(data_root).entities) == ["demo"]


def test_reader_keeps_positions_spans_and_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("# c\na: yes\nb:\n  - 3.10\n  - 'q'\n", encoding="utf-8")
    doc, found = read_yaml(path, "x.yaml")
    assert found == [] and doc is not None
    assert doc.data == {"a": "yes", "b": [3.1, "q"]}  # YAML 1.2: `yes` is text
    assert doc.positions[("a",)] == Position(2, 1)
    assert doc.positions[("b", 1)] == Position(5, 5)
    text = path.read_text(encoding="utf-8")
    start, end = doc.spans[("b", 0)]
    assert text[start:end] == "3.10"
    assert doc.plain[("b", 0)] == "3.10"
    assert ("b", 1) not in doc.plain  # quoted: not plain
