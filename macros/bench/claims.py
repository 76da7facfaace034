"""Compute the verdict of every claim in the ledger from the stored benchmark results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from macros.bench.stats import Verdict, bootstrap_median, combine, paired_ratios, verdict
from macros.data.bench_model import (
    BenchmarkRun,
    Claim,
    Estimate,
    HttpMeasure,
    HttpRun,
    MicroMeasure,
    MicroRun,
    Selector,
)


@dataclass(frozen=True)
class Outcome:
    """One measurement of a claim: what was compared, the measured ratio and its verdict."""

    label: str
    run: str
    estimate: Estimate | None
    verdict: Verdict
    why_untested: str | None = None
    subject: str = ""
    baseline: str = ""


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim with the outcome of each measurement and the overall verdict."""

    claim: Claim
    outcomes: list[Outcome]
    verdict: Verdict


def http_estimate(run: HttpRun, measure: HttpMeasure) -> tuple[Estimate | None, str | None]:
    """``subject / baseline`` req/s, paired per round through each one's ratio to the reference."""
    subject = run.find(measure.subject.framework, measure.subject.server, measure.test)
    baseline = run.find(measure.baseline.framework, measure.baseline.server, measure.test)
    for name, found in (("subject", subject), ("baseline", baseline)):
        if found is None or found.status != "ok" or not found.ratio_samples:
            reason = found.reason if found is not None and found.reason else "not measured"
            return None, f"{name}: {reason}"
    assert subject is not None and baseline is not None
    ratios = paired_ratios(subject.ratio_samples, baseline.ratio_samples)
    return bootstrap_median(ratios, run.method.bootstrap_resamples, run.method.confidence), None


def micro_estimate(run: MicroRun, measure: MicroMeasure) -> tuple[Estimate | None, str | None]:
    """Speed-up ``baseline / subject``: per repeat for wall time, a point for instructions."""
    subject, baseline = run.find(measure.subject), run.find(measure.baseline)
    for name, found in (("subject", subject), ("baseline", baseline)):
        if found is None or found.status != "ok":
            reason = found.reason if found is not None and found.reason else "not measured"
            return None, f"{name}: {reason}"
    assert subject is not None and baseline is not None
    if measure.metric == "instructions":
        if not subject.instructions_per_op or not baseline.instructions_per_op:
            return None, "no instruction counts"
        # Instruction counts repeat within ~2 %: a point, not an interval.
        value = float(f"{baseline.instructions_per_op / subject.instructions_per_op:.4g}")
        return Estimate(median=value, low=value, high=value), None
    if len(subject.wall_seconds) != len(baseline.wall_seconds):
        return None, "different repeat counts: cannot pair"
    ratios = paired_ratios(baseline.wall_seconds, subject.wall_seconds)
    return bootstrap_median(ratios, run.method.bootstrap_resamples, run.method.confidence), None


def judge(claim: Claim, runs: Mapping[str, BenchmarkRun]) -> ClaimVerdict:
    """Every outcome of ``claim`` and the combined verdict."""
    outcomes: list[Outcome] = []
    for http in claim.http:
        run = runs.get(http.run)
        est, why = http_estimate(run, http) if isinstance(run, HttpRun) else (None, "no run")
        subject, baseline = _pair_name(http.subject), _pair_name(http.baseline)
        judged = verdict(est, claim.low, claim.high)
        outcomes.append(Outcome(http.test, http.run, est, judged, why, subject, baseline))
    for micro in claim.micro:
        run = runs.get(micro.run)
        est, why = micro_estimate(run, micro) if isinstance(run, MicroRun) else (None, "no run")
        metric = "instruction count" if micro.metric == "instructions" else "wall time"
        judged = verdict(est, claim.low, claim.high)
        outcomes.append(Outcome(metric, micro.run, est, judged, why, micro.subject, micro.baseline))
    return ClaimVerdict(claim, outcomes, combine([o.verdict for o in outcomes]))


def _pair_name(selector: Selector) -> str:
    """``fastapi on granian``, or ``robyn (own server)`` when the framework is its own server."""
    if selector.framework == selector.server:
        return f"{selector.framework} (own server)"
    return f"{selector.framework} on {selector.server}"


def ratio_sentence(outcome: Outcome) -> str:
    """The measurement in one direction: "A is N times as fast as B (95 % CI low-high)"."""
    est = outcome.estimate
    if est is None:
        return f"{outcome.subject} vs {outcome.baseline}: no data"
    sentence = (
        f"{outcome.subject} is {est.median:.2f}\u00d7 as fast as {outcome.baseline} "
        f"(95 % CI {est.low:.2f}\u2013{est.high:.2f})"
    )
    if est.median < 1:
        sentence += f", i.e. {1 / est.median:.1f}\u00d7 slower"
    return sentence
