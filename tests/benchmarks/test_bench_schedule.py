"""Window order within rounds and the bracketing of contenders by reference windows."""

from __future__ import annotations

import pytest

from scripts.bench.schedule import REFERENCE, bracket_ratios, reference_rps, round_order


def test_reference_brackets_every_block_and_order_reverses() -> None:
    even = round_order(["a", "b", "c", "d", "e"], 0, block=2)
    assert even == [REFERENCE, "a", "b", REFERENCE, "c", "d", REFERENCE, "e", REFERENCE]
    assert round_order(["a", "b", "c", "d", "e"], 1, block=2) == even[::-1]


def test_ratio_uses_the_mean_of_the_neighbouring_reference_windows() -> None:
    slots = [REFERENCE, "a", "b", REFERENCE, "c", REFERENCE]
    rps = [100.0, 150.0, 50.0, 300.0, 600.0, 100.0]
    ratios = bracket_ratios(slots, rps)
    assert ratios["a"] == pytest.approx(150 / 200)
    assert ratios["b"] == pytest.approx(50 / 200)
    assert ratios["c"] == pytest.approx(600 / 200)
    assert reference_rps(slots, rps) == pytest.approx(500 / 3)


def test_failed_windows_are_skipped() -> None:
    slots = [REFERENCE, "a", REFERENCE]
    assert bracket_ratios(slots, [None, 100.0, 50.0]) == {"a": 2.0}
    assert bracket_ratios(slots, [None, 100.0, None]) == {}
    assert bracket_ratios(slots, [80.0, None, 50.0]) == {}
