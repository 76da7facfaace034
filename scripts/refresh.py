"""Update package facts (version, release date, Python, license) from the package index."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas refresh``."""


def run(args: argparse.Namespace) -> int:
    """Not written yet."""
    return 2
