"""Example apps: the framework and every run's server exist, and each run has a usable command.

A run without its own `command` borrows the server's `run` template for the example's interface,
so that server must have one; templates may only use `{target}`, `{host}` and `{port}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.loader import Dataset
from macros.model import Example, Framework, Server
from macros.problems import Problem
from macros.run_template import FIELDS, unknown_fields
from macros.yaml_source import YamlDocument


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report dangling ids, missing templates and unknown placeholders in examples and servers."""
    for framework_id, example in sorted(dataset.examples.items()):
        doc = dataset.example_documents[framework_id]
        if not isinstance(dataset.entities.get(example.framework), Framework):
            yield doc.problem(("framework",), f"no framework has id {example.framework!r}")
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
    if run.command is not None:
        for name in unknown_fields(run.command):
            yield doc.problem((*loc, "command"), f"unknown placeholder {name}: use {_fields()}")
        if run.server != example.framework and not isinstance(
            dataset.entities.get(run.server), Server
        ):
            yield doc.problem(
                (*loc, "server"), f"{run.server!r} is neither a server nor this framework"
            )
        return
    server = dataset.entities.get(run.server)
    if not isinstance(server, Server):
        yield doc.problem((*loc, "server"), f"no server has id {run.server!r}")
    elif example.interface not in server.run:
        yield doc.problem(
            (*loc, "server"),
            f"{run.server} has no run.{example.interface} template: add one to its data file "
            "or give this run a `command`",
        )


def _fields() -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(FIELDS))
