"""The ``atlas`` command: one entry point, one module per sub-command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "validate": "scripts.data.validate",
    "schema": "scripts.data.export_schema",
    "refresh": "scripts.data.refresh",
    "bench": "scripts.bench.cli",
    "bench-micro": "scripts.bench.micro",
    "bench-summary": "scripts.bench.summary",
    "check-site": "scripts.site.check",
    "lighthouse": "scripts.site.lighthouse",
    "bench-build": "scripts.site.bench_build",
}
"""Sub-command name -> module with ``add_arguments(parser)`` and ``run(args) -> int``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="atlas", description="Python Backend Atlas tools.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        summary = module.__doc__.splitlines()[0] if module.__doc__ else None
        sub = subparsers.add_parser(name, help=summary)
        module.add_arguments(sub)
        sub.set_defaults(module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a sub-command and return its exit code."""
    args = build_parser().parse_args(argv)
    code: int = args.module.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
