"""The order of wrk windows in a round, and each contender's ratio to its neighbouring reference.

A round measures every contender once, with a reference window before the first contender,
after every ``block`` contenders and after the last. Odd rounds run the same order reversed, so
slow drifts of a shared machine do not favour early or late contenders. A contender's ratio in a
round is its req/s over the mean of the reference windows that bracket its block.
"""

from __future__ import annotations

from collections.abc import Sequence

REFERENCE = "__reference__"


def round_order(contenders: Sequence[str], round_index: int, block: int = 4) -> list[str]:
    """Slots of one round: contender keys with ``REFERENCE`` slots between blocks."""
    slots = [REFERENCE]
    for start in range(0, len(contenders), block):
        slots += [*contenders[start : start + block], REFERENCE]
    return slots if round_index % 2 == 0 else slots[::-1]


def bracket_ratios(slots: Sequence[str], rps: Sequence[float | None]) -> dict[str, float]:
    """Ratio of each contender to the mean of the nearest reference windows on each side.

    ``rps[i]`` is the result of slot ``i`` (``None`` if the window failed); a contender with no
    usable reference window on either side gets no ratio.
    """
    ratios: dict[str, float] = {}
    for i, key in enumerate(slots):
        value = rps[i]
        if key == REFERENCE or value is None:
            continue
        refs = [_nearest(slots, rps, i, step) for step in (-1, 1)]
        usable = [r for r in refs if r]
        if usable:
            ratios[key] = value / (sum(usable) / len(usable))
    return ratios


def reference_rps(slots: Sequence[str], rps: Sequence[float | None]) -> float | None:
    """Mean req/s of the reference windows in a round."""
    values = [v for k, v in zip(slots, rps, strict=True) if k == REFERENCE and v]
    return sum(values) / len(values) if values else None


def _nearest(slots: Sequence[str], rps: Sequence[float | None], i: int, step: int) -> float | None:
    j = i + step
    while 0 <= j < len(slots):
        if slots[j] == REFERENCE:
            return rps[j]
        j += step
    return None
