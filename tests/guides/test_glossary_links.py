"""Glossary links in guide prose: first use only, never inside code, links, headings or tables."""

from __future__ import annotations

from macros.data.guide_model import Glossary, GlossaryTerm
from macros.pages.glossary_links import GlossaryLinker
from tests.site.html_tree import parse

GLOSSARY = Glossary(
    terms=[
        GlossaryTerm(
            term="GIL",
            aliases=["global interpreter lock"],
            definition='Only one thread runs "Python" <code> at a time, per interpreter.',
        ),
        GlossaryTerm(
            term="Free-threaded build",
            aliases=["free-threaded"],
            definition="A CPython build without the GIL, for parallel threads.",
        ),
        GlossaryTerm(term="Event loop", definition="The asyncio scheduler that runs coroutines."),
    ]
)


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of every glossary link."""
    return [
        (str(a.attrs["href"]), a.text()) for a in parse(html).find_all("a", class_="atlas-term")
    ]


def test_first_use_of_each_entry_is_linked_once() -> None:
    html = "<p>The GIL and the global interpreter lock; an event loop. The GIL again.</p>"
    out = GlossaryLinker(GLOSSARY, "../glossary/").link(html)
    assert links(out) == [
        ("../glossary/#term-gil", "GIL"),
        ("../glossary/#term-event-loop", "event loop"),
    ]
    assert parse(out).text() == parse(html).text()


def test_longest_name_wins() -> None:
    out = GlossaryLinker(GLOSSARY, "g/").link("<p>A free-threaded build is free-threaded.</p>")
    assert links(out) == [("g/#term-free-threaded-build", "free-threaded build")]


def test_skipped_places_stay_plain() -> None:
    html = (
        "<h2>The GIL</h2><p><code>GIL</code> <a href='x'>GIL</a></p><table><tr><td>GIL</td></tr>"
        "</table><!--atlas-html:0123456789abcdef01234567--><pre>event loop</pre><p>gil</p>"
    )
    assert links(GlossaryLinker(GLOSSARY, "g/").link(html)) == []


def test_acronyms_match_in_capitals_only_and_not_inside_words() -> None:
    out = GlossaryLinker(GLOSSARY, "g/").link("<p>gil GILs NOGIL GIL-free GIL.</p>")
    assert links(out) == [("g/#term-gil", "GIL")]


def test_definition_in_the_title_is_escaped() -> None:
    out = GlossaryLinker(GLOSSARY, "g/").link("<p>GIL</p>")
    assert "<code>" not in out
    link = parse(out).find("a", class_="atlas-term")
    assert link.attrs["title"] == GLOSSARY.terms[0].definition
