"""Check: every page parses as HTML without errors (html5lib, the WHATWG parsing algorithm)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import html5lib

from macros.checks.site import Problem, Site

CHECK = "html"
PARALLEL_FROM = 40  # below this many pages a process pool costs more than it saves


def parse_errors(path: Path) -> list[tuple[int, int, str]]:
    """(line, col, message) of each parse error html5lib reports for a file."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(path.read_bytes())
    found = []
    for (line, col), code, data in parser.errors:
        detail = ", ".join(f"{k}={v}" for k, v in sorted((data or {}).items()))
        found.append((line, col, f"{code}{' (' + detail + ')' if detail else ''}"))
    return found


def check_html(site: Site, workers: int | None = None) -> list[Problem]:
    """Parse every page; one problem per parse error."""
    pages = list(site.pages)
    paths = [site.page_path(page) for page in pages]
    if len(pages) < PARALLEL_FROM or workers == 1:
        results = [parse_errors(path) for path in paths]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(parse_errors, paths, chunksize=8))
    return [
        Problem(page, line, col, CHECK, message)
        for page, errors in zip(pages, results, strict=True)
        for line, col, message in errors
    ]
