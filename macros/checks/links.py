"""Check: internal links and ``#anchors`` resolve; external links are well-formed http(s) URLs."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.checks.scan import Ref
from macros.checks.site import Problem, Site
from macros.checks.urls import external_problem, is_external, is_inline, resolve

CHECK = "link"


@dataclass
class LinkReport:
    """What the link check saw and what it refused."""

    internal: int = 0
    external: int = 0
    problems: list[Problem] = field(default_factory=list)


def _internal_problem(site: Site, page: str, ref: Ref) -> str | None:
    target = resolve(site.root, site.page_path(page), ref.url)
    if target is None:
        return f"{ref.url!r} leads above the site root"
    if not (site.root / target.path).is_file():
        return f"{ref.url!r}: no such file {target.path}"
    if not target.fragment or not target.path.endswith(".html"):
        return None
    scan = site.pages.get(target.path)
    if scan is not None and target.fragment not in scan.ids:
        return f"{ref.url!r}: no element with id {target.fragment!r} in {target.path}"
    return None


def check_links(site: Site) -> LinkReport:
    """Resolve every ``<a>``/``<area>``/non-fetching ``<link>`` of every page."""
    report = LinkReport()
    for page, scan in site.pages.items():
        for ref in scan.links:
            if is_inline(ref.url):
                message: str | None = f"{ref.what} {ref.url[:40]!r}: inline URL used as a link"
            elif is_external(ref.url):
                report.external += 1
                reason = external_problem(ref.url)
                message = f"{ref.what} {ref.url!r} {reason}" if reason else None
            else:
                report.internal += 1
                reason = _internal_problem(site, page, ref)
                message = f"{ref.what} {reason}" if reason else None
            if message:
                report.problems.append(Problem(page, ref.line, ref.col, CHECK, message))
    return report
