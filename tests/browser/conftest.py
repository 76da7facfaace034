"""Browser fixtures: the built site served on 127.0.0.1 and a headless Chromium page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.checks.serve import serve
from tests.site.sitebuild import cached_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site (built from ``data/``) served over HTTP on a random local port, as a host would."""
    site = cached_build(tmp_path_factory.getbasetemp(), "main")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright; skipped if either is missing."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("needs Debian chromium at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="needs Playwright (uv add --dev playwright)"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and uncaught exceptions; none may occur."""
    context = browser.new_context()
    outside: list[str] = []

    def guard(route: Any) -> None:
        # The site must make no third-party request: record and block any that leaves 127.0.0.1.
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    new_page.on("pageerror", lambda e: errors.append(str(e)))
    new_page.set_default_timeout(15000)
    yield new_page
    context.close()
    assert outside == [], f"requests outside the site: {outside}"
    assert errors == [], f"console errors: {errors}"
