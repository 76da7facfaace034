"""Example apps: the framework and every run's server exist, and each run has a usable command.

A run may skip the WebSocket probe (`without_websockets`) only after the first run, and only when
the example declares a WebSocket route.

A run without its own `command` borrows the server's `run` template for the example's interface,
so that server must have one; templates may only use `{target}`, `{host}` and `{port}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.model import Example, Framework, Server
from macros.data.problems import Problem
from macros.data.references import unknown_reference
from macros.data.run_template import FIELDS, unknown_fields
from macros.data.yaml_source import Loc, YamlDocument


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report dangling ids, missing templates and unknown placeholders in examples and servers."""
    for framework_id, example in sorted(dataset.examples.items()):
        doc = dataset.example_documents[framework_id]
        if not isinstance(dataset.entities.get(example.framework), Framework):
            yield _not_a(dataset, doc, ("framework",), example.framework, "framework")
        for index in range(len(example.runs)):
            yield from _check_run(dataset, doc, example, index)
    for entity in dataset.entities.values():
        if isinstance(entity, Server):
            for protocol, template in entity.run.items():
                for name in unknown_fields(template):
                    yield dataset.documents[entity.id].problem(
                        ("run", protocol), f"unknown placeholder {name}: use {_fields()}"
                    )


def _check_run(
    dataset: Dataset, doc: YamlDocument, example: Example, index: int
) -> Iterator[Problem]:
    run = example.runs[index]
    loc = ("runs", index)
    if run.without_websockets is not None and (index == 0 or example.features.websockets is None):
        why = "the first run decides the framework's cell" if index == 0 else "none is declared"
        yield doc.problem((*loc, "without_websockets"), f"no WebSocket probe to skip here: {why}")
    if run.command is not None:
        for name in unknown_fields(run.command):
            yield doc.problem((*loc, "command"), f"unknown placeholder {name}: use {_fields()}")
        if run.server != example.framework and not isinstance(
            dataset.entities.get(run.server), Server
        ):
            aside = " (nor this example's framework)"
            yield _not_a(dataset, doc, (*loc, "server"), run.server, "server", aside)
        return
    server = dataset.entities.get(run.server)
    if not isinstance(server, Server):
        yield _not_a(dataset, doc, (*loc, "server"), run.server, "server")
    elif example.interface not in server.run:
        yield doc.problem(
            (*loc, "server"),
            f"{run.server} has no run.{example.interface} template: add one to its data file "
            "or give this run a `command`",
        )


def _not_a(
    dataset: Dataset, doc: YamlDocument, loc: Loc, ref: str, expected: str, aside: str = ""
) -> Problem:
    """An id that names nothing (one folded reference problem) or an entity of another kind."""
    entity = dataset.entities.get(ref)
    if entity is None:
        return unknown_reference(doc, loc, ref, expected)
    return doc.problem(loc, f"{ref!r} is a {entity.kind}, not a {expected}{aside}")


def _fields() -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(FIELDS))
