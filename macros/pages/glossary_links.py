"""Link the first occurrence of each glossary term in a page's HTML to the glossary entry.

The HTML is split into tags and text; only text outside the skipped elements (links, code,
headings, labels, tables, HTML comments) is searched. Terms and aliases are plain text without
markup characters (the model refuses ``<>&"``), so matching the escaped text is safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.data.guide_model import Glossary, GlossaryTerm, term_anchor
from macros.pages.html_text import esc

SKIP_ELEMENTS = frozenset(
    {
        "a",
        "code",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "label",
        "table",
        "script",
        "style",
        "button",
        "summary",
        "abbr",
        "dt",
    }
)
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)\s*>")


@dataclass
class GlossaryLinker:
    """Links each entry once per page; ``glossary_url`` is the glossary page relative to it."""

    glossary: Glossary
    glossary_url: str
    linked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        names: list[tuple[str, GlossaryTerm]] = []
        for entry in self.glossary.terms:
            names += [(entry.term, entry)] + [(alias, entry) for alias in entry.aliases]
        # Longest first, so "Free-threaded build" wins over "free-threaded".
        names.sort(key=lambda pair: -len(pair[0]))
        self._entries = {name.lower(): entry for name, entry in names}
        self._acronyms = {name for name, _ in names if name.isupper()}
        self._acronyms_lower = {name.lower() for name in self._acronyms}
        alternation = "|".join(re.escape(name) for name, _ in names)
        self._pattern = re.compile(rf"(?<![\w/-])({alternation})(?![\w/-])", re.IGNORECASE)

    def link(self, html: str) -> str:
        """``html`` with the first use of each not-yet-linked entry wrapped in a link."""
        out: list[str] = []
        depth = 0
        for token in _TOKEN.split(html):
            if not token:
                continue
            if token.startswith("<"):
                depth = max(0, depth + _depth_change(token))
                out.append(token)
            elif depth == 0:
                out.append(self._pattern.sub(self._replace, token))
            else:
                out.append(token)
        return "".join(out)

    def _replace(self, match: re.Match[str]) -> str:
        text = match.group(1)
        entry = self._entries.get(text.lower())
        if entry is None or entry.term in self.linked:
            return text
        if text.lower() in self._acronyms_lower and text not in self._acronyms:
            return text  # acronyms match in capitals only: "GIL", not "gil"
        self.linked.add(entry.term)
        href = f"{self.glossary_url}#{term_anchor(entry.term)}"
        return (
            f'<a class="atlas-term" href="{esc(href)}" title="{esc(entry.definition)}">{text}</a>'
        )


def _depth_change(token: str) -> int:
    """+1 when a skipped element opens, -1 when it closes, 0 for anything else."""
    match = _TAG.match(token)
    if match is None or match.group(3) == "/":
        return 0
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name not in SKIP_ELEMENTS:
        return 0
    return -1 if closing else 1
