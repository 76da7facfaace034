"""Check: each page's weight (its HTML plus the scripts and styles it loads) against a budget.

A page's weight counts its own HTML, every first-party ``<script src>`` and stylesheet it
loads, and the scripts/styles it names in ``data-*`` attributes for its own code to load on
demand (plotly.js on chart pages): a heavy library counts only on the pages that use it.
Sizes are raw bytes and gzip (level 6, a common server default) bytes.
"""

from __future__ import annotations

import fnmatch
import functools
import gzip
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from macros.checks.scan import Ref
from macros.checks.site import Problem, Site
from macros.checks.urls import is_external, is_inline, resolve

CHECK = "page-weight"


class Limits(BaseModel):
    """Upper bounds in bytes; a missing bound is not checked."""

    model_config = ConfigDict(extra="forbid")

    html_bytes: int | None = Field(default=None, gt=0)
    html_gzip: int | None = Field(default=None, gt=0)
    total_bytes: int | None = Field(default=None, gt=0)
    total_gzip: int | None = Field(default=None, gt=0)


class Override(Limits):
    """Limits for the pages whose site path matches one of ``pages`` (fnmatch patterns)."""

    pages: list[str] = Field(min_length=1)
    why: str = Field(min_length=1, description="Why these pages may weigh more.")


class Budget(BaseModel):
    """The budget file: default limits, then overrides (the last matching one wins per bound)."""

    model_config = ConfigDict(extra="forbid")

    default: Limits
    overrides: list[Override] = Field(default_factory=list)

    def limits_for(self, page: str) -> Limits:
        """The default limits with every matching override applied in order."""
        merged = self.default.model_dump()
        for override in self.overrides:
            if any(fnmatch.fnmatchcase(page, pattern) for pattern in override.pages):
                bounds = override.model_dump(exclude={"pages", "why"}, exclude_none=True)
                merged.update(bounds)
        return Limits(**merged)


def load_budget(path: Path) -> Budget:
    """Read and validate a budget file; errors name the file and field."""
    try:
        return Budget.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as error:
        lines = [f"{path}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        raise ValueError("\n".join(lines)) from None


@dataclass(frozen=True)
class Size:
    """Raw and gzip bytes."""

    raw: int = 0
    gzip: int = 0

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gzip + other.gzip)


@functools.lru_cache(maxsize=4096)
def file_size(path: Path) -> Size:
    """Raw and gzip size of one file (cached: assets are shared by many pages)."""
    data = path.read_bytes()
    return Size(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


@dataclass
class PageWeight:
    """One page's HTML, eager assets and on-demand assets."""

    page: str
    html: Size
    assets: Size
    lazy: Size

    @property
    def total(self) -> Size:
        return self.html + self.assets + self.lazy


@dataclass
class WeightReport:
    """Every page's weight and the pages over budget."""

    weights: list[PageWeight] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _assets(site: Site, page: str, refs: list[Ref]) -> Size:
    """Sum of the distinct first-party files the refs name (missing ones are another check's)."""
    seen: set[str] = set()
    total = Size()
    for ref in refs:
        if is_inline(ref.url) or is_external(ref.url):
            continue
        target = resolve(site.root, site.page_path(page), ref.url)
        if target is None or target.path in seen or not (site.root / target.path).is_file():
            continue
        seen.add(target.path)
        total += file_size(site.root / target.path)
    return total


def page_weight(site: Site, page: str) -> PageWeight:
    """The weight of one scanned page."""
    scan = site.pages[page]
    eager = [*scan.scripts, *scan.stylesheets]
    html = file_size(site.page_path(page))
    return PageWeight(page, html, _assets(site, page, eager), _assets(site, page, scan.lazy))


def _over(weight: PageWeight, limits: Limits) -> list[str]:
    measured = {
        "html_bytes": weight.html.raw,
        "html_gzip": weight.html.gzip,
        "total_bytes": weight.total.raw,
        "total_gzip": weight.total.gzip,
    }
    over = []
    for name, value in measured.items():
        bound = getattr(limits, name)
        if bound is not None and value > bound:
            over.append(f"{name} {value:,} > budget {bound:,}")
    return over


def check_weights(site: Site, budget: Budget) -> WeightReport:
    """Weigh every page and compare it with its limits."""
    report = WeightReport()
    for page in site.pages:
        weight = page_weight(site, page)
        report.weights.append(weight)
        for message in _over(weight, budget.limits_for(page)):
            report.problems.append(Problem(page, 1, 1, CHECK, message))
    return report
