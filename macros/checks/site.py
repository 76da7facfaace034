"""The built site as the checks see it: every HTML page scanned once, and the problem type."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros.checks.scan import PageScan, scan_file


@dataclass(frozen=True, order=True)
class Problem:
    """One violation, printed as ``file:line:col: check: message`` (file relative to the site)."""

    file: str
    line: int
    col: int
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.check}: {self.message}"


@dataclass
class Site:
    """A built site folder and the scan of each of its HTML pages (keyed by relative path)."""

    root: Path
    pages: dict[str, PageScan] = field(default_factory=dict)

    def page_path(self, relative: str) -> Path:
        """The file of a page given its path relative to the site root."""
        return self.root / relative


def load_site(root: Path) -> Site:
    """Scan every ``*.html`` file under ``root``."""
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such site folder (build it with `mkdocs build`)")
    site = Site(root.resolve())
    for path in sorted(site.root.rglob("*.html")):
        site.pages[path.relative_to(site.root).as_posix()] = scan_file(path)
    return site
