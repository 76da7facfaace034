"""Check: what every page needs to be found and read: language, title, description, one h1,
and a text alternative (``alt``) on every image. Lighthouse checks the same on a few pages;
this covers all of them."""

from __future__ import annotations

from macros.checks.site import Problem, Site

CHECK = "page-meta"


def check_meta(site: Site) -> list[Problem]:
    """One problem per missing or empty page-level fact."""
    problems = []
    for page, scan in site.pages.items():
        missing = []
        if not (scan.lang or "").strip():
            missing.append("<html> has no lang attribute")
        if not scan.title.strip():
            missing.append("no <title> text")
        if not (scan.description or "").strip():
            missing.append('no <meta name="description"> content')
        if scan.h1_count != 1:
            missing.append(f"{scan.h1_count} <h1> elements (want exactly 1)")
        problems += [Problem(page, 1, 1, CHECK, message) for message in missing]
        problems += [
            Problem(page, ref.line, ref.col, CHECK, f"<img src={ref.url!r}> has no alt attribute")
            for ref in scan.images_without_alt
        ]
    return problems
