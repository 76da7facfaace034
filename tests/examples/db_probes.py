"""Conformance probes of the database endpoints, the way TechEmpower's verifier checked them."""

from __future__ import annotations

import html.parser
import json
import urllib.error
import urllib.request
from collections.abc import Callable

EXTRA_FORTUNE = "Additional fortune added at request time."


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer of its own: a load generator does not follow it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(base: str, path: str) -> tuple[int, str, str]:
    """Status, content type and body of ``GET base+path`` (redirects are not followed)."""
    try:
        with _OPENER.open(base + path, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8", "replace")


def check_world(item: object) -> None:
    """A world object: exactly ``id`` and ``randomNumber``, integers in 1..10000."""
    assert isinstance(item, dict), item
    assert set(item) == {"id", "randomNumber"}, item
    for key in ("id", "randomNumber"):
        value = item[key]
        assert isinstance(value, int) and not isinstance(value, bool), item
        assert 1 <= value <= 10000, item


def json_body(base: str, path: str) -> object:
    """The decoded JSON of a 200 ``application/json`` answer."""
    status, ctype, body = get(base, path)
    assert status == 200, (path, status, body[:300])
    assert ctype.startswith("application/json"), (path, ctype)
    return json.loads(body)


def check_db(base: str) -> None:
    """``/db``: one world object."""
    check_world(json_body(base, "/db"))


QUERY_CASES = {
    "": 1,
    "?queries=0": 1,
    "?queries=-5": 1,
    "?queries=foo": 1,
    "?queries=": 1,
    "?queries=1": 1,
    "?queries=7": 7,
    "?queries=500": 500,
    "?queries=501": 500,
}
"""Query string -> the number of objects TechEmpower's rules require."""


def check_queries(base: str, endpoint: str = "/queries") -> None:
    """A list of N world objects, N clamped to 1..500 and 1 for a missing or non-integer value."""
    for query, expected in QUERY_CASES.items():
        got = json_body(base, endpoint + query)
        assert isinstance(got, list), (query, got)
        assert len(got) == expected, (endpoint + query, len(got), expected)
        for item in got:
            check_world(item)


class _Table(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def check_fortunes(base: str, stored: list[tuple[int, str]]) -> None:
    """Every stored row plus the added one, sorted by message, escaped, in an HTML table."""
    status, ctype, body = get(base, "/fortunes")
    assert status == 200, (status, body[:300])
    assert ctype.startswith("text/html"), ctype
    assert "utf-8" in ctype.lower(), ctype
    assert "<script>" not in body, "a fortune's markup was not escaped"
    parser = _Table()
    parser.feed(body)
    assert "script" not in parser.tags
    rows = [r for r in parser.rows if r and r != ["id", "message"]]
    expected = sorted([*stored, (0, EXTRA_FORTUNE)], key=lambda r: r[1])
    got = [(int(r[0].strip()), r[1]) for r in rows]
    assert got == expected, (got, expected)


def check_updates(base: str, read_back: Callable[[list[int]], dict[int, int]]) -> None:
    """Shape and clamping like /queries, and the new numbers are in the database afterwards."""
    check_queries(base, "/updates")
    for _ in range(3):
        got = json_body(base, "/updates?queries=20")
        assert isinstance(got, list) and len(got) == 20
        for item in got:
            check_world(item)
        stored = read_back([w["id"] for w in got])
        assert stored == {w["id"]: w["randomNumber"] for w in got}, "updates were not persisted"
