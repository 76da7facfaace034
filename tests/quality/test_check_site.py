"""``atlas check-site`` finds each kind of problem in fixture sites and passes a clean one."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from scripts.atlas import main
from scripts.site.check import SiteCheck, run_checks
from tests.quality.minisite import clean_site, page, write_site

BUDGET = Path(__file__).with_name("budget.yaml")


def check(root: Path) -> SiteCheck:
    return run_checks(root, BUDGET)


def lines(result: SiteCheck) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_clean_site_has_no_problem(tmp_path: Path) -> None:
    result = check(clean_site(tmp_path))
    assert lines(result) == []
    assert result.pages == 2
    assert result.links.internal == 3
    assert result.links.external == 1


def test_broken_link(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"guide/index.html": page('<a href="../nowhere/">x</a>')})
    assert lines(check(tmp_path)) == [
        "guide/index.html:5:7: link: a[href] '../nowhere/': no such file nowhere/index.html",
        "index.html:5:29: link: a[href] 'guide/#setup': no element with id 'setup' in "
        "guide/index.html",
    ]


def test_broken_anchor_on_same_page(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"other.html": page('<h2 id="a">A</h2><a href="#b">b</a>')})
    assert lines(check(tmp_path)) == [
        "other.html:5:24: link: a[href] '#b': no element with id 'b' in other.html"
    ]


def test_link_above_the_site_root(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"x.html": page('<a href="../../etc/passwd">x</a>')})
    assert [p.message for p in check(tmp_path).problems] == [
        "a[href] '../../etc/passwd' leads above the site root"
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/f", "scheme 'ftp' is not http or https"),
        ("http://exa mple.org/", "contains white space"),
        ("https:///path", "has no host"),
        ("https://example.org:99999/", "cannot be parsed (Port out of range 0-65535)"),
        ("https://bad_host!.org/", "host 'bad_host!.org' is not a valid host name"),
    ],
)
def test_malformed_external_link(tmp_path: Path, url: str, reason: str) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"x.html": page(f'<a href="{url}">x</a>')})
    assert [p.message for p in check(tmp_path).problems] == [f"a[href] {url!r} {reason}"]


def test_cdn_script_stylesheet_font_and_preconnect(tmp_path: Path) -> None:
    clean_site(tmp_path)
    head = (
        '<script src="https://cdn.example.net/lib.js"></script>'
        '<link rel="preconnect" href="https://fonts.example.net">'
        '<link rel="stylesheet" href="//cdn.example.net/x.css">'
        "<style>@font-face { src: url(https://fonts.example.net/f.woff2) }</style>"
    )
    write_site(
        tmp_path,
        {
            "x.html": page('<iframe src="https://video.example.com/e/1" title="v"></iframe>', head),
            "assets/font.css": '@import "https://fonts.example.net/css";\n',
        },
    )
    result = check(tmp_path)
    assert {(p.file, p.check) for p in result.problems} == {
        ("x.html", "third-party"),
        ("assets/font.css", "third-party"),
    }
    assert sorted(p.message.split(" ")[0] for p in result.origins.third_party) == [
        "iframe[src]",
        "link[rel=preconnect]",
        "link[rel=stylesheet]",
        "script[src]",
        "style",
        "url('https://fonts.example.net/css')",
    ]


def test_missing_first_party_resource(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"x.html": page('<img src="assets/none.png" alt="n">')})
    assert [str(p) for p in check(tmp_path).problems] == [
        "x.html:5:7: missing-resource: img[src] 'assets/none.png' not in the site"
    ]


def test_over_budget_page(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"big.html": page("<p>" + "word " * 2000 + "</p>")})
    assert [str(p) for p in check(tmp_path).problems] == [
        "big.html:1:1: page-weight: html_bytes 10,178 > budget 5,000"
    ]


def test_on_demand_script_counts_only_where_named(tmp_path: Path) -> None:
    clean_site(tmp_path)
    noise = random.Random(1).randbytes(60000).hex()  # ~120 KB that gzip cannot shrink much
    write_site(
        tmp_path,
        {
            "assets/vendor/big.js": f"var x = '{noise}';\n",
            "charts/index.html": page(
                '<figure data-plotly-src="../assets/vendor/big.js"></figure>'
            ),
            "plain.html": page('<figure data-plotly-src="assets/vendor/big.js"></figure>'),
        },
    )
    result = check(tmp_path)
    weights = {w.page: w for w in result.weights.weights}
    assert weights["charts/index.html"].lazy.raw == 120012
    assert weights["index.html"].lazy.raw == 0
    # The same script is within the chart pages' budget but not within the default one.
    assert [(p.file, p.message.split(" ")[0]) for p in result.problems] == [
        ("plain.html", "total_gzip")
    ]


def test_malformed_html(tmp_path: Path) -> None:
    clean_site(tmp_path)
    write_site(tmp_path, {"bad.html": "<html><body><p>text</b><div></p>\n"})
    problems = check(tmp_path).problems
    messages = [str(p) for p in problems if p.check == "html"]
    assert messages[0] == "bad.html:1:6: html: expected-doctype-but-got-start-tag (name=html)"
    assert "bad.html:1:23: html: unexpected-end-tag (name=b)" in messages
    assert {p.file for p in problems} == {"bad.html"}


def test_cli_exit_codes_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean_site(tmp_path)
    assert main(["check-site", str(tmp_path), "--budget", str(BUDGET)]) == 0
    out = capsys.readouterr().out
    assert "| pages | 2 |" in out
    assert "| broken links/anchors | 0 |" in out
    write_site(tmp_path, {"x.html": page('<a href="missing.html">m</a>')})
    assert main(["check-site", str(tmp_path), "--budget", str(BUDGET)]) == 1
    captured = capsys.readouterr()
    assert "| broken links/anchors | 1 |" in captured.out
    assert "x.html:5:7: link: a[href] 'missing.html': no such file missing.html" in captured.err


def test_cli_refuses_missing_site_and_bad_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-site", str(tmp_path / "none"), "--budget", str(BUDGET)]) == 2
    assert "no such site folder" in capsys.readouterr().err
    bad = tmp_path / "budget.yaml"
    bad.write_text("default: {html_bytes: -1}\nextra: 1\n")
    assert main(["check-site", str(clean_site(tmp_path / "s")), "--budget", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: default.html_bytes: Input should be greater than 0" in err
    assert f"{bad}: extra: Extra inputs are not permitted" in err


def test_cwd_independent_default_budget(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    assert run_checks(clean_site(tmp_path / "site")).problems == []


def test_page_metadata(tmp_path: Path) -> None:
    clean_site(tmp_path)
    bare = '<!doctype html>\n<html><head><meta charset="utf-8"><title> </title></head>\n'
    write_site(
        tmp_path,
        {
            "bare.html": bare + '<body><h1>A</h1><h1>B</h1><img src="assets/logo.png"></body>\n',
            "empty.html": page("<p>x</p>").replace('content="A test page."', 'content=""'),
        },
    )
    assert lines(check(tmp_path)) == [
        "bare.html:1:1: page-meta: 2 <h1> elements (want exactly 1)",
        "bare.html:1:1: page-meta: <html> has no lang attribute",
        'bare.html:1:1: page-meta: no <meta name="description"> content',
        "bare.html:1:1: page-meta: no <title> text",
        "bare.html:3:27: page-meta: <img src='assets/logo.png'> has no alt attribute",
        'empty.html:1:1: page-meta: no <meta name="description"> content',
    ]
