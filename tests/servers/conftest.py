"""Run each server's probes one after another, so a server's configurations start once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Sort the server probes by server (stable otherwise)."""

    def key(item: pytest.Item) -> str:
        callspec = getattr(item, "callspec", None)
        if item.path.parent == Path(__file__).resolve().parent and callspec is not None:
            return str(callspec.params.get("server_id", ""))
        return ""

    items.sort(key=key)
