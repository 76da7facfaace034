"""The reason recorded for a contender that fails names the cause, not the shutdown message."""

from __future__ import annotations

from scripts.bench.http import failure_summary


def test_the_cause_is_kept_over_a_polite_last_line() -> None:
    output = "\n".join(
        [
            "taskset exited with 1:",
            "[INFO] Starting granian (main PID: 10)",
            "OSError: [Errno 98] Address already in use",
            "[INFO] Granian shutdown completed, see ya!",
        ]
    )
    assert failure_summary(output) == (
        "taskset exited with 1: … OSError: [Errno 98] Address already in use"
    )


def test_without_a_telling_line_the_last_line_is_kept() -> None:
    assert failure_summary("no answer in 40 s:\nstarting\nlistening\n") == (
        "no answer in 40 s: … listening"
    )


def test_one_line_and_empty_output() -> None:
    assert failure_summary("  exited with 3  \n") == "exited with 3"
    assert failure_summary("") == ""
