"""Change top-level scalar values in YAML text in place, keeping comments, order and layout.

Only the characters of the old value change (a comment after it stays); a missing key is
inserted on its own line next to the closest field that precedes it in the model's field order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence

import yaml

from macros.data.yaml_source import AtlasLoader, YamlDocument

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")


class EditError(Exception):
    """The value cannot be edited safely in place (e.g. it spans several lines)."""


def render_scalar(value: str | dt.date, quote: str = "") -> str:
    """YAML text that reads back as exactly ``value``: plain when safe, else quoted.

    ``quote`` (``"`` or ``'``) keeps the quoting style of the value being replaced.
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    plain_is_safe = _PLAIN.fullmatch(value) and yaml.load(value, Loader=AtlasLoader) == value
    if plain_is_safe and quote != '"':
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def set_value(
    text: str, doc: YamlDocument, key: str, value: str | dt.date, order: Sequence[str]
) -> str:
    """``text`` with top-level ``key`` set to ``value``; ``doc`` must be parsed from ``text``."""
    span = doc.spans.get((key,))
    if span is not None:
        start, end = span
        if "\n" in text[start:end]:
            raise EditError(f"{key}: the value spans several lines: edit it by hand")
        old_quote = text[start] if start < end and text[start] in "'\"" else ""
        rendered = render_scalar(value, old_quote)
        if start == end and text[start - 1 : start] == ":":  # `key:` with no value yet
            rendered = " " + rendered
        return text[:start] + rendered + text[end:]
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"{key}: {render_scalar(value)}{newline}"
    at = _insertion_point(text, doc, key, order)
    if at == len(text) and text and not text.endswith("\n"):
        line = newline + line
    return text[:at] + line + text[at:]


def _insertion_point(text: str, doc: YamlDocument, key: str, order: Sequence[str]) -> int:
    """After the nearest earlier field in ``order``; else before the nearest later one; else end."""
    index = order.index(key) if key in order else len(order)
    for before in reversed(order[:index]):
        if (before,) in doc.spans and (before,) in doc.positions:
            return _after_value(text, doc.spans[(before,)][1])
    for after in order[index + 1 :]:
        if (after,) in doc.positions:
            return _line_start(text, doc.positions[(after,)].line)
    return len(text)


def _after_value(text: str, end: int) -> int:
    """Start of the line after the value ending at ``end`` (block values end at the next key)."""
    last = end
    while last > 0 and text[last - 1] in " \t\r\n":
        last -= 1
    newline = text.find("\n", last)
    return len(text) if newline == -1 else newline + 1


def _line_start(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
