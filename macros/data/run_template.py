"""Command templates (`run` of servers, `command` of example runs): fill and check them."""

from __future__ import annotations

import string

from macros.data.model import Example, ExampleRun, Server

FIELDS = frozenset({"target", "host", "port"})
"""The placeholders a template may use: `{target}` (module:app), `{host}`, `{port}`."""


def template_fields(template: str) -> set[str]:
    """The placeholder names used in ``template`` (raises ValueError on a malformed one)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def unknown_fields(template: str) -> list[str]:
    """Placeholders that are not in :data:`FIELDS`, or a description of why it cannot be parsed."""
    try:
        return sorted(template_fields(template) - FIELDS)
    except ValueError as error:
        return [f"malformed template ({error})"]


def fill_template(template: str, target: str, host: str, port: int | str) -> str:
    """The command line for an app at ``target`` listening on ``host:port``."""
    return template.format(target=target, host=host, port=port)


def example_run_template(example: Example, run: ExampleRun, server: Server | None) -> str | None:
    """A run's own ``command``, else its server's ``run`` template for the example's interface."""
    if run.command:
        return run.command
    if server is None:
        return None
    return {str(key): value for key, value in server.run.items()}.get(example.interface)
