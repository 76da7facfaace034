"""What a renderer needs to know about the site it renders for (no MkDocs objects)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from macros.data.dataset import Dataset


@dataclass
class SiteSettings:
    """Site options (from ``mkdocs.yml`` or any other generator) that the renderers need."""

    use_directory_urls: bool = True
    edit_base_url: str | None = None
    site_url: str | None = None


@dataclass
class SiteContext:
    """The data, the site options and the URL of every entity page."""

    dataset: Dataset | None = None
    settings: SiteSettings = field(default_factory=SiteSettings)
    entity_urls: dict[str, str] = field(default_factory=dict)


def relative_url(url: str, from_page: str) -> str:
    """The URL of ``url`` relative to the page at ``from_page`` (both from the site root).

    Same contract as MkDocs' ``get_relative_url``: a trailing slash on ``url`` is kept, and a
    page URL without a trailing slash is a file, so its folder is the base.
    """
    target = posixpath.normpath("/" + (url or "."))
    base = from_page or "."
    base_dir = base if base.endswith("/") or base == "." else posixpath.dirname(base)
    relative = posixpath.relpath(target, posixpath.normpath("/" + base_dir))
    if url.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative
