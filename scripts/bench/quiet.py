"""The output check: a server that writes a line per request is measuring its logging.

Before and after every measured window (warm-up, rounds, reference windows) the harness reads how
many bytes the server has written to stdout and stderr. If the output grew by more than
``MIN_GROWTH`` bytes and by at least ``MAX_BYTES_PER_REQUEST`` per request, the contender is
refused with the server's name and the setting to change (its ``production`` block); if that is
the reference, every contender of the test fails with it.
"""

from __future__ import annotations

MIN_GROWTH = 1024
"""Bytes a window may add (a stray warning) before the rate is looked at."""
MAX_BYTES_PER_REQUEST = 1.0
"""An access-log line is 40-200 bytes; one byte per request is far below any per-request line."""

OUTPUT_CHECK = (
    f"server output measured before and after every window; growth over {MIN_GROWTH} bytes at "
    f"{MAX_BYTES_PER_REQUEST:g} byte or more per request refuses the contender (logs per request)"
)
"""The rule as the method record of a run states it."""


def where_settings_live(framework: str, server: str) -> str:
    """The data file and field that hold the production settings of this contender's command."""
    if server == framework or server == "own":
        return f"data/examples/{framework}.yaml runs[{server}].production"
    return f"data/servers/{server}.yaml production"


def logging_refusal(
    framework: str, server: str, before: int, after: int, requests: int
) -> str | None:
    """Why the contender is refused, or ``None`` when its output did not grow with the requests.

    The reason fits one result line (200 characters): the server, the rate, what to change where.
    """
    grew = after - before
    if requests <= 0 or grew <= MIN_GROWTH or grew / requests < MAX_BYTES_PER_REQUEST:
        return None
    return (
        f"refused: {server} logs per request ({grew / requests:.0f} bytes each, {grew:,} in "
        f"{requests:,}); set access log off, log level warning: "
        f"{where_settings_live(framework, server)}"
    )
