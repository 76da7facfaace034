"""Build-level guarantees: determinism, no third-party requests, clean data errors."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site.html_tree import parse
from tests.site.sitebuild import build_or_fail, build_site

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_identical(site_dir: Path, tmp_path: Path) -> None:
    again = tree_bytes(build_or_fail(tmp_path / "again"))
    first = tree_bytes(site_dir)
    assert sorted(again) == sorted(first)
    differing = [name for name in first if first[name] != again[name]]
    assert differing == []


def is_external(url: str) -> bool:
    """True if loading ``url`` would leave the site (data: URIs and fragments stay)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def loaded_urls(html: str) -> list[str]:
    """URLs a browser loads on its own for this page: scripts, styles, images, frames, CSS."""
    doc = parse(html)
    urls = [
        n.attrs.get("src") or ""
        for tag in ("script", "img", "iframe", "source", "audio", "video")
        for n in doc.find_all(tag)
        if n.attrs.get("src")
    ]
    for link in doc.find_all("link"):
        rel = link.attrs.get("rel") or ""
        if rel in ("canonical", "alternate"):
            continue
        urls.append(link.attrs.get("href") or "")
    urls += [n.attrs.get("srcset") or "" for n in doc.iter() if n.attrs.get("srcset")]
    urls += CSS_URL.findall(html)
    return urls


def test_no_third_party_requests(site_dir: Path) -> None:
    checked = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8")
        urls = loaded_urls(text) if path.suffix == ".html" else CSS_URL.findall(text)
        external = [u for u in urls if is_external(u)]
        assert external == [], f"{path.relative_to(site_dir)}: {external}"
        checked += 1
    assert checked > 10
    assert not parse((site_dir / "index.html").read_text()).find_all("link", rel="canonical")


def test_data_error_stops_the_build_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data" / "frameworks"
    data.mkdir(parents=True)
    (data / "broken-web.yaml").write_text(
        "id: broken-web\nname: Broken\nkind: framework\nsummary: x\ncolour: blue\n"
    )
    out = tmp_path / "out"
    done = build_site(out, tmp_path / "data")
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert re.search(r"data/frameworks/broken-web\.yaml:5:1: colour: ", output), output
    assert "Traceback" not in output
    assert not out.exists()
