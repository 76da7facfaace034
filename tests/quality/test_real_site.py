"""The project's own built site passes every check of ``atlas check-site``."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.site.check import run_checks

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]


def test_built_site_passes_check_site(built_site: Path) -> None:
    result = run_checks(built_site)
    assert [str(p) for p in result.problems] == []
    assert result.pages >= 50
    assert result.links.internal > 1000
    assert result.origins.resources > result.pages  # every page loads the theme's assets
    # Only chart pages load plotly.js on demand, and the compare page its own tool script.
    lazy = {w.page for w in result.weights.weights if w.lazy.raw}
    assert {p for p in lazy if "benchmarks" not in p} <= {"compare/index.html"}
