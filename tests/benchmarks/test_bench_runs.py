"""The index of committed runs: newest first, counts by status, the runs on show marked."""

from __future__ import annotations

import re

from macros.bench.render import runs_table_html
from macros.data.bench_model import HttpRun, MicroRun
from tests.benchmarks.fixtures import http_run, micro_run


def _rows(html: str) -> list[list[str]]:
    body = html.split("<tbody>", 1)[1]
    return [re.findall(r"<td>(.*?)</td>", row) for row in body.split("</tr>") if "<td>" in row]


def test_runs_are_listed_newest_first_with_counts_and_the_shown_run_marked() -> None:
    older = HttpRun.model_validate(http_run("http-old"))
    newer_data = http_run("http-new")
    newer_data["provenance"]["started"] = "2026-11-30T08:00:00Z"
    newer_data["provenance"]["date"] = "2026-11-30"
    newer_data["provenance"]["duration_seconds"] = 2100.0
    newer = HttpRun.model_validate(newer_data)
    micro = MicroRun.model_validate(micro_run())

    rows = _rows(runs_table_html([older, micro, newer], {"http-new"}))

    assert rows[0][0] == "http-new (shown)"
    assert rows[0][1] == "2026-11-30"
    assert rows[0][5] == "35 min"
    assert rows[0][6] == "<code>uv run atlas bench --quick</code>"
    assert {row[0] for row in rows[1:]} == {"http-old", "micro-fixture"}
    by_id = {row[0]: row for row in rows}
    # the fixture run: three measured contenders and one that failed, all in the plaintext test
    assert by_id["http-old"][3] == "plaintext"
    assert by_id["http-old"][4] == "3 ok, 1 failed"
    assert by_id["micro-fixture"][3] == "serialization"
    assert by_id["micro-fixture"][4] == "2 ok"


def test_run_text_is_escaped() -> None:
    data = http_run("http-hostile")
    data["provenance"]["command"] = "uv run atlas bench --note '<script>alert(1)</script>'"
    html = runs_table_html([HttpRun.model_validate(data)], set())
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
