"""The package index client: where the index is, which pages it reads, and what they state.

Answers are the recordings of ``tests/fixtures/package-index/`` (see ``recorded_index``).
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
from email.message import Message
from pathlib import Path

import pytest

from macros.data.core_metadata import parse_core_metadata
from macros.data.package_index import (
    IndexConfigError,
    PackageIndexError,
    Transport,
    configured_index_url,
    fetch_release,
    index_url_from_files,
    pip_config_files,
    project_page_url,
)

from .recorded_index import FIXTURES, answer, recorded_metadata, recorded_page

MIRROR = "https://mirror.example/simple/"
TODAY = dt.date(2026, 12, 1)


def recorded_transport(url: str, timeout: float) -> bytes:
    """The recorded answer for ``url``; a 404 for anything that was not recorded."""
    body = answer(url)
    if body is None:
        raise urllib.error.HTTPError(url, 404, "Not Found", Message(), None)
    return body


def never() -> str | None:
    raise AssertionError("must not be asked")


def test_environment_wins_in_order() -> None:
    env = {
        "UV_INDEX_URL": "https://c.example/simple",
        "UV_DEFAULT_INDEX": "https://b.example/simple",
    }
    assert configured_index_url(env, never, never) == "https://b.example/simple"
    env["PIP_INDEX_URL"] = "https://a.example/simple  https://other.example/simple"
    assert configured_index_url(env, never, never) == "https://a.example/simple"


def test_pip_config_then_pip_default_then_error() -> None:
    assert configured_index_url({}, lambda: "https://conf.example/simple", never) == (
        "https://conf.example/simple"
    )
    assert configured_index_url({}, lambda: None, lambda: "https://d.example/simple") == (
        "https://d.example/simple"
    )
    with pytest.raises(IndexConfigError, match="no package index is configured"):
        configured_index_url({"PIP_INDEX_URL": " "}, lambda: None, lambda: None)


def test_pip_default_is_a_simple_index() -> None:
    from macros.data.package_index import pip_default_index_url

    default = pip_default_index_url()  # pip is a dependency of the project
    assert default is not None and default.rstrip("/").endswith("/simple")


def test_pip_conf_files_later_file_wins(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.conf", tmp_path / "b.conf", tmp_path / "c.conf"
    first.write_text("[global]\nindex-url = https://first.example/simple\n", encoding="utf-8")
    second.write_text("[global]\nindex-url = https://second.example/simple\n", encoding="utf-8")
    other.write_text("[install]\nindex-url = https://install-only.example/simple\n")
    missing = tmp_path / "missing.conf"
    assert index_url_from_files([first, second, other, missing]) == "https://second.example/simple"
    assert index_url_from_files([other, missing]) is None


def test_pip_conf_locations_follow_pip(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_DIRS": "/etc/xdg"}
    files = pip_config_files(env)
    assert files[:2] == [Path("/etc/pip.conf"), Path("/etc/xdg/pip/pip.conf")]
    assert tmp_path / ".config" / "pip" / "pip.conf" in files
    with_env = pip_config_files({**env, "PIP_CONFIG_FILE": str(tmp_path / "mine.conf")})
    assert with_env[-1] == tmp_path / "mine.conf"
    assert tmp_path / ".config" / "pip" / "pip.conf" not in with_env  # as pip does


@pytest.mark.parametrize(
    ("simple", "package", "expected"),
    [
        (
            "https://m.example/simple/",
            "Flask_SQLAlchemy",
            "https://m.example/simple/flask-sqlalchemy/",
        ),
        ("http://127.0.0.1:8080/simple", "a.b", "http://127.0.0.1:8080/simple/a-b/"),
        ("https://m.example/repo/x/simple/", "uv", "https://m.example/repo/x/simple/uv/"),
    ],
)
def test_project_page_is_under_the_simple_index(simple: str, package: str, expected: str) -> None:
    assert project_page_url(simple, package) == expected


@pytest.mark.parametrize(
    ("simple", "message"),
    [
        ("https://m.example/repo/", "ends in /simple/"),
        ("file:///opt/index/simple", r"is not http\(s\)"),
        ("https://user:secret@m.example/repo/", r"https://\*\*\*@m.example/repo/"),
    ],
)
def test_unusable_index_addresses_are_refused(simple: str, message: str) -> None:
    with pytest.raises(IndexConfigError, match=message) as caught:
        project_page_url(simple, "x")
    assert "secret" not in str(caught.value)


def test_release_facts_from_the_recorded_page_and_core_metadata() -> None:
    release = fetch_release("fastapi", MIRROR, recorded_transport, today=TODAY)
    assert (release.version, release.released) == ("0.165.0", dt.date(2026, 11, 18))
    assert (release.requires_python, release.license_expression) == (">=3.11", "MIT")
    assert release.first_upload == dt.date(2018, 12, 8)
    assert release.development_status == "4 - Beta"
    assert release.python_versions == ("3.11", "3.12", "3.13", "3.14", "3.15")
    # Four recorded versions came out in the twelve months before TODAY; 0.1.0 did not.
    assert release.releases_last_year == 4


def test_the_wheel_metadata_wins_over_the_json_api_info_block() -> None:
    """marshmallow 4.4.0: the JSON API says >=3.10, its wheel's METADATA says >=3.11."""
    info = json.loads((FIXTURES / "marshmallow" / "json-api-info.json").read_text("utf-8"))
    wheel = recorded_metadata("marshmallow-4.4.0-py3-none-any.whl") or ""
    assert (info["version"], info["requires_python"]) == ("4.4.0", ">=3.10")
    assert parse_core_metadata(wheel).requires_python == ">=3.11"
    release = fetch_release("marshmallow", MIRROR, recorded_transport, today=TODAY)
    assert release.requires_python == ">=3.11"


def test_a_pep_658_metadata_file_is_read_instead_of_the_wheel() -> None:
    page = recorded_page("starlette")
    files = page["files"]
    assert isinstance(files, list)
    for entry in files:
        entry["core-metadata"] = True
    asked: list[str] = []

    def transport(url: str, timeout: float) -> bytes:
        asked.append(url)
        if url.endswith("/simple/starlette/"):
            return json.dumps(page).encode()
        return recorded_transport(url, timeout)

    release = fetch_release("starlette", MIRROR, transport, today=TODAY)
    assert asked[-1].endswith(".whl.metadata")
    assert release.version == "1.10.0"


def test_licence_and_classifier_fields_of_core_metadata() -> None:
    meta = parse_core_metadata(
        "Metadata-Version: 2.4\nName: x\nVersion: 1.0\nLicense: BSD\n"
        "Classifier: Development Status :: 7 - Inactive\n"
        "Classifier: Programming Language :: Python :: Free Threading :: 3 - Stable\n"
        "Classifier: Programming Language :: Python :: 3.13\n"
        "Classifier: Programming Language :: Python :: 3.9\n"
    )
    assert (meta.license_expression, meta.license_text) == (None, "BSD")
    assert meta.development_status == "7 - Inactive"
    assert meta.free_threading == "3 - Stable"
    assert meta.python_versions == ["3.9", "3.13"]


def test_yanked_files_and_pre_releases_are_not_the_latest() -> None:
    page = recorded_page("fastapi")
    files = page["files"]
    assert isinstance(files, list)
    newest = [f for f in files if "0.165.0" in f["filename"]]
    for entry in newest:
        entry["yanked"] = True
    files.append({**newest[0], "filename": "fastapi-0.166.0rc1-py3-none-any.whl", "yanked": False})

    def transport(url: str, timeout: float) -> bytes:
        if url.endswith("/simple/fastapi/"):
            return json.dumps(page).encode()
        if "0.166.0rc1" in url or "0.164.0" in url:
            return recorded_transport(
                url.replace("0.166.0rc1", "0.165.0").replace("0.164.0", "0.165.0"), timeout
            )
        return recorded_transport(url, timeout)

    assert fetch_release("fastapi", MIRROR, transport, today=TODAY).version == "0.164.0"


def _http_error(url: str, timeout: float) -> bytes:
    raise urllib.error.HTTPError(url, 404, "Not Found", Message(), None)


def _dns_error(url: str, timeout: float) -> bytes:
    raise urllib.error.URLError(OSError(-2, "Name or service not known"))


def _timeout(url: str, timeout: float) -> bytes:
    raise TimeoutError("timed out")


def _not_json(url: str, timeout: float) -> bytes:
    return b"<html>"


@pytest.mark.parametrize(
    ("transport", "reason"),
    [
        (_http_error, "HTTP 404 Not Found"),
        (_dns_error, "Name or service not known"),
        (_timeout, "no answer within 1.5 s (timed out)"),
        (_not_json, "unexpected answer"),
    ],
)
def test_fetch_failures_name_the_package_and_the_error(transport: Transport, reason: str) -> None:
    with pytest.raises(PackageIndexError) as caught:
        fetch_release("Some_Pkg", MIRROR, transport, timeout=1.5)
    assert caught.value.package == "Some_Pkg"
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"package 'Some_Pkg': {caught.value.reason} (")
    assert caught.value.url == "https://mirror.example/simple/some-pkg/"
