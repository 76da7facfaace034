"""Fixtures of the quality tests: the project's site built once per session (shared with the
site and browser tests), and the browser fixtures of ``tests/browser``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import base_url, browser, page
from tests.site.sitebuild import cached_build

__all__ = ["base_url", "browser", "built_site", "page"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from ``data/`` (the same cached build as ``tests/site``)."""
    return cached_build(tmp_path_factory.getbasetemp(), "main")
