"""A distribution's core metadata (``METADATA`` / ``PKG-INFO``): the facts installers enforce.

The index's JSON ``info`` block is written once per project and can disagree with the files
(marshmallow 4.4.0 says ``>=3.10`` there while its wheel says ``Requires-Python: >=3.11``), so the
Atlas reads the file's own metadata: the PEP 658 ``.metadata`` file the simple index serves
beside a wheel when it advertises one, else the ``METADATA`` inside the wheel.
"""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser

FREE_THREADING = "Programming Language :: Python :: Free Threading :: "
DEVELOPMENT_STATUS = "Development Status :: "
PYTHON_VERSION = re.compile(r"^Programming Language :: Python :: (3\.\d+)$")


@dataclass(frozen=True)
class CoreMetadata:
    """The fields of one distribution's core metadata that the Atlas shows."""

    version: str
    requires_python: str | None
    license_expression: str | None
    """``License-Expression``: an SPDX expression (core metadata 2.4)."""
    license_text: str | None
    """A one-line legacy ``License`` field, when there is one (often not an SPDX identifier)."""
    classifiers: tuple[str, ...]
    project_urls: tuple[tuple[str, str], ...]

    @property
    def python_versions(self) -> list[str]:
        """Python versions the classifiers list (``3.11``, ``3.12`` ...), oldest first."""
        found = {m.group(1) for c in self.classifiers if (m := PYTHON_VERSION.match(c))}
        return sorted(found, key=lambda v: tuple(int(p) for p in v.split(".")))

    @property
    def free_threading(self) -> str | None:
        """The free-threading classifier's level, e.g. ``3 - Stable``."""
        return _classifier_value(self.classifiers, FREE_THREADING)

    @property
    def development_status(self) -> str | None:
        """The Development Status classifier's value, e.g. ``5 - Production/Stable``."""
        return _classifier_value(self.classifiers, DEVELOPMENT_STATUS)


def _classifier_value(classifiers: tuple[str, ...], prefix: str) -> str | None:
    values = [c.removeprefix(prefix) for c in classifiers if c.startswith(prefix)]
    return values[0] if values else None


def parse_core_metadata(text: str) -> CoreMetadata:
    """Read ``METADATA`` text (RFC 822 headers); ``ValueError`` if it has no ``Version``."""
    headers = HeaderParser().parsestr(text, headersonly=True)
    version = (headers.get("Version") or "").strip()
    if not version:
        raise ValueError("core metadata has no Version")
    urls = []
    for entry in headers.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if url.strip():
            urls.append((label.strip(), url.strip()))
    return CoreMetadata(
        version=version,
        requires_python=(headers.get("Requires-Python") or "").strip() or None,
        license_expression=(headers.get("License-Expression") or "").strip() or None,
        license_text=_one_line(headers.get("License")),
        classifiers=tuple(c.strip() for c in headers.get_all("Classifier") or []),
        project_urls=tuple(urls),
    )


def _one_line(value: str | None) -> str | None:
    # A whole licence text in `License` is not an identifier: keep only a short single line.
    text = (value or "").strip()
    return text if text and "\n" not in text and len(text) <= 60 else None


def metadata_from_distribution(filename: str, body: bytes) -> str:
    """The core metadata text inside a wheel (``*.dist-info/METADATA``) or sdist (``PKG-INFO``)."""
    if filename.endswith(".whl"):
        with zipfile.ZipFile(io.BytesIO(body)) as wheel:
            names = [n for n in wheel.namelist() if n.count("/") == 1]
            found = [n for n in names if n.endswith(".dist-info/METADATA")]
            if not found:
                raise ValueError(f"{filename} has no .dist-info/METADATA")
            return wheel.read(found[0]).decode("utf-8")
    if filename.endswith((".tar.gz", ".tgz")):
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:gz") as sdist:
            member = next(
                (
                    m
                    for m in sdist.getmembers()
                    if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")
                ),
                None,
            )
            handle = sdist.extractfile(member) if member else None
            if handle is None:
                raise ValueError(f"{filename} has no PKG-INFO")
            return handle.read().decode("utf-8")
    if filename.endswith(".zip"):  # old sdists
        with zipfile.ZipFile(io.BytesIO(body)) as sdist:
            found = [n for n in sdist.namelist() if n.count("/") == 1 and n.endswith("/PKG-INFO")]
            if not found:
                raise ValueError(f"{filename} has no PKG-INFO")
            return sdist.read(found[0]).decode("utf-8")
    raise ValueError(f"cannot read metadata from {filename}")
