"""Command templates (`run` of servers, `command` of example runs): fill and check them."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

from macros.data.model import Example, ExampleRun, Server
from macros.data.server_flags import FLAG_FIELDS

FIELDS = frozenset({"target", "target_dotted", "host", "port", "flags"})
"""The placeholders a template may use: `{target}` (module:app), `{target_dotted}` (module.app,
for servers that take a dotted name), `{host}`, `{port}`, and `{flags}`, where the server probes
put a feature's flags (empty otherwise; default: the end)."""


def template_fields(template: str) -> set[str]:
    """The placeholder names used in ``template`` (raises ValueError on a malformed one)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def unknown_fields(template: str) -> list[str]:
    """Placeholders that are not in :data:`FIELDS`, or a description of why it cannot be parsed."""
    try:
        return sorted(template_fields(template) - FIELDS)
    except ValueError as error:
        return [f"malformed template ({error})"]


def fill_template(template: str, target: str, host: str, port: int | str, flags: str = "") -> str:
    """The command line for an app at ``target`` listening on ``host:port``, with ``flags``."""
    if flags and "flags" not in template_fields(template):
        template += " {flags}"
    dotted = target.replace(":", ".")
    text = template.format(target=target, target_dotted=dotted, host=host, port=port, flags=flags)
    return re.sub(r"  +", " ", text).strip()


def unknown_flag_fields(template: str) -> list[str]:
    """Placeholders of a feature-flag template that are not in :data:`FLAG_FIELDS`."""
    try:
        return sorted(template_fields(template) - FLAG_FIELDS)
    except ValueError as error:
        return [f"malformed template ({error})"]


def fill_flags(template: str, values: Mapping[str, object]) -> str:
    """A feature-flag template with its placeholders filled from ``values``."""
    return template.format(**{name: values[name] for name in template_fields(template)})


def example_run_template(example: Example, run: ExampleRun, server: Server | None) -> str | None:
    """A run's own ``command``, else its server's ``run`` template for the example's interface."""
    if run.command:
        return run.command
    if server is None:
        return None
    return {str(key): value for key, value in server.run.items()}.get(example.interface)
