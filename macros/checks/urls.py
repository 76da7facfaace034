"""Turn a URL found in a built page into a file of the site, or say why it is not one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)
INLINE_SCHEMES = frozenset({"data", "blob", "about"})


@dataclass(frozen=True)
class Target:
    """Where an internal URL leads: a file under the site root (may not exist) and a fragment."""

    path: str  # POSIX path relative to the site root, e.g. "frameworks/fastapi/index.html"
    fragment: str


def page_url_dir(site: Path, page: Path) -> str:
    """The URL directory of a page file, relative to the site root ("" for the root)."""
    return page.parent.relative_to(site).as_posix().removeprefix(".")


def is_external(url: str) -> bool:
    """True for URLs with a scheme or a host (``https://x``, ``//cdn.x``, ``mailto:``)."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def is_inline(url: str) -> bool:
    """``data:``/``blob:``/``about:`` URLs: they need no request."""
    return urlsplit(url).scheme.lower() in INLINE_SCHEMES


def resolve(site: Path, page: Path, url: str) -> Target | None:
    """The site file an internal URL names; ``None`` if it climbs above the site root."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return Target(page.relative_to(site).as_posix(), fragment)
    raw = unquote(parts.path)
    base = "" if raw.startswith("/") else page_url_dir(site, page)
    segments: list[str] = []
    for segment in f"{base}/{raw}".split("/"):
        if segment == "..":
            if not segments:
                return None  # climbs above the site root
            segments.pop()
        elif segment not in {"", "."}:
            segments.append(segment)
    relative = "/".join(segments)
    if raw.endswith("/") and relative:
        relative += "/"
    if relative == "" or relative.endswith("/"):
        return Target(relative + "index.html", fragment)
    if (site / relative).is_dir():
        return Target(relative + "/index.html", fragment)
    return Target(relative, fragment)


def external_problem(url: str) -> str | None:
    """Why an external link is not a well-formed http(s) URL, or ``None`` if it is one."""
    if any(ch.isspace() for ch in url):
        return "contains white space"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a bad port
    except ValueError as error:
        return f"cannot be parsed ({error})"
    if parts.scheme.lower() not in {"http", "https"}:
        return f"scheme {parts.scheme or '(none)'!r} is not http or https"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    labels = host.rstrip(".").split(".")
    if not all(HOST_LABEL.match(label) for label in labels) and not host.startswith("["):
        return f"host {host!r} is not a valid host name"
    if port == 0:
        return "port 0"
    return None
