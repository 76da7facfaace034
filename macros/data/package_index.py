"""Release facts of a package, read from the package index the installer is configured to use.

Which index
    The first of these that is set wins; no index address is written in this code:

    1. the environment: ``PIP_INDEX_URL``, then ``UV_DEFAULT_INDEX``, then ``UV_INDEX_URL``;
    2. pip's configuration: ``pip config get global.index-url`` when a ``pip`` command is on
       ``PATH``; otherwise ``index-url`` in the ``[global]`` section of the pip.conf files pip
       reads (site-wide, per-user, the virtual environment's, then ``PIP_CONFIG_FILE``; a later
       file overrides an earlier one, as in pip);
    3. pip's built-in default index (``pip._internal.models.index.PyPI``).

JSON API address
    Those are addresses of the *simple* index. The JSON API sits beside it: the last path segment
    ``simple`` becomes ``pypi`` and ``<name>/json`` is appended, with ``<name>`` normalised as in
    PEP 503::

        https://<index host>/simple/            ->  https://<index host>/pypi/<name>/json
        https://<mirror host>/repo/x/simple/    ->  https://<mirror host>/repo/x/pypi/<name>/json

    An index address that does not end in ``/simple`` is refused with a message; a mirror that
    has no JSON API answers with an HTTP error, which names the address that was tried.
"""

from __future__ import annotations

import configparser
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

ENV_VARIABLES = ("PIP_INDEX_URL", "UV_DEFAULT_INDEX", "UV_INDEX_URL")
"""Environment variables naming the index, in the order they are tried."""

Transport = Callable[[str, float], bytes]
"""Fetch a URL with a timeout in seconds and return the body; raises on any failure."""


class IndexConfigError(Exception):
    """No usable package index address could be found."""


class PackageIndexError(Exception):
    """Fetching or reading one package's metadata failed."""

    def __init__(self, package: str, url: str, reason: str) -> None:
        self.package, self.url, self.reason = package, url, reason
        super().__init__(f"package {package!r}: {reason} ({redact(url)})")


@dataclass(frozen=True)
class Release:
    """Facts of the latest release of a package, as the index reports them."""

    package: str
    version: str
    released: dt.date | None
    """Upload day (UTC) of the first file of ``version``."""
    requires_python: str | None
    license_expression: str | None
    """SPDX expression from the core metadata, if the project declares one."""


def configured_index_url(
    environ: Mapping[str, str] | None = None,
    pip_config: Callable[[], str | None] | None = None,
    pip_default: Callable[[], str | None] | None = None,
) -> str:
    """The simple-index address the installer would use (see the module docstring)."""
    env = os.environ if environ is None else environ
    for name in ENV_VARIABLES:
        if env.get(name, "").strip():
            # uv and pip accept several space-separated addresses in some variables: use the first.
            return env[name].split()[0]
    for lookup in (pip_config or pip_config_index_url, pip_default or pip_default_index_url):
        found = lookup()
        if found:
            return found
    raise IndexConfigError(
        "no package index is configured: set PIP_INDEX_URL (or UV_DEFAULT_INDEX), configure "
        "pip's global.index-url, or install pip"
    )


def pip_config_index_url() -> str | None:
    """``global.index-url`` from pip's configuration, or ``None`` when it is not set."""
    pip = shutil.which("pip")
    if pip is None:
        return index_url_from_files(pip_config_files())
    try:
        result = subprocess.run(
            [pip, "config", "get", "global.index-url"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return index_url_from_files(pip_config_files())
    value = result.stdout.strip()
    return value if result.returncode == 0 and value else None


def pip_config_files(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The pip.conf files pip reads on this platform, lowest priority first."""
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME", str(Path.home())))
    xdg_dirs = env.get("XDG_CONFIG_DIRS", "/etc/xdg").split(os.pathsep)
    xdg_home = Path(env.get("XDG_CONFIG_HOME", str(home / ".config")))
    files = [Path("/etc/pip.conf"), *(Path(d) / "pip" / "pip.conf" for d in reversed(xdg_dirs))]
    if not env.get("PIP_CONFIG_FILE"):  # pip skips the user's files when this is set
        files += [home / ".pip" / "pip.conf", xdg_home / "pip" / "pip.conf"]
    files.append(Path(sys.prefix) / "pip.conf")
    if env.get("PIP_CONFIG_FILE"):
        files.append(Path(env["PIP_CONFIG_FILE"]))
    return files


def index_url_from_files(files: Iterable[Path]) -> str | None:
    """The last ``[global] index-url`` set in ``files`` (later files override earlier ones)."""
    found: str | None = None
    for path in files:
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for key in ("index-url", "index_url"):
            if parser.has_option("global", key):
                found = parser.get("global", key).strip() or found
    return found


def pip_default_index_url() -> str | None:
    """pip's own default simple index, if pip is importable."""
    try:
        from pip._internal.models.index import PyPI
    except ImportError:
        return None
    url: str = PyPI.simple_url
    return url


def json_api_url(simple_url: str, package: str) -> str:
    """The JSON metadata address of ``package`` beside the simple index ``simple_url``."""
    parts = urlsplit(simple_url)
    if parts.scheme not in ("http", "https"):
        raise IndexConfigError(f"index address {redact(simple_url)} is not http(s)")
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last != "simple":
        raise IndexConfigError(
            f"cannot derive the JSON API from {redact(simple_url)}: the address of a simple "
            "index ends in /simple/"
        )
    path = f"{head}/pypi/{quote(normalize(package))}/json"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def normalize(package: str) -> str:
    """PEP 503 name normalisation: ``Flask_SQLAlchemy`` -> ``flask-sqlalchemy``."""
    return re.sub(r"[-_.]+", "-", package).lower()


def redact(url: str) -> str:
    """``url`` without a user name or password, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def urllib_transport(url: str, timeout: float) -> bytes:
    """GET ``url`` with the standard library (honours the usual proxy variables)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body: bytes = response.read()
    return body


def fetch_release(
    package: str,
    simple_url: str,
    transport: Transport = urllib_transport,
    timeout: float = 20.0,
) -> Release:
    """Fetch and read the metadata of ``package``; :class:`PackageIndexError` on any failure."""
    url = json_api_url(simple_url, package)
    try:
        body = transport(url, timeout)
    except urllib.error.HTTPError as exc:
        raise PackageIndexError(package, url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise PackageIndexError(package, url, _reason(exc.reason, timeout)) from exc
    except OSError as exc:  # includes TimeoutError while reading the body
        raise PackageIndexError(package, url, _reason(exc, timeout)) from exc
    try:
        return release_from_metadata(package, json.loads(body))
    except (ValueError, KeyError, TypeError) as exc:
        raise PackageIndexError(package, url, f"unexpected answer: {exc}") from exc


def _reason(error: object, timeout: float) -> str:
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:g} s (timed out)"
    return str(error) or type(error).__name__


def release_from_metadata(package: str, metadata: Any) -> Release:
    """Read a JSON API answer: ``info`` and the files of the latest version (``urls``)."""
    info = metadata["info"]
    version = info["version"]
    if not isinstance(version, str) or not version:
        raise ValueError("info.version is missing")
    uploads = [
        dt.datetime.fromisoformat(f.get("upload_time_iso_8601") or f["upload_time"])
        for f in metadata.get("urls") or []
    ]
    first = min(uploads, key=_as_utc) if uploads else None
    return Release(
        package=package,
        version=version,
        released=_as_utc(first).date() if first else None,
        requires_python=_text(info.get("requires_python")),
        license_expression=_text(info.get("license_expression")),
    )


def _as_utc(moment: dt.datetime) -> dt.datetime:
    # The index reports UTC; an offset-free `upload_time` is UTC too.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
