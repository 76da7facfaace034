"""The built site: chart pages embed figures and load plotly.js lazily; other pages do not.

Builds the site once from a copy of the project's data plus the fixture result files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.benchmarks.fixtures import http_run, micro_run, write_yaml
from tests.site.sitebuild import build_or_fail, copy_project_data

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with one fixture HTTP run and one micro run."""
    data = copy_project_data(tmp_path_factory.mktemp("bench-data"))
    for path in (data / "benchmarks").glob("*.yaml"):
        path.unlink()  # only the fixtures: the test does not depend on the committed runs
    write_yaml(data / "benchmarks" / "http-fixture.yaml", http_run())
    older = http_run("http-older")
    older["provenance"].update(started="2026-11-20T10:00:00Z", date="2026-11-20")
    write_yaml(data / "benchmarks" / "http-older.yaml", older)  # superseded: listed, not shown
    write_yaml(data / "benchmarks" / "micro-fixture.yaml", micro_run())
    write_yaml(
        data / "claims.yaml",
        {
            "claims": [
                {
                    "id": "fixture-granian",
                    "statement": "Granian is 1.5-2x Uvicorn.",
                    "low": 1.5,
                    "high": 2.0,
                    "made_in": [{"description": "a fixture"}],
                    "http": [
                        {
                            "run": "http-fixture",
                            "test": "plaintext",
                            "subject": {"framework": "starlette", "server": "granian"},
                            "baseline": {"framework": "starlette", "server": "uvicorn"},
                        }
                    ],
                },
                {
                    "id": "fixture-untested",
                    "statement": "Nothing measures this.",
                    "low": 1,
                    "high": 2,
                    "made_in": [{"description": "a fixture"}],
                },
            ]
        },
    )
    return build_or_fail(tmp_path_factory.mktemp("bench-site") / "out", data)


def _page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_chart_page_embeds_figures_and_points_at_the_self_hosted_plotly(site: Path) -> None:
    html = _page(site, "benchmarks/http")
    plots = re.findall(r'<div class="atlas-plot"[^>]*data-plotly-src="([^"]+)"', html)
    assert len(plots) >= 3
    assert set(plots) == {"../../assets/vendor/plotly.min.js"}
    assert (site / "assets/vendor/plotly.min.js").stat().st_size > 1_000_000
    assert html.count('<script type="application/json" id="atlas-fig-') == len(plots)
    assert "<table" in html and "uv run atlas bench --quick" in html
    # plotly.js is never a blocking script tag: bench-charts.js injects it when needed
    assert not re.search(r"<script[^>]+src=\"[^\"]*plotly", html)


def test_pages_without_charts_do_not_reference_plotly(site: Path) -> None:
    for name in ("benchmarks", "benchmarks/claims", ""):
        html = (site / name / "index.html").read_text(encoding="utf-8")
        assert "plotly" not in html.lower(), name
        assert "atlas-plot" not in html


def test_benchmarks_page_lists_every_run_and_marks_the_shown_ones(site: Path) -> None:
    html = _page(site, "benchmarks")
    table = html.split("Every run in data/benchmarks/", 1)[1].split("</table>", 1)[0]
    assert "<td>http-fixture (shown)</td>" in table
    assert "<td>micro-fixture (shown)</td>" in table
    assert "<td>http-older</td>" in table


def test_claims_page_shows_computed_verdicts(site: Path) -> None:
    html = _page(site, "benchmarks/claims")
    assert html.count('class="atlas-verdict ') == 2
    assert "atlas-verdict-confirmed" in html and "atlas-verdict-untested" in html
    # each measurement links to its run's row in the table of every run
    assert '(run <a href="../#run-http-fixture">http-fixture</a>)' in html
    assert '<tr id="run-http-fixture">' in _page(site, "benchmarks")


@pytest.mark.browser
def test_browser_loads_plotly_only_on_chart_pages(site: Path) -> None:
    import subprocess
    import sys
    import time

    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium is not installed")
    from macros.apps.process import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless=new", "--no-sandbox", "--disable-gpu"],
            )
            seen: dict[str, tuple[bool, bool]] = {}
            for path in ("benchmarks/", "benchmarks/http/"):
                page = browser.new_page()
                urls: list[str] = []
                page.on("request", lambda r, urls=urls: urls.append(r.url))
                page.goto(f"http://127.0.0.1:{port}/{path}")
                page.wait_for_timeout(1000)
                before = any("plotly.min.js" in u for u in urls)
                if path.endswith("http/"):
                    page.mouse.wheel(0, 200)  # the reader's first interaction fetches plotly.js
                    page.wait_for_selector(".atlas-plot[data-drawn='yes'] .main-svg", timeout=20000)
                seen[path] = (before, any("plotly.min.js" in u for u in urls))
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/benchmarks/micro/")
            page.get_by_role("button", name="Draw the interactive chart").first.click()
            page.wait_for_selector(".atlas-plot[data-drawn='yes'] .main-svg", timeout=20000)
            browser.close()
        # Nothing loads plotly.js before the reader interacts; a chart page loads it after.
        assert seen == {"benchmarks/": (False, False), "benchmarks/http/": (False, True)}
    finally:
        server.terminate()
        server.wait(5)
