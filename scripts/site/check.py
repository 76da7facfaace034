"""Check a built site: links, anchors, third-party requests, page weight, HTML, page metadata.

Usage: ``atlas check-site [SITE_DIR] [--budget budgets/page-weight.yaml]``. Prints a summary
table, then one ``file:line:col: check: problem`` line per violation; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from macros.checks.html import check_html
from macros.checks.links import LinkReport, check_links
from macros.checks.meta import check_meta
from macros.checks.origin import OriginReport, check_origins
from macros.checks.site import Problem, load_site
from macros.checks.weight import WeightReport, check_weights, load_budget

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BUDGET = ROOT / "budgets" / "page-weight.yaml"


@dataclass
class SiteCheck:
    """Everything one run of the checks found."""

    pages: int
    links: LinkReport
    origins: OriginReport
    weights: WeightReport
    html: list[Problem]
    meta: list[Problem]

    @property
    def problems(self) -> list[Problem]:
        """Every violation, sorted by file and position."""
        found = [*self.links.problems, *self.origins.third_party, *self.origins.missing]
        return sorted([*found, *self.weights.problems, *self.html, *self.meta])


def run_checks(site_dir: Path, budget_file: Path = DEFAULT_BUDGET) -> SiteCheck:
    """Run every check on a built site."""
    budget = load_budget(budget_file)
    site = load_site(site_dir)
    return SiteCheck(
        pages=len(site.pages),
        links=check_links(site),
        origins=check_origins(site),
        weights=check_weights(site, budget),
        html=check_html(site),
        meta=check_meta(site),
    )


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def summary(result: SiteCheck, top: int) -> list[str]:
    """The summary table (Markdown-style, readable in a terminal and in CI logs)."""
    rows = [
        ("pages", result.pages),
        ("internal links checked", result.links.internal),
        ("external links checked", result.links.external),
        ("broken links/anchors", len(result.links.problems)),
        ("resources checked", result.origins.resources),
        ("third-party resources", len(result.origins.third_party)),
        ("missing resources", len(result.origins.missing)),
        ("HTML parse errors", len(result.html)),
        ("missing lang/title/description/h1/alt", len(result.meta)),
        ("pages over weight budget", len({p.file for p in result.weights.problems})),
    ]
    lines = ["| check | count |", "| --- | ---: |", *(f"| {name} | {n:,} |" for name, n in rows)]
    heaviest = sorted(result.weights.weights, key=lambda w: w.total.gzip, reverse=True)[:top]
    lines += ["", "| heaviest pages | HTML | total | total gzip | of which on demand (gzip) |"]
    lines += ["| --- | ---: | ---: | ---: | ---: |"]
    for w in heaviest:
        cells = [_kb(w.html.raw), _kb(w.total.raw), _kb(w.total.gzip), _kb(w.lazy.gzip)]
        lines.append(f"| {w.page} | " + " | ".join(cells) + " |")
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's options."""
    parser.add_argument("site_dir", nargs="?", type=Path, default=Path("site"), help="built site")
    parser.add_argument("--budget", type=Path, default=DEFAULT_BUDGET, help="page-weight budget")
    parser.add_argument("--top", type=int, default=10, help="heaviest pages to list")


def run(args: argparse.Namespace) -> int:
    """Run the checks, print the summary and the problems; 1 if any problem."""
    try:
        result = run_checks(args.site_dir, args.budget)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(summary(result, args.top)))
    problems = result.problems
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(str(problem), file=sys.stderr)
        return 1
    print("\nno problems")
    return 0
