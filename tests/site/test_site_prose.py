"""The words on every built page: no stray punctuation, no wrong article, no raw Markdown.

Read as a reader sees it: the text of each page outside code, scripts and styles (attributes
such as tooltips are not text). A failure names the page and shows the words around the slip.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.pages.html_text import inline_html
from macros.pages.kinds import with_article

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]

NOT_PROSE = frozenset({"code", "pre", "script", "style", "svg", "textarea", "kbd", "samp"})

SLIPS: dict[str, re.Pattern[str]] = {
    # A note that ends with a full stop, then "; source": ".;".
    "full stop before a semicolon": re.compile(r"\.;"),
    # Acronyms read letter by letter that start with a vowel sound take "an".
    "'a' before a vowel sound": re.compile(r"\ba (?:ASGI|RSGI|API|ORM|SSE|HTML|HTTP|MIT)\b"),
    # Markdown code spans that were escaped instead of rendered.
    "raw backtick": re.compile(r"`"),
    # "✓ Yes ✔ verified by test": one value, two ticks.
    "doubled tick": re.compile(r"✔|✓\s*✓|✓\s+\w+\s+✓(?=\s*verified)"),
}


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in NOT_PROSE:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in NOT_PROSE and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.chunks.append(data)


def prose(html: str) -> str:
    """The visible text of a page outside code, scripts and styles, whitespace collapsed."""
    parser = _Prose()
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


def slips(text: str) -> list[str]:
    """Every slip in ``text``: its name and the words around it."""
    found = []
    for name, pattern in SLIPS.items():
        for match in pattern.finditer(text):
            found.append(f"{name}: …{text[max(0, match.start() - 40) : match.end() + 30]}…")
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Documents subclass BaseModel.; source", ["full stop before a semicolon"]),
        ("This one is a ASGI app", ["'a' before a vowel sound"]),
        ("Use `uv add` to add it", ["raw backtick", "raw backtick"]),
        ("✓ Yes ✔ verified by test", ["doubled tick"]),
        ("This one is an ASGI app, a WSGI server. ✓ Yes (verified by test) · source", []),
    ],
)
def test_the_check_finds_each_slip(text: str, expected: list[str]) -> None:
    assert [s.split(":", 1)[0] for s in slips(text)] == expected


def test_helpers_write_what_the_check_expects() -> None:
    assert with_article("ASGI") == "an ASGI"
    assert with_article("WSGI") == "a WSGI"
    assert with_article("ORM") == "an ORM"
    assert with_article("framework") == "a framework"
    assert with_article("auth tool") == "an auth tool"
    assert inline_html("Run `uv add <x>` first") == "Run <code>uv add &lt;x&gt;</code> first"
    assert inline_html("an odd ` backtick") == "an odd ` backtick"


def test_no_page_has_a_slip(site_dir: Path) -> None:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        found = slips(prose(page.read_text(encoding="utf-8")))
        problems += [f"{page.relative_to(site_dir)}: {s}" for s in found]
    assert problems == [], "\n".join(problems[:40])
