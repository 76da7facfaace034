"""A project's releases as the simple index lists them (PEP 691 JSON, upload times of PEP 700).

From the file list alone: the latest final release, the day its first file was uploaded, the
project's first upload, how many releases came out in the last twelve months, and which file of
the latest release to read the core metadata from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"


@dataclass(frozen=True)
class DistFile:
    """One file of a release."""

    filename: str
    url: str
    version: Version
    uploaded: dt.datetime | None
    size: int
    core_metadata: bool
    """True if the index serves its metadata at ``url + ".metadata"`` (PEP 658 / 714)."""
    requires_python: str | None


@dataclass(frozen=True)
class ReleaseHistory:
    """Every non-yanked file of a project, grouped by version."""

    files: dict[Version, list[DistFile]]

    def latest(self) -> Version:
        """The newest final release (pre-releases only if there is nothing else)."""
        finals = [v for v in self.files if not v.is_prerelease]
        return max(finals or self.files)

    def released(self, version: Version) -> dt.date | None:
        """Upload day (UTC) of the first file of ``version``."""
        times = [f.uploaded for f in self.files[version] if f.uploaded]
        return min(times).date() if times else None

    def first_upload(self) -> dt.date | None:
        """The day the project's first file still listed was uploaded."""
        days = [d for v in self.files if (d := self.released(v))]
        return min(days) if days else None

    def releases_since(self, since: dt.date) -> int:
        """How many versions had their first upload on or after ``since``."""
        return sum(1 for v in self.files if (d := self.released(v)) and d >= since)

    def metadata_file(self, version: Version) -> DistFile:
        """The file to read core metadata from: one with a PEP 658 file, else the smallest wheel,
        else the smallest sdist."""
        files = self.files[version]
        ranked = sorted(
            files,
            key=lambda f: (not f.core_metadata, not f.filename.endswith(".whl"), f.size),
        )
        return ranked[0]


def parse_simple_json(page_url: str, answer: Any) -> ReleaseHistory:
    """Read a PEP 691 project page; file URLs are resolved against ``page_url``."""
    grouped: dict[Version, list[DistFile]] = defaultdict(list)
    # PEP 700 lists the versions: a file name that parses to another version is misread
    # (`Cheroot-4.0.0beta-20140210.zip` is not version 20140210), so it is left out.
    listed = {v for v in map(_parse_version, answer.get("versions") or []) if v is not None}
    for entry in answer["files"]:
        if entry.get("yanked"):
            continue
        version = _version_of(entry["filename"])
        if version is None or (listed and version not in listed):
            continue
        grouped[version].append(
            DistFile(
                filename=entry["filename"],
                url=urljoin(page_url, entry["url"]),
                version=version,
                uploaded=_moment(entry.get("upload-time")),
                size=int(entry.get("size") or 0),
                core_metadata=bool(
                    entry.get("core-metadata") or entry.get("data-dist-info-metadata")
                ),
                requires_python=entry.get("requires-python") or None,
            )
        )
    if not grouped:
        raise ValueError("the index lists no installable file")
    return ReleaseHistory(dict(grouped))


def _version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        if filename.endswith((".tar.gz", ".zip")):
            return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return None


def _parse_version(text: Any) -> Version | None:
    try:
        return Version(str(text))
    except InvalidVersion:
        return None


def _moment(text: Any) -> dt.datetime | None:
    if not isinstance(text, str) or not text:
        return None
    moment = dt.datetime.fromisoformat(re.sub(r"Z$", "+00:00", text))
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
