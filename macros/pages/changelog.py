"""The data changelog: entities by the day their facts were verified, as a page and an Atom feed.

Both come from each entity's ``as_of``, ``latest_version`` and ``released`` fields, so they change
only when the data does (the feed's dates are data dates, never the build time).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import groupby

from macros.data.dataset import Dataset
from macros.data.model import Entity
from macros.pages.html_text import esc

FEED_PATH = "changelog.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class ChangelogEntry:
    """One entity as last verified."""

    day: dt.date
    entity: Entity

    @property
    def headline(self) -> str:
        """What the entry says happened, in words."""
        version = self.entity.latest_version
        released = f" (released {self.entity.released})" if self.entity.released else ""
        return f"{self.entity.name}: verified" + (
            f"; latest {version}{released}" if version else ""
        )


def changelog_entries(dataset: Dataset, limit: int | None = None) -> list[ChangelogEntry]:
    """Entities newest-verified first (ties by name), at most ``limit``."""
    entries = sorted(
        (ChangelogEntry(e.as_of, e) for e in dataset.entities.values()),
        key=lambda entry: (-entry.day.toordinal(), entry.entity.name.lower()),
    )
    return entries[:limit] if limit else entries


def changelog_html(entries: list[ChangelogEntry], href: dict[str, str]) -> str:
    """Entries grouped by day; ``href`` maps entity ids to page links."""
    parts = []
    for day, group in groupby(entries, key=lambda entry: entry.day):
        items = "".join(
            f'<li><a href="{esc(href[e.entity.id])}">{esc(e.entity.name)}</a> '
            f"<small>({esc(e.entity.kind)})</small>{_version(e.entity)}</li>"
            for e in group
        )
        parts.append(
            f'<h3 id="day-{day.isoformat()}">Verified {day.isoformat()}</h3><ul>{items}</ul>'
        )
    return "".join(parts) or "<p>No entities yet.</p>"


def _version(entity: Entity) -> str:
    if not entity.latest_version:
        return ""
    released = f", released {esc(entity.released)}" if entity.released else ""
    return f" — latest version {esc(entity.latest_version)}{released}"


def atom_feed(entries: list[ChangelogEntry], site_url: str | None, urls: dict[str, str]) -> str:
    """An Atom 1.0 document of the entries; links are absolute when ``site_url`` is known."""
    base = (site_url or "").rstrip("/") + "/" if site_url else "/"
    feed = ET.Element("feed", xmlns=ATOM_NS)
    ET.SubElement(feed, "title").text = "Python Backend Atlas — data changelog"
    ET.SubElement(feed, "id").text = "urn:python-backend-atlas:changelog"
    ET.SubElement(feed, "link", rel="self", href=base + FEED_PATH)
    ET.SubElement(feed, "link", rel="alternate", href=base + "changelog/")
    updated = entries[0].day if entries else dt.date(1970, 1, 1)
    ET.SubElement(feed, "updated").text = _timestamp(updated)
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "Python Backend Atlas contributors"
    for entry in entries:
        item = ET.SubElement(feed, "entry")
        ET.SubElement(item, "title").text = entry.headline
        ET.SubElement(item, "id").text = f"urn:python-backend-atlas:{entry.entity.id}:{entry.day}"
        ET.SubElement(item, "link", rel="alternate", href=base + urls[entry.entity.id])
        ET.SubElement(item, "updated").text = _timestamp(entry.day)
        ET.SubElement(item, "summary").text = entry.entity.summary
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
