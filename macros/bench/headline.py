"""The answer first: what the shown HTTP runs say, in words, one table and one static chart.

Two questions readers bring: "which server is faster for my framework?" (paired per round:
the ratio of two contenders measured in the same rounds) and "which framework serves the most
per core?" (each framework on its fastest server, as a ratio to the reference). The chart is an
SVG drawn at build time, coloured by the theme's own variables, so it follows the colour scheme
and costs no script.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from macros.bench.stats import bootstrap_median, paired_ratios
from macros.data.bench_model import Estimate, HttpResult, HttpRun
from macros.pages.html_text import esc

TEST_NAMES = {"plaintext": "plaintext", "json": "JSON", "post-users": "validated POST"}


@dataclass(frozen=True)
class Pairing:
    """One framework under two servers in one test: ``server`` vs ``baseline`` req/s."""

    framework: str
    test: str
    server: str
    baseline: str
    estimate: Estimate


def _ok(result: HttpResult | None) -> bool:
    return result is not None and result.status == "ok" and bool(result.ratio_samples)


def server_pairings(runs: Mapping[str, HttpRun], server: str, baseline: str) -> list[Pairing]:
    """Every framework measured under both servers, per test, highest ratio first."""
    found = []
    for test, run in runs.items():
        frameworks = sorted({r.framework for r in run.results if r.test == test})
        for framework in frameworks:
            a, b = run.find(framework, server, test), run.find(framework, baseline, test)
            if not (_ok(a) and _ok(b)):
                continue
            assert a is not None and b is not None
            ratios = paired_ratios(a.ratio_samples, b.ratio_samples)
            estimate = bootstrap_median(
                ratios, run.method.bootstrap_resamples, run.method.confidence
            )
            found.append(Pairing(framework, test, server, baseline, estimate))
    return sorted(found, key=lambda p: -p.estimate.median)


def _name(names: Mapping[str, str], entity_id: str) -> str:
    """An entity's name (escaped), or its id where ``names`` has none."""
    return esc(names.get(entity_id, entity_id))


def _ci(estimate: Estimate) -> str:
    return f"{estimate.median:.2f}\u00d7 (95 % CI {estimate.low:.2f}\u2013{estimate.high:.2f})"


def server_answer_html(
    runs: Mapping[str, HttpRun], server: str, baseline: str, names: Mapping[str, str] = {}
) -> str:
    """ "Is <server> faster than <baseline>?" in words, then every pairing as a table."""
    pairs = server_pairings(runs, server, baseline)
    if not pairs:
        return ""
    faster = sum(1 for p in pairs if p.estimate.low > 1)
    slower = sum(1 for p in pairs if p.estimate.high < 1)
    unclear = len(pairs) - faster - slower
    best, worst = pairs[0], pairs[-1]
    pairs_text = "pair" if len(pairs) == 1 else "pairs"
    words = (
        f"{_name(names, server)} served more requests per second than "
        f"{_name(names, baseline)} in {faster} of "
        f"{len(pairs)} framework-and-test {pairs_text}"
        + (f", fewer in {slower}" if slower else "")
        + (
            f"; {unclear} {'was' if unclear == 1 else 'were'} too close to call (the interval "
            "spans 1)"
            if unclear
            else ""
        )
        + f". The ratio runs from {_ci(best.estimate)} for {_name(names, best.framework)} "
        f"({esc(TEST_NAMES.get(best.test, best.test))}) down to {_ci(worst.estimate)} for "
        f"{_name(names, worst.framework)} ({esc(TEST_NAMES.get(worst.test, worst.test))})."
    )
    rows = "".join(
        f'<tr data-framework="{_name(names, p.framework)}" data-test="{esc(p.test)}">'
        f"<td>{_name(names, p.framework)}</td><td>{esc(TEST_NAMES.get(p.test, p.test))}</td>"
        f"<td>{p.estimate.median:.2f}\u00d7</td>"
        f"<td>{p.estimate.low:.2f}\u2013{p.estimate.high:.2f}</td></tr>"
        for p in pairs
    )
    return (
        f"<p>{words}</p>"
        f'<details class="atlas-headline-pairs"><summary>Every pair: {_name(names, server)} vs '
        f"{_name(names, baseline)}, highest first</summary>"
        f'<table class="atlas-bench-table"><caption>{_name(names, server)} req/s as a multiple of '
        f"{_name(names, baseline)}'s, same framework, measured in the same rounds</caption>"
        "<thead><tr>"
        '<th scope="col">Framework</th><th scope="col">Test</th><th scope="col">Ratio</th>'
        f'<th scope="col">95 % CI</th></tr></thead><tbody>{rows}</tbody></table></details>'
    )


def best_per_framework(run: HttpRun, test: str) -> list[HttpResult]:
    """Each framework's fastest server in ``test`` (by median ratio), highest first."""
    best: dict[str, HttpResult] = {}
    for r in run.results:
        if r.test != test or r.status != "ok" or r.ratio is None:
            continue
        if r.framework not in best or r.ratio.median > best[r.framework].ratio.median:  # type: ignore[union-attr]
            best[r.framework] = r
    return sorted(best.values(), key=lambda r: -r.ratio.median)  # type: ignore[union-attr]


ROW_H, LABEL_W, BAR_W, PAD = 22, 190, 400, 70


def ratio_svg(
    results: list[HttpResult], reference: str, title: str, names: Mapping[str, str] = {}
) -> str:
    """Horizontal bars of each ratio with its interval as a whisker and a line at 1."""
    top = max(r.ratio.high for r in results if r.ratio) * 1.05
    scale = BAR_W / top
    height = ROW_H * len(results) + 40
    rows = []
    for i, r in enumerate(results):
        assert r.ratio is not None
        y = 10 + i * ROW_H
        server = "own server" if r.server == r.framework else names.get(r.server, r.server)
        label = f"{names.get(r.framework, r.framework)} · {server}"
        x = LABEL_W
        rows.append(
            f'<text class="atlas-svg-label" x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end">'
            f"{esc(label)}</text>"
            f'<rect class="atlas-svg-bar" x="{x}" y="{y + 4}" height="{ROW_H - 8}" '
            f'width="{r.ratio.median * scale:.1f}"/>'
            f'<line class="atlas-svg-ci" x1="{x + r.ratio.low * scale:.1f}" '
            f'x2="{x + r.ratio.high * scale:.1f}" y1="{y + 11}" y2="{y + 11}"/>'
            f'<text class="atlas-svg-value" x="{x + r.ratio.high * scale + 6:.1f}" y="{y + 15}">'
            f"{r.ratio.median:.2f}\u00d7</text>"
        )
    one = LABEL_W + scale
    axis_y = 10 + ROW_H * len(results)
    return (
        f'<svg class="atlas-svg-chart" viewBox="0 0 {LABEL_W + BAR_W + PAD} {height}" '
        f'role="img" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"{''.join(rows)}"
        f'<line class="atlas-svg-one" x1="{one:.1f}" x2="{one:.1f}" y1="4" y2="{axis_y}"/>'
        f'<text class="atlas-svg-label" x="{one:.1f}" y="{axis_y + 16}" text-anchor="middle">'
        f"1 = {esc(reference)}</text></svg>"
    )


def framework_answer_html(run: HttpRun, test: str, names: Mapping[str, str] = {}) -> str:
    """Which framework serves the most per core in ``test``: words and the chart."""
    results = best_per_framework(run, test)
    if not results:
        return ""
    ref = run.method.reference
    reference = f"{names.get(ref.framework, ref.framework)} on {names.get(ref.server, ref.server)}"
    first, last = results[0], results[-1]
    assert first.ratio is not None and last.ratio is not None
    name = TEST_NAMES.get(test, test)
    title = (
        f"{name}: each framework on its fastest server, req/s as a multiple of {reference}, "
        "with 95 % intervals"
    )
    words = (
        f"In the {esc(name)} test, on one core each, {_name(names, first.framework)} on "
        f"{_name(names, first.server)} served the most: {_ci(first.ratio)} the requests per "
        f"second of {esc(reference)}; {_name(names, last.framework)} on "
        f"{_name(names, last.server)} the fewest, "
        f"{_ci(last.ratio)}."
    )
    return (
        f'<p>{words}</p><figure class="atlas-headline-chart">'
        f"{ratio_svg(results, reference, title, names)}"
        f"<figcaption>{esc(title)} (run {esc(run.id)}). Bars are medians over rounds, whiskers "
        "the intervals.</figcaption></figure>"
    )
