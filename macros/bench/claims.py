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
)


@dataclass(frozen=True)
class Outcome:
    """One measurement of a claim: what was compared, the measured ratio and its verdict."""

    label: str
    run: str
    estimate: Estimate | None
    verdict: Verdict
    why_untested: str | None = None


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
        label = f"{http.subject.label()} / {http.baseline.label()}, {http.test}"
        est, why = http_estimate(run, http) if isinstance(run, HttpRun) else (None, "no run")
        outcomes.append(Outcome(label, http.run, est, verdict(est, claim.low, claim.high), why))
    for micro in claim.micro:
        run = runs.get(micro.run)
        label = f"{micro.baseline} / {micro.subject} ({micro.metric})"
        est, why = micro_estimate(run, micro) if isinstance(run, MicroRun) else (None, "no run")
        outcomes.append(Outcome(label, micro.run, est, verdict(est, claim.low, claim.high), why))
    return ClaimVerdict(claim, outcomes, combine([o.verdict for o in outcomes]))
