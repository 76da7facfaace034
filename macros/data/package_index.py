"""Release facts of a package, read from the package index the installer is configured to use.

Which index
    The first of these that is set wins; no index address is written in this code:

    1. the environment: ``PIP_INDEX_URL``, then ``UV_DEFAULT_INDEX``, then ``UV_INDEX_URL``;
    2. pip's configuration: ``pip config get global.index-url`` when a ``pip`` command is on
       ``PATH``; otherwise ``index-url`` in the ``[global]`` section of the pip.conf files pip
       reads (site-wide, per-user, the virtual environment's, then ``PIP_CONFIG_FILE``; a later
       file overrides an earlier one, as in pip);
    3. pip's built-in default index (``pip._internal.models.index.PyPI``).

Which answers
    The project page of the *simple* index in its JSON form (PEP 691; upload times of PEP 700)
    lists every file: from it come the versions and upload days. The latest release's core
    metadata (its ``.metadata`` file, PEP 658/714, else the ``METADATA`` inside its smallest
    wheel) gives ``Requires-Python``, the licence and the classifiers: what installers enforce,
    which the JSON API's ``info`` block may not say (see :mod:`macros.data.core_metadata`)::

        https://<index host>/simple/            ->  https://<index host>/simple/<name>/
        https://<mirror host>/repo/x/simple/    ->  https://<mirror host>/repo/x/simple/<name>/
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
from urllib.parse import quote, urlsplit, urlunsplit

from macros.data.core_metadata import (
    CoreMetadata,
    metadata_from_distribution,
    parse_core_metadata,
)
from macros.data.release_history import SIMPLE_JSON, ReleaseHistory, parse_simple_json

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
    """Facts of a package: its latest release's core metadata and its release history."""

    package: str
    version: str
    released: dt.date | None
    """Upload day (UTC) of the first file of ``version``."""
    requires_python: str | None
    license_expression: str | None
    """``License-Expression`` of the core metadata (SPDX)."""
    license_text: str | None = None
    """The legacy one-line ``License`` field, used only where the data names no licence."""
    first_upload: dt.date | None = None
    releases_last_year: int = 0
    """Versions first uploaded in the 365 days before the day of the refresh."""
    python_versions: tuple[str, ...] = ()
    free_threading: str | None = None
    development_status: str | None = None
    project_urls: tuple[tuple[str, str], ...] = ()


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


def project_page_url(simple_url: str, package: str) -> str:
    """The simple-index page of ``package`` (PEP 503 name) under the index ``simple_url``."""
    parts = urlsplit(simple_url)
    if parts.scheme not in ("http", "https"):
        raise IndexConfigError(f"index address {redact(simple_url)} is not http(s)")
    if parts.path.rstrip("/").rpartition("/")[2] != "simple":
        raise IndexConfigError(
            f"cannot use {redact(simple_url)}: the address of a simple index ends in /simple/"
        )
    path = f"{parts.path.rstrip('/')}/{quote(normalize(package))}/"
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
    request = urllib.request.Request(url, headers={"Accept": SIMPLE_JSON})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body: bytes = response.read()
    return body


def fetch_history(
    package: str, simple_url: str, transport: Transport = urllib_transport, timeout: float = 20.0
) -> ReleaseHistory:
    """Every file the index lists for ``package``, by version (its simple page, PEP 691)."""
    page = project_page_url(simple_url, package)
    answer = _get(package, page, transport, timeout)
    try:
        return parse_simple_json(page, json.loads(answer))
    except (ValueError, KeyError, TypeError) as exc:
        raise PackageIndexError(package, page, f"unexpected answer: {exc}") from exc


def fetch_core_metadata(
    package: str, history: ReleaseHistory, transport: Transport, timeout: float
) -> CoreMetadata:
    """The core metadata of the latest release: its ``.metadata`` file, else its wheel's."""
    chosen = history.metadata_file(history.latest())
    url = chosen.url + ".metadata" if chosen.core_metadata else chosen.url
    body = _get(package, url, transport, timeout)
    try:
        if chosen.core_metadata:
            return parse_core_metadata(body.decode("utf-8"))
        return parse_core_metadata(metadata_from_distribution(chosen.filename, body))
    except (ValueError, KeyError, UnicodeDecodeError, OSError) as exc:
        raise PackageIndexError(package, url, f"unreadable core metadata: {exc}") from exc


def fetch_release(
    package: str,
    simple_url: str,
    transport: Transport = urllib_transport,
    timeout: float = 20.0,
    today: dt.date | None = None,
) -> Release:
    """Fetch the release history and the latest core metadata of ``package``.

    Raises :class:`PackageIndexError` naming the address on any failure.
    """
    history = fetch_history(package, simple_url, transport, timeout)
    latest = history.latest()
    meta = fetch_core_metadata(package, history, transport, timeout)
    day = today or dt.datetime.now(dt.UTC).date()
    return Release(
        package=package,
        version=str(latest),
        released=history.released(latest),
        requires_python=meta.requires_python,
        license_expression=meta.license_expression,
        license_text=meta.license_text,
        first_upload=history.first_upload(),
        releases_last_year=history.releases_since(day - dt.timedelta(days=365)),
        python_versions=tuple(meta.python_versions),
        free_threading=meta.free_threading,
        development_status=meta.development_status,
        project_urls=meta.project_urls,
    )


def _get(package: str, url: str, transport: Transport, timeout: float) -> bytes:
    try:
        return transport(url, timeout)
    except urllib.error.HTTPError as exc:
        raise PackageIndexError(package, url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise PackageIndexError(package, url, _reason(exc.reason, timeout)) from exc
    except OSError as exc:  # includes TimeoutError while reading the body
        raise PackageIndexError(package, url, _reason(exc, timeout)) from exc


def _reason(error: object, timeout: float) -> str:
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:g} s (timed out)"
    return str(error) or type(error).__name__
