"""Small, dependency-free statistics for benchmark samples: median, CV, paired bootstrap CI.

The bootstrap uses a fixed seed so the same samples always give the same interval (results files
and rebuilt pages stay stable).
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from typing import Literal

from macros.data.bench_model import Estimate
from macros.data.memo import Memo

DEFAULT_RESAMPLES = 4000
DEFAULT_CONFIDENCE = 0.95
SEED = 20261125

Verdict = Literal["confirmed", "contradicted", "depends", "untested"]
_BOOTSTRAPS: Memo[Estimate] = Memo("bootstrap", persist=True)
"""Estimates by their exact inputs (the same samples and seed always give the same one)."""


def median(values: Sequence[float]) -> float:
    """The median; raises ``ValueError`` on an empty sequence."""
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def cv(values: Sequence[float]) -> float:
    """Coefficient of variation (sample standard deviation / mean); 0 for fewer than 2 values."""
    if len(values) < 2:
        return 0.0
    mean = statistics.fmean(values)
    return float(statistics.stdev(values) / mean) if mean else 0.0


def bootstrap_median(
    values: Sequence[float],
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = DEFAULT_CONFIDENCE,
    seed: int = SEED,
) -> Estimate:
    """Median of ``values`` with a percentile bootstrap confidence interval."""
    if not values:
        raise ValueError("bootstrap of no values")
    key = (tuple(values), resamples, confidence, seed)
    return _BOOTSTRAPS.get(key, lambda: _bootstrap(values, resamples, confidence, seed))


def _bootstrap(values: Sequence[float], resamples: int, confidence: float, seed: int) -> Estimate:
    rng = random.Random(seed)
    n = len(values)
    medians = sorted(statistics.median(rng.choices(values, k=n)) for _ in range(resamples))
    tail = (1 - confidence) / 2
    low = medians[max(0, math.floor(tail * resamples))]
    high = medians[min(resamples - 1, math.ceil((1 - tail) * resamples) - 1)]
    mid = median(values)
    return Estimate(median=_round(mid), low=_round(min(low, mid)), high=_round(max(high, mid)))


def paired_ratios(numerator: Sequence[float], denominator: Sequence[float]) -> list[float]:
    """Element-wise ``numerator[i] / denominator[i]``, skipping pairs with a zero denominator."""
    if len(numerator) != len(denominator):
        raise ValueError(f"paired samples differ in length: {len(numerator)} vs {len(denominator)}")
    return [a / b for a, b in zip(numerator, denominator, strict=True) if b > 0]


def verdict(estimate: Estimate | None, low: float, high: float) -> Verdict:
    """Judge a claimed range ``[low, high]`` against a measured interval.

    The whole CI inside the range confirms the claim, the whole CI outside contradicts it, an
    overlap means "depends"; no estimate means "untested".
    """
    if estimate is None:
        return "untested"
    if low <= estimate.low and estimate.high <= high:
        return "confirmed"
    if estimate.high < low or estimate.low > high:
        return "contradicted"
    return "depends"


def combine(verdicts: Sequence[Verdict]) -> Verdict:
    """One verdict for several measurements: agreement wins, disagreement is "depends"."""
    tested = {v for v in verdicts if v != "untested"}
    if not tested:
        return "untested"
    return tested.pop() if len(tested) == 1 else "depends"


def _round(value: float) -> float:
    return float(f"{value:.4g}")
