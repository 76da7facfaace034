"""Fixtures of the quality tests: the project's site built once per session (the same cached
build as ``tests/site`` and ``tests/browser``). The browser smoke test lives in
``tests/browser/test_quality_smoke.py`` so that it shares that folder's one Playwright session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.sitebuild import cached_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from ``data/`` (the same cached build as ``tests/site``)."""
    return cached_build(tmp_path_factory.getbasetemp(), "main")
