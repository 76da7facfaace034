"""Check: every resource a page or stylesheet loads is served by the site (no third party)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros.checks.scan import css_urls
from macros.checks.site import Problem, Site
from macros.checks.urls import is_external, is_inline, resolve

CHECK = "third-party"
MISSING = "missing-resource"


@dataclass
class OriginReport:
    """Resources seen, and those that leave the site or are missing from it."""

    resources: int = 0
    third_party: list[Problem] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)


def _classify(site: Site, owner: Path, url: str) -> str | None:
    """``CHECK`` if ``url`` is fetched from elsewhere, ``MISSING`` if the site lacks it."""
    if is_inline(url) or url.startswith("#"):
        return None  # data:/blob: and SVG fragment references need no request
    if is_external(url):
        return CHECK
    target = resolve(site.root, owner, url)
    if target is None or not (site.root / target.path).is_file():
        return MISSING
    return None


def _add(report: OriginReport, kind: str | None, problem: Problem) -> None:
    if kind == CHECK:
        report.third_party.append(problem)
    elif kind == MISSING:
        report.missing.append(problem)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def check_origins(site: Site) -> OriginReport:
    """Check the resources of every page, plus ``url()``/``@import`` in every CSS file."""
    report = OriginReport()
    for page, scan in site.pages.items():
        owner = site.page_path(page)
        for ref in [*scan.resources, *scan.lazy]:
            report.resources += 1
            kind = _classify(site, owner, ref.url)
            label = "served from another origin" if kind == CHECK else "not in the site"
            message = f"{ref.what} {ref.url!r} {label}"
            _add(report, kind, Problem(page, ref.line, ref.col, kind or "", message))
    for css in sorted(site.root.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        name = css.relative_to(site.root).as_posix()
        for url, offset in css_urls(text):
            report.resources += 1
            kind = _classify(site, css, url)
            line, col = _line_col(text, offset)
            label = "served from another origin" if kind == CHECK else "not in the site"
            _add(report, kind, Problem(name, line, col, kind or "", f"url({url!r}) {label}"))
    return report
