"""The package index client: where the index is, its JSON address, and reading the answer."""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
from email.message import Message
from pathlib import Path

import pytest

from macros.data.package_index import (
    IndexConfigError,
    PackageIndexError,
    Release,
    Transport,
    configured_index_url,
    fetch_release,
    index_url_from_files,
    json_api_url,
    pip_config_files,
    release_from_metadata,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "package-index"
MIRROR = "https://mirror.example/simple/"


def recorded(name: str) -> object:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


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
        (MIRROR, "Flask_SQLAlchemy", "https://mirror.example/pypi/flask-sqlalchemy/json"),
        ("http://127.0.0.1:8080/simple", "a.b", "http://127.0.0.1:8080/pypi/a-b/json"),
        ("https://m.example/repo/x/simple/", "uv", "https://m.example/repo/x/pypi/uv/json"),
    ],
)
def test_json_api_address_is_derived_from_the_simple_index(
    simple: str, package: str, expected: str
) -> None:
    assert json_api_url(simple, package) == expected


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
        json_api_url(simple, "x")
    assert "secret" not in str(caught.value)


def test_release_facts_from_recorded_metadata() -> None:
    assert release_from_metadata("fastapi", recorded("fastapi")) == Release(
        "fastapi", "0.165.0", dt.date(2026, 11, 18), ">=3.10", "MIT"
    )
    jose = release_from_metadata("python-jose", recorded("python-jose"))
    assert (jose.license_expression, jose.requires_python) == (None, ">=3.9")


def test_released_is_the_upload_day_of_the_first_file_in_utc() -> None:
    metadata = {
        "info": {"version": "2.0", "requires_python": "", "license_expression": None},
        "urls": [
            {"upload_time_iso_8601": "2026-01-02T00:00:01Z"},
            {"upload_time_iso_8601": "2026-01-01T23:59:59.5Z"},
            {"upload_time": "2026-01-03T10:00:00"},
        ],
    }
    release = release_from_metadata("x", metadata)
    assert release.released == dt.date(2026, 1, 1)
    assert release.requires_python is None  # empty text is "not reported"


def test_no_files_means_no_release_date() -> None:
    release = release_from_metadata("x", {"info": {"version": "1"}, "urls": []})
    assert release.released is None


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
    assert caught.value.url == "https://mirror.example/pypi/some-pkg/json"
