"""Answers of the package index recorded on 2026-12-01, served back without the network.

``tests/fixtures/package-index/<name>/`` holds the project's simple page (PEP 691 JSON, trimmed
to the first release and the latest few, file URLs made relative) and the core metadata
headers of the latest release's smallest wheel. A wheel is served as a zip holding that
recorded ``METADATA``; ``<file>.metadata`` (PEP 658) serves the same text.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "package-index"


def recorded_page(name: str) -> dict[str, object]:
    """The recorded simple page of ``name``."""
    page: dict[str, object] = json.loads((FIXTURES / name / "simple.json").read_text("utf-8"))
    return page


def recorded_metadata(filename: str) -> str | None:
    """The recorded ``METADATA`` of a distribution file, if it was recorded."""
    found = sorted(FIXTURES.glob(f"*/{filename}.METADATA"))
    return found[0].read_text(encoding="utf-8") if found else None


def wheel_with(metadata: str, filename: str) -> bytes:
    """A wheel (zip) whose ``.dist-info/METADATA`` is ``metadata``."""
    dist = filename.split("-")[0] + "-" + filename.split("-")[1]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        wheel.writestr(f"{dist}.dist-info/METADATA", metadata)
        wheel.writestr(f"{dist.split('-')[0]}/__init__.py", "")
    return buffer.getvalue()


def answer(url: str) -> bytes | None:
    """The recorded body for ``url`` (any host), or ``None`` for a 404."""
    path = urlsplit(url).path
    if "/simple/" in path:
        name = path.rstrip("/").rpartition("/")[2]
        page = FIXTURES / name / "simple.json"
        return page.read_bytes() if page.is_file() else None
    if "/files/" in path:
        filename = path.rpartition("/")[2]
        if filename.endswith(".metadata"):
            text = recorded_metadata(filename.removesuffix(".metadata"))
            return text.encode("utf-8") if text is not None else None
        text = recorded_metadata(filename)
        return wheel_with(text, filename) if text is not None else None
    return None
