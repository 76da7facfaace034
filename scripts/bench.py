"""HTTP benchmarks with wrk: paired, interleaved windows against a reference (work in progress)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas bench``."""


def run(args: argparse.Namespace) -> int:
    """Not implemented yet."""
    return 2
