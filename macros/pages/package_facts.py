"""The facts ``atlas refresh`` read from a package's own metadata, shown as such, with the day."""

from __future__ import annotations

from macros.data.model import Entity
from macros.pages.html_text import esc


def package_facts_html(entity: Entity) -> str:
    """A small table "From the package's metadata, checked DATE", or ``""`` without one."""
    if entity.metadata_checked is None:
        return ""
    rows = [
        ("Latest version", esc(entity.latest_version or "")),
        ("Released", entity.released.isoformat() if entity.released else ""),
        ("Requires Python", esc(entity.requires_python or "")),
        ("Licence", esc(entity.license or "")),
        ("First upload", entity.first_upload.isoformat() if entity.first_upload else ""),
        (
            "Releases in the last 12 months",
            str(entity.releases_last_year) if entity.releases_last_year is not None else "",
        ),
        ("Python versions (classifiers)", esc(", ".join(entity.python_versions))),
        ("Free-threading (classifier)", esc(entity.free_threading_classifier or "none")),
        ("Development status (classifier)", esc(entity.development_status or "")),
    ]
    body = "".join(
        f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows if value
    )
    checked = entity.metadata_checked.isoformat()
    return (
        f'<table data-atlas="package-metadata"><caption>From the package\'s metadata '
        f"(<code>atlas refresh</code>), checked {checked}</caption><tbody>{body}</tbody></table>"
    )
