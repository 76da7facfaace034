"""Production settings: every measured command declares them and uses every flag it declares.

A server with `run` templates needs a `production` block, and each declared flag must be in every
template. A framework's own-server run needs its own `production` block for its `command`. A run
that gives its own `command` for a server entity must still carry that server's flags.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.model import Server
from macros.data.problems import Problem
from macros.data.production import Production
from macros.data.yaml_source import Loc, YamlDocument


def check(dataset: Dataset) -> Iterator[Problem]:
    """Missing production blocks and declared flags a command does not use."""
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        if not isinstance(entity, Server) or not entity.run:
            continue
        doc = dataset.documents[entity.id]
        if entity.production is None:
            yield doc.problem(
                ("run",),
                "no `production` block: declare the flags that switch off the access log, set "
                "the log level to warning, and say whether debug mode and reload are off",
            )
            continue
        for protocol, template in sorted(entity.run.items()):
            yield from _missing(doc, ("run", protocol), entity.production, template)
    for framework_id, example in sorted(dataset.examples.items()):
        doc = dataset.example_documents[framework_id]
        for index, run in enumerate(example.runs):
            loc = ("runs", index)
            if run.server == example.framework:
                if run.production is None:
                    yield doc.problem(
                        (*loc, "server"),
                        f"the own-server run of {framework_id} has no `production` block: "
                        "declare its access-log, log-level, debug and reload settings",
                    )
                elif run.command is not None:
                    yield from _missing(doc, (*loc, "command"), run.production, run.command)
                continue
            server = dataset.entities.get(run.server)
            if run.command is not None and isinstance(server, Server) and server.production:
                yield from _missing(doc, (*loc, "command"), server.production, run.command)


def _missing(
    doc: YamlDocument, loc: Loc, production: Production, command: str
) -> Iterator[Problem]:
    for setting, flag in production.missing_from(command):
        yield doc.problem(
            loc, f"the {setting} flag {flag!r} of the production settings is not in this command"
        )
