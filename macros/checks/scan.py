"""Read one built HTML page into the facts the site checks need: ids, links and loaded resources.

The stdlib parser is enough here: it is lenient, so a malformed page still yields its links, and
well-formedness is judged separately (``checks.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)

# <link rel=...> values that make the browser fetch or connect: each counts as a resource.
FETCHING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "icon",
        "apple-touch-icon",
        "mask-icon",
        "manifest",
    }
)
# (tag, attribute) pairs whose URL the browser loads while showing the page.
RESOURCE_ATTRS = frozenset(
    {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("frame", "src"),
        ("embed", "src"),
        ("source", "src"),
        ("track", "src"),
        ("audio", "src"),
        ("video", "src"),
        ("video", "poster"),
        ("object", "data"),
        ("input", "src"),
        ("image", "href"),
        ("image", "xlink:href"),
        ("use", "href"),
        ("use", "xlink:href"),
    }
)
SRCSET_TAGS = frozenset({"img", "source"})
LAZY_SUFFIXES = (".js", ".mjs", ".css")


@dataclass(frozen=True)
class Ref:
    """A URL found in a page, with where its tag starts (1-based line and column)."""

    url: str
    line: int
    col: int
    what: str  # e.g. "a[href]", "script[src]", "style url()"


@dataclass
class PageScan:
    """What one page declares: anchor targets, links it offers and resources it loads."""

    ids: set[str] = field(default_factory=set)
    links: list[Ref] = field(default_factory=list)
    resources: list[Ref] = field(default_factory=list)
    scripts: list[Ref] = field(default_factory=list)
    stylesheets: list[Ref] = field(default_factory=list)
    lazy: list[Ref] = field(default_factory=list)
    """Scripts/styles named in ``data-*`` attributes: loaded on demand by the page's own code."""
    lang: str | None = None
    title: str = ""
    description: str | None = None
    h1_count: int = 0
    images_without_alt: list[Ref] = field(default_factory=list)


def css_urls(text: str) -> list[tuple[str, int]]:
    """Every ``url(...)`` and ``@import "..."`` in CSS text, with its character offset."""
    found = [
        (m.group(1) or m.group(2) or m.group(3) or "", m.start()) for m in CSS_URL.finditer(text)
    ]
    found += [(m.group(1) or m.group(2) or "", m.start()) for m in CSS_IMPORT.finditer(text)]
    return sorted(found, key=lambda item: item[1])


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._in_style = False
        self._in_title = False

    def _ref(self, url: str, what: str) -> Ref:
        line, col = self.getpos()
        return Ref(url.strip(), line, col + 1, what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        self._page_facts(tag, values)
        for name in ("id", "name") if tag == "a" else ("id",):
            if name in values:
                self.scan.ids.add(values[name])
        for attr in ("href", "xlink:href"):  # xlink:href: SVG 1.1 links
            if tag in {"a", "area"} and attr in values:
                self.scan.links.append(self._ref(values[attr], f"{tag}[{attr}]"))
        if tag == "link":
            self._link(values)
        for (res_tag, attr), value in ((key, values.get(key[1])) for key in RESOURCE_ATTRS):
            if res_tag == tag and value:
                ref = self._ref(value, f"{tag}[{attr}]")
                self.scan.resources.append(ref)
                if tag == "script":
                    self.scan.scripts.append(ref)
        if tag in SRCSET_TAGS and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.scan.resources.append(self._ref(candidate.split()[0], f"{tag}[srcset]"))
        if "style" in values:
            for url, _ in css_urls(values["style"]):
                self.scan.resources.append(self._ref(url, f"{tag}[style] url()"))
        for name, value in values.items():
            if name.startswith("data-") and value.split("?")[0].endswith(LAZY_SUFFIXES):
                self.scan.lazy.append(self._ref(value, f"{tag}[{name}]"))
        self._in_style = tag == "style"

    def _page_facts(self, tag: str, values: dict[str, str]) -> None:
        """Language, title, description, top headings and images without text alternative."""
        if tag == "html":
            self.scan.lang = values.get("lang")
        elif tag == "meta" and values.get("name", "").lower() == "description":
            self.scan.description = values.get("content", "")
        elif tag == "h1":
            self.scan.h1_count += 1
        elif tag == "img" and "alt" not in values:
            self.scan.images_without_alt.append(self._ref(values.get("src", ""), "img"))
        self._in_title = tag == "title"

    def _link(self, values: dict[str, str]) -> None:
        rels = set(values.get("rel", "").lower().split())
        href = values.get("href")
        if not href:
            return
        if rels & FETCHING_RELS:
            ref = self._ref(href, f"link[rel={values.get('rel', '')}]")
            self.scan.resources.append(ref)
            if "stylesheet" in rels:
                self.scan.stylesheets.append(ref)
        else:
            self.scan.links.append(self._ref(href, f"link[rel={values.get('rel', '')}]"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.scan.title += data
        if self._in_style:
            line, col = self.getpos()
            for url, offset in css_urls(data):
                extra_lines = data.count("\n", 0, offset)
                ref = Ref(url.strip(), line + extra_lines, col + 1, "style url()")
                self.scan.resources.append(ref)


def scan_html(text: str) -> PageScan:
    """The ids, links and resources of one HTML document."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


def scan_file(path: Path) -> PageScan:
    """Scan an HTML file (read as UTF-8; bad bytes are replaced, not fatal)."""
    return scan_html(path.read_text(encoding="utf-8", errors="replace"))
