"""The glossary (``data/glossary.yaml``) and the adoption table (``data/adoption.yaml``)."""

from __future__ import annotations

from macros.data.guide_model import AdoptionLedger, Glossary, term_anchor
from macros.pages.html_text import esc, external_link
from macros.pages.kinds import value_label
from macros.pages.values import Linker

SOURCE_TYPES = {
    "engineering-blog": "Engineering blog",
    "talk": "Talk",
    "case-study": "Case study",
    "personal-blog": "Personal blog",
}


def glossary_html(glossary: Glossary | None, linker: Linker) -> str:
    """A definition list; each term has an anchor (``#term-…``) that the guide pages link to."""
    if glossary is None or not glossary.terms:
        return '<p class="atlas-empty">No glossary in the data yet.</p>'
    entries = []
    for entry in sorted(glossary.terms, key=lambda t: t.term.lower()):
        extra = []
        aliases = [a for a in entry.aliases if not _is_plural(a, entry.term)]
        if aliases:
            extra.append(f"Also: {esc(', '.join(aliases))}.")
        if entry.related:
            extra.append("See " + ", ".join(linker.entity(ref) for ref in entry.related) + ".")
        if entry.source:
            extra.append(external_link(entry.source, "Source"))
        more = f'<br><span class="atlas-note">{" ".join(extra)}</span>' if extra else ""
        entries.append(
            f'<dt id="{esc(term_anchor(entry.term))}"><strong>{esc(entry.term)}</strong></dt>'
            f"<dd>{esc(entry.definition)}{more}</dd>"
        )
    return f'<dl class="atlas-glossary">{"".join(entries)}</dl>'


def adoption_html(ledger: AdoptionLedger | None, linker: Linker) -> str:
    """One row per sourced claim, newest source first."""
    claims = list(ledger.claims) if ledger else []
    if not claims:
        return '<p class="atlas-empty">No sourced adoption claims in the data yet.</p>'
    claims.sort(key=lambda c: c.published, reverse=True)
    rows = []
    for claim in claims:
        uses = ", ".join(linker.entity(ref) for ref in claim.uses)
        replaced = ", ".join(linker.entity(ref) for ref in claim.replaced)
        note = f'<br><span class="atlas-note">{esc(claim.note)}</span>' if claim.note else ""
        source = external_link(claim.source_url, claim.source_title)
        kind = SOURCE_TYPES.get(claim.source_type) or value_label(claim.source_type)
        rows.append(
            f'<tr><th scope="row">{esc(claim.organisation)}</th><td>{uses}</td>'
            f"<td>{replaced}</td><td>{esc(claim.summary)}{note}</td>"
            f'<td>{source}<br><span class="atlas-note">{esc(kind)}</span></td>'
            f"<td>{esc(claim.published)}</td></tr>"
        )
    head = ["Who", "Uses", "Replaced", "What the source says", "Source", "Published"]
    header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    caption = f"{len(claims)} sourced claims; none without a public, dated source."
    return (
        f'<table id="guide-adoption" data-atlas-guide><caption>{caption}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _is_plural(alias: str, term: str) -> bool:
    """True for an alias that only adds an "s" (linked, but not worth listing)."""
    return alias.lower() == term.lower() + "s"
