"""The audit server compresses text like a static host and redirects folders like one."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from macros.checks.serve import serve
from tests.quality.minisite import clean_site


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(url: str, encoding: str | None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_gzip_for_text_plain_otherwise(tmp_path: Path) -> None:
    site = clean_site(tmp_path)
    html = (site / "guide" / "index.html").read_bytes()
    with serve(site) as base:
        status, headers, body = fetch(base + "guide/", "gzip, deflate")
        assert (status, headers["Content-Encoding"]) == (200, "gzip")
        assert gzip.decompress(body) == html
        status, headers, body = fetch(base + "guide/", None)
        assert (status, body) == (200, html)
        assert "Content-Encoding" not in headers
        status, headers, body = fetch(base + "assets/logo.png", "gzip")
        assert (status, body) == (200, (site / "assets" / "logo.png").read_bytes())
        assert "Content-Encoding" not in headers
        status, headers, _ = fetch(base + "guide", "gzip")
        assert (status, headers["Location"]) == (301, "/guide/")
        assert fetch(base + "nothing.css", "gzip")[0] == 404
