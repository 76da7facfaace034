"""Turn a recommendation of the decision tree into a stack: picks, trade-offs, first commands."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.decision_model import ROLE_TITLES, Recommendation
from macros.data.model import Entity, Framework, Server
from macros.data.run_template import fill_template

DEV_ROLES = ("testing", "linter", "type_checker")
"""Roles whose packages are development dependencies (`uv add --dev`)."""

TOOL_ROLES = ("package_manager",)
"""Roles that run the project rather than belong to it: never added as dependencies."""

TRADE_OFF_ROLES = ("framework", "server", "validation", "task_queue")
"""Roles whose recorded weaknesses the stack lists under "What you give up"."""

RUN_HOST = "127.0.0.1"
RUN_PORT = 8000


@dataclass(frozen=True)
class StackPart:
    """One resolved pick of a stack."""

    role: str
    title: str
    entity: Entity
    why: str
    alternative: Entity | None
    alternative_why: str | None


def stack_parts(rec: Recommendation, dataset: Dataset) -> list[StackPart]:
    """The picks of ``rec`` in role order, resolved to entities."""
    parts = []
    for role, title in ROLE_TITLES.items():
        pick = rec.stack.get(role)  # type: ignore[call-overload]
        if pick is None:
            continue
        alternative = dataset.entities.get(pick.alternative) if pick.alternative else None
        parts.append(
            StackPart(
                role, title, dataset.entities[pick.id], pick.why, alternative, pick.alternative_why
            )
        )
    return parts


def trade_offs(rec: Recommendation, dataset: Dataset) -> list[tuple[Entity, str]]:
    """What you give up: the recorded weaknesses of the picks in :data:`TRADE_OFF_ROLES`."""
    return [
        (part.entity, weakness)
        for part in stack_parts(rec, dataset)
        if part.role in TRADE_OFF_ROLES
        for weakness in part.entity.weaknesses
    ]


def add_commands(rec: Recommendation, dataset: Dataset) -> list[list[str]]:
    """``uv add`` argument lists (runtime, then dev), from each pick's ``install`` data."""
    runtime: list[str] = []
    dev: list[str] = []
    for part in stack_parts(rec, dataset):
        if part.role in TOOL_ROLES:
            continue
        target = dev if part.role in DEV_ROLES else runtime
        target += [req for req in part.entity.install if req not in target]
    commands = [["uv", "add", *runtime]] if runtime else []
    if dev:
        commands.append(["uv", "add", "--dev", *dev])
    return commands


def run_command(rec: Recommendation, dataset: Dataset) -> list[str] | None:
    """The command that starts the app, from the server's `run` template or the framework's
    own-server example; ``None`` where the stack has no server process (e.g. serverless)."""
    framework = dataset.entities[rec.stack["framework"].id]
    assert isinstance(framework, Framework)
    example = dataset.examples.get(framework.id)
    target = example.target if example else "app:app"
    server_pick = rec.stack.get("server")
    if server_pick is not None:
        server = dataset.entities[server_pick.id]
        assert isinstance(server, Server)
        interface = next((i for i in framework.interfaces if i in server.run), None)
        if interface is None:
            return None
        template = server.run[interface]
    else:
        own = [r.command for r in example.runs if r.server == framework.id] if example else []
        if not own or own[0] is None:
            return None
        template = own[0]
    text = fill_template(template, target, RUN_HOST, RUN_PORT)
    return ["uv", "run", *shlex.split(text)]


def getting_started(rec: Recommendation, dataset: Dataset) -> str:
    """A shell snippet: create the project, add the packages, start the server."""
    lines = ["uv init my-app", "cd my-app"]
    lines += [shlex.join(cmd) for cmd in add_commands(rec, dataset)]
    run = run_command(rec, dataset)
    if run:
        lines.append(shlex.join(run))
    return "\n".join(lines)
