"""Read one YAML file safely, keeping the line and column of every key and item.

PyYAML alone silently keeps the last of two duplicate keys, expands aliases (alias bombs) and
reads ``yes``/``no``/``on``/``off`` as booleans. This reader refuses duplicate keys, anchors,
aliases, merge keys and explicit tags, and follows YAML 1.2 for booleans, so ``openapi: yes`` stays
the text ``"yes"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.data.memo import Memo, digest
from macros.data.problems import Problem, dotted

MAX_FILE_BYTES = 256 * 1024
Loc = tuple[str | int, ...]


class AtlasLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans (only true/false)."""


AtlasLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
AtlasLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

try:
    from yaml import CSafeLoader as _CSafeLoader
except ImportError:  # PyYAML built without libyaml: the pure-Python parser does everything
    _CSafeLoader = yaml.SafeLoader  # type: ignore[assignment,misc]


class AtlasFastLoader(_CSafeLoader):
    """AtlasLoader's rules on libyaml's C parser: the same events and nodes, ~5x faster.

    Plain scalars get style ``""`` here and ``None`` in PyYAML; problems are always reported
    by a second pass with :class:`AtlasLoader`, whose messages are the documented ones.
    """


AtlasFastLoader.yaml_implicit_resolvers = AtlasLoader.yaml_implicit_resolvers
_Loader = AtlasLoader | AtlasFastLoader


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class Places:
    """Where each value of a document is in its text."""

    positions: dict[Loc, Position] = field(default_factory=dict)
    """Line and column of every key and list item."""
    spans: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    """Character offsets ``[start, end)`` of every value in the text, for in-place edits."""
    plain: dict[Loc, str] = field(default_factory=dict)
    """Source text of unquoted scalars, to quote ``3.10`` back as written (not ``3.1``)."""


@dataclass
class YamlDocument:
    """A parsed YAML file: plain Python data plus the position of every key and list item.

    The places are needed only to report a problem or edit the file, and they are most of what
    the build cache would store and unpickle on every build; a pickled document leaves them out
    and works them out again from its text when first asked.
    """

    path: str
    data: Any
    text: str = ""
    _places: Places | None = field(default_factory=Places, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_places": None}

    @property
    def places(self) -> Places:
        """Where each value is (parsed again from :attr:`text` after unpickling)."""
        if self._places is None:
            again, _ = _parse(self.text.encode("utf-8"), self.path, AtlasFastLoader)
            self._places = again._places if again is not None else Places()
        return self._places or Places()

    @property
    def positions(self) -> dict[Loc, Position]:
        """Line and column of every key and list item."""
        return self.places.positions

    @property
    def spans(self) -> dict[Loc, tuple[int, int]]:
        """Character offsets ``[start, end)`` of every value in the text, for in-place edits."""
        return self.places.spans

    @property
    def plain(self) -> dict[Loc, str]:
        """Source text of unquoted scalars, to quote ``3.10`` back as written (not ``3.1``)."""
        return self.places.plain

    def position_of(self, loc: Loc) -> Position:
        """Position of ``loc``, or of its nearest parent that exists in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return Position(1, 1)

    def problem(self, loc: Loc, message: str) -> Problem:
        """A problem located at ``loc`` in this file."""
        pos = self.position_of(loc)
        return Problem(self.path, pos.line, pos.column, dotted(loc), message)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def read_yaml(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``path``; return the document, or ``None`` and the problems that stopped it."""
    return parse_yaml(path.read_bytes(), display)


PARSED: Memo[tuple[YamlDocument | None, list[Problem]]] = Memo("yaml", persist=True)
"""Parsed files by display path and SHA-256 of their bytes (the document is shared: read-only)."""


def parse_yaml(raw: bytes, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse the bytes of a file shown as ``display`` (see :func:`read_yaml`)."""
    doc, problems = PARSED.get((display, digest(raw)), lambda: _parse_checked(raw, display))
    return doc, list(problems)


def _parse_checked(raw: bytes, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    doc, problems = _parse(raw, display, AtlasFastLoader)
    if problems:  # report with the pure-Python parser: same positions, documented messages
        doc, problems = _parse(raw, display, AtlasLoader)
    return doc, problems


def _parse(
    raw: bytes, display: str, loader_class: type[_Loader]
) -> tuple[YamlDocument | None, list[Problem]]:

    def fail(message: str, line: int = 1, column: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, column, "", message)]

    if len(raw) > MAX_FILE_BYTES:
        return fail(f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}: split it")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(f"not valid UTF-8 (byte {exc.start}): save the file as UTF-8", line, column)
    try:
        _refuse_anchors(text, display, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return fail("file is empty: it must hold one mapping of fields")
        doc = YamlDocument(display, None, text)
        doc.data = _to_python(node, (), doc, loader)
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return fail(f"YAML syntax error: {_syntax_message(exc)}", line, col)
    except yaml.YAMLError as exc:
        return fail(f"YAML error: {exc}")
    except RecursionError:
        return fail("values are nested too deeply: flatten the file")
    if not isinstance(doc.data, dict):
        return fail(f"the document must be a mapping of fields, got {type(doc.data).__name__}")
    return doc, []


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's problem, plus what it was parsing and where that started."""
    if not (exc.problem and exc.context):
        return exc.problem or exc.context or "invalid YAML"
    context = exc.context + (f" (line {exc.context_mark.line + 1})" if exc.context_mark else "")
    if exc.problem.startswith("but "):  # "expected a single document ..., but found another"
        return f"{context}, {exc.problem}"
    return f"{exc.problem}, {context}"


def _refuse_anchors(text: str, display: str, loader_class: type[_Loader]) -> None:
    """Refuse anchors, aliases and explicit tags (``!!binary``, ``!!python/...``)."""
    for event in yaml.parse(text, Loader=loader_class):
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            message = (
                f"YAML anchors and aliases (&{anchor} / *{anchor}) are not allowed: "
                "write the value out in full"
            )
        elif tag is not None:
            message = f"explicit YAML tags ({tag}) are not allowed: write a plain value"
        else:
            continue
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _Refused(Problem(display, line, column, "", message))


def _to_python(node: yaml.Node, loc: Loc, doc: YamlDocument, loader: _Loader) -> Any:
    start = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    doc.positions.setdefault(loc, start)
    doc.spans[loc] = (node.start_mark.index, node.end_mark.index)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, loc, doc, loader)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*loc, i), doc, loader) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and not node.style:  # plain: None (PyYAML) or ""
        doc.plain[loc] = node.value
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        # e.g. ``2026-13-45`` looks like a date to YAML but is not one.
        message = f"{node.value!r} is not a valid value ({exc}): fix it or put it in quotes"
        raise _Refused(_at(doc, start, loc, message)) from exc


def _mapping(node: yaml.MappingNode, loc: Loc, doc: YamlDocument, loader: _Loader) -> Any:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_pos = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        # Check the tag before constructing: PyYAML cannot construct a merge key on its own.
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(_at(doc, key_pos, loc, "merge keys (<<) are not allowed: write it out"))
        key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            raise _Refused(_at(doc, key_pos, loc, f"keys must be text, got {key!r}"))
        if key in result:
            first = doc.positions[(*loc, key)]
            raise _Refused(
                _at(doc, key_pos, (*loc, key), f"duplicate key (first at line {first.line})")
            )
        doc.positions[(*loc, key)] = key_pos
        result[key] = _to_python(value_node, (*loc, key), doc, loader)
        doc.positions[(*loc, key)] = key_pos
    return result


def _at(doc: YamlDocument, pos: Position, loc: Loc, message: str) -> Problem:
    return Problem(doc.path, pos.line, pos.column, dotted(loc), message)
