"""``atlas refresh`` against recorded index answers served on 127.0.0.1 (never the network)."""

from __future__ import annotations

import http.server
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.atlas import main

from .conftest import HEADER, Write
from .recorded_index import answer

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"


class IndexHandler(http.server.BaseHTTPRequestHandler):
    """Serves the recorded index (``recorded_index``): simple pages and wheels; ``slow`` never
    answers in time; everything else is a 404."""

    requested: list[str]

    def do_GET(self) -> None:
        self.requested.append(self.path)
        if self.path.rstrip("/").endswith("/slow"):
            time.sleep(1.0)
        body = answer(self.path)
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.pypi.simple.v1+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


def refresh(*args: str) -> int:
    """``atlas refresh`` on the recorded day, so "releases in the last year" does not drift."""
    return main(["refresh", "--today", TODAY, *args])


def pages(requested: list[str]) -> list[str]:
    """The simple pages among the requested paths."""
    return sorted(p for p in requested if p.startswith("/simple/"))


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A local index on 127.0.0.1 named by PIP_INDEX_URL; yields the paths it was asked for."""
    requested: list[str] = []
    handler = type("Handler", (IndexHandler,), {"requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.server_port}/simple/")
    for name in ("UV_DEFAULT_INDEX", "UV_INDEX_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    try:
        yield requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# FastAPI is behind the recorded index: old version (with a comment), no requires_python.
FASTAPI = (
    HEADER
    + """\
id: fastapi
name: FastAPI
summary: Test copy.
description: Test copy.
package: fastapi
license: MIT
latest_version: "0.100.0"  # keep this comment
released: 2023-07-07
camp: layered-asgi
interfaces: [asgi]
handlers: [sync, async]
sources:
  - url: https://example.org/fastapi
    title: Example
as_of: 2026-01-02
"""
)

FASTAPI_REFRESHED = FASTAPI.replace(
    'latest_version: "0.100.0"  # keep this comment\nreleased: 2023-07-07\n',
    'latest_version: "0.165.0"  # keep this comment\nreleased: 2026-11-18\n'
    'requires_python: ">=3.11"\nfirst_upload: 2018-12-08\nreleases_last_year: 4\n'
    'python_versions: ["3.11", "3.12", "3.13", "3.14", "3.15"]\n'
    'development_status: "4 - Beta"\nmetadata_checked: 2026-12-01\n',
)

# Starlette matches the recorded index already.
STARLETTE = (
    HEADER
    + """\
id: starlette
name: Starlette
summary: Test copy.
description: Test copy.
package: starlette
license: BSD-3-Clause
latest_version: 1.10.0
released: 2026-10-24
requires_python: ">=3.11"
first_upload: 2018-06-25
releases_last_year: 4
python_versions: ["3.11", "3.12", "3.13", "3.14", "3.15"]
development_status: 3 - Alpha
metadata_checked: 2026-12-01
camp: micro-asgi
interfaces: [asgi]
handlers: [sync, async]
sources:
  - url: https://example.org/starlette
    title: Example
as_of: 2026-01-02
"""
)

# python-jose states no SPDX expression, only `License: MIT`: our licence value stays.
JOSE = """\
# yaml-language-server: $schema=../../schemas/auth.schema.json
id: python-jose
name: python-jose
summary: Test copy.
description: Test copy.
package: python-jose
license: LicenseRef-Kept
auth_type: library
sources:
  - url: https://example.org/jose
    title: Example
as_of: 2026-01-02
"""

JOSE_REFRESHED = JOSE.replace(
    "license: LicenseRef-Kept\n",
    "license: LicenseRef-Kept\nlatest_version: 3.5.0\nreleased: 2025-05-28\n"
    'requires_python: ">=3.9"\nfirst_upload: 2015-04-22\nreleases_last_year: 0\n'
    'python_versions: ["3.9", "3.10", "3.11", "3.12", "3.13"]\n'
    'development_status: "5 - Production/Stable"\nmetadata_checked: 2026-12-01\n',
)


@pytest.fixture
def files(write: Write) -> dict[str, Path]:
    return {
        "fastapi": write("frameworks/fastapi.yaml", FASTAPI),
        "starlette": write("frameworks/starlette.yaml", STARLETTE),
        "python-jose": write("auth/python-jose.yaml", JOSE),
    }


def snapshot(files: dict[str, Path]) -> dict[str, tuple[bytes, int]]:
    return {k: (p.read_bytes(), p.stat().st_mtime_ns) for k, p in files.items()}


def test_refresh_updates_values_in_place_and_keeps_comments(
    index: list[str], files: dict[str, Path], data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refresh("--data", str(data_root)) == 0
    assert files["fastapi"].read_text(encoding="utf-8") == FASTAPI_REFRESHED
    assert files["python-jose"].read_text(encoding="utf-8") == JOSE_REFRESHED
    assert files["starlette"].read_text(encoding="utf-8") == STARLETTE
    out, err = capsys.readouterr()
    assert "--- a/data/frameworks/fastapi.yaml\n+++ b/data/frameworks/fastapi.yaml\n" in out
    assert '-latest_version: "0.100.0"  # keep this comment\n' in out
    assert '+requires_python: ">=3.11"\n' in out
    assert "starlette.yaml" not in out
    assert "[1/3] fastapi: fastapi ..." in err and "[3/3] starlette: starlette ..." in err
    assert pages(index) == [
        "/simple/fastapi/",
        "/simple/python-jose/",
        "/simple/starlette/",
    ]
    assert not list(data_root.rglob(".*.tmp"))

    # A second run finds nothing to do and writes nothing.
    before = snapshot(files)
    assert refresh("--data", str(data_root)) == 0
    assert snapshot(files) == before
    assert "Data is up to date" in capsys.readouterr().err


def test_check_reports_behind_and_writes_nothing(
    index: list[str], files: dict[str, Path], data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(files)
    assert refresh("--check", "--data", str(data_root)) == 1
    assert snapshot(files) == before
    out, err = capsys.readouterr()
    assert "+latest_version: 3.5.0\n" in out
    assert (
        "2 file(s) behind the package index: data/frameworks/fastapi.yaml (latest_version, "
        "released, requires_python, first_upload, releases_last_year, python_versions, "
        "development_status), data/auth/python-jose.yaml (latest_version, released, "
        "requires_python, first_upload, releases_last_year, python_versions, "
        "development_status). Run `uv run atlas refresh`."
    ) in err


def test_check_passes_when_up_to_date(
    index: list[str], files: dict[str, Path], data_root: Path
) -> None:
    assert refresh("--check", "--only", "starlette", "--data", str(data_root)) == 0


def test_only_fetches_the_named_ids(
    index: list[str], files: dict[str, Path], data_root: Path
) -> None:
    assert refresh("--only", "python-jose, starlette", "--data", str(data_root)) == 0
    assert pages(index) == ["/simple/python-jose/", "/simple/starlette/"]
    assert files["fastapi"].read_text(encoding="utf-8") == FASTAPI
    assert files["python-jose"].read_text(encoding="utf-8") == JOSE_REFRESHED


def test_only_with_an_unknown_id_is_a_usage_error(
    index: list[str], files: dict[str, Path], data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refresh("--only", "fastapi,nope", "--data", str(data_root)) == 2
    assert "unknown id: nope" in capsys.readouterr().err
    assert index == []


def test_http_error_touches_no_file(
    index: list[str],
    write: Write,
    files: dict[str, Path],
    data_root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `zzz` sorts last: fastapi and python-jose were fetched and are behind, yet nothing is written.
    missing = write("frameworks/zzz.yaml", STARLETTE.replace("starlette", "zzz"))
    files = {**files, "zzz": missing}
    before = snapshot(files)
    assert refresh("--data", str(data_root)) == 2
    assert snapshot(files) == before
    err = capsys.readouterr().err
    port = os.environ["PIP_INDEX_URL"].split(":")[2].split("/")[0]
    assert err.splitlines()[-1] == (
        f"atlas refresh: package 'zzz': HTTP 404 Not Found "
        f"(http://127.0.0.1:{port}/simple/zzz/); no file was changed"
    )


def test_timeout_touches_no_file(
    index: list[str],
    write: Write,
    files: dict[str, Path],
    data_root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("frameworks/slow.yaml", STARLETTE.replace("starlette", "slow"))
    before = snapshot(files)
    assert refresh("--timeout", "0.2", "--data", str(data_root)) == 2
    assert snapshot(files) == before
    assert "package 'slow': no answer within 0.2 s (timed out)" in capsys.readouterr().err


def test_connection_refused_touches_no_file(
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, Path],
    data_root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{port}/simple/")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    before = snapshot(files)
    assert refresh("--data", str(data_root)) == 2
    assert snapshot(files) == before
    err = capsys.readouterr().err
    assert "atlas refresh: package 'fastapi': " in err and "Connection refused" in err


def test_write_is_atomic_via_a_temporary_file_in_the_same_folder(
    index: list[str], files: dict[str, Path], data_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    seen: list[tuple[Path, Path, bytes]] = []

    def spy(src: str, dst: str) -> None:
        # At the moment of the rename the target still holds the old text.
        seen.append((Path(src), Path(dst), Path(dst).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    assert refresh("--only", "fastapi", "--data", str(data_root)) == 0
    [(src, dst, old)] = seen
    assert dst == files["fastapi"] and src.parent == dst.parent
    assert src.name.startswith(".fastapi.yaml.") and src.name.endswith(".tmp")
    assert old == FASTAPI.encode()
    assert files["fastapi"].read_text(encoding="utf-8") == FASTAPI_REFRESHED


def test_failed_rename_keeps_the_old_file_and_no_temporary(
    index: list[str], files: dict[str, Path], data_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        refresh("--only", "fastapi", "--data", str(data_root))
    assert files["fastapi"].read_text(encoding="utf-8") == FASTAPI
    assert sorted(p.name for p in files["fastapi"].parent.iterdir()) == [
        "fastapi.yaml",
        "starlette.yaml",
    ]


def test_multi_line_value_is_refused_without_writing(
    index: list[str], write: Write, data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folded = FASTAPI.replace(
        'latest_version: "0.100.0"  # keep this comment', "latest_version: >-\n  0.100.0"
    )
    path = write("frameworks/fastapi.yaml", folded)
    assert refresh("--data", str(data_root)) == 2
    assert path.read_text(encoding="utf-8") == folded
    assert "latest_version: the value spans several lines: edit it by hand" in (
        capsys.readouterr().err
    )


def test_cli_check_runs_as_a_subprocess_without_traceback(
    index: list[str], files: dict[str, Path], data_root: Path
) -> None:
    result = subprocess.run(
        [
            "uv",
            "run",
            "--quiet",
            "atlas",
            "refresh",
            "--check",
            "--today",
            TODAY,
            "--data",
            str(data_root),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "+++ b/data/frameworks/fastapi.yaml" in result.stdout
