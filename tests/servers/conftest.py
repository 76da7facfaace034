"""Run each server's probes one after another, so a server's configurations start once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Sort the server probes by server, in the slots they already hold (others keep theirs)."""
    here = Path(__file__).resolve().parent
    slots = [i for i, item in enumerate(items) if item.path.parent == here]

    def server(item: pytest.Item) -> str:
        callspec = getattr(item, "callspec", None)
        return str(callspec.params.get("server_id", "")) if callspec is not None else ""

    for slot, item in zip(slots, sorted((items[i] for i in slots), key=server), strict=True):
        items[slot] = item
