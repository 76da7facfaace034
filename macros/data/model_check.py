"""Validate a parsed YAML document against a typed model, with errors a person can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.data.model import Support
from macros.data.problems import Problem, dotted
from macros.data.yaml_source import Loc, YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Build ``model`` from ``doc.data``; on failure, one located problem per error."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_problem(doc, error, model) for error in exc.errors()]


def read_model(
    path: Path, display: str, model: type[M]
) -> tuple[M | None, YamlDocument | None, list[Problem]]:
    """Read one YAML file (shown as ``display`` in messages) and validate it against ``model``."""
    doc, problems = read_yaml(path, display)
    if doc is None:
        return None, None, problems
    obj, model_problems = validate_document(doc, model)
    return obj, doc, problems + model_problems


def _problem(doc: YamlDocument, error: ErrorDetails, model: type[BaseModel]) -> Problem:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        pos = doc.position_of(loc[:-1])
        return Problem(doc.path, pos.line, pos.column, dotted(loc), "required field is missing")
    if kind == "extra_forbidden":
        return doc.problem(loc, f"unknown field{_suggest(loc, model)}")
    present = _deepest_present(doc, loc)
    return doc.problem(present, _describe(error, doc.plain.get(present)))


def _deepest_present(doc: YamlDocument, loc: Loc) -> Loc:
    """Drop parts of ``loc`` the file does not have (e.g. ``value`` of the ``yes`` shorthand)."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in doc.positions:
            return loc[:end]
    return loc


def _describe(error: ErrorDetails, written: str | None = None) -> str:
    """A message for one validation error; ``written`` is the unquoted source text, if any."""
    got = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    kind = error["type"]
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"expected one of {expected.replace(', ', '/')}, got {_show(got)}"
    if kind == "string_type" and not isinstance(got, str | dict | list) and got is not None:
        # YAML read `3.10` as the number 3.1 (or `true` as a boolean): quote what was written.
        text = written if written is not None else str(got)
        return f'expected text, got {_kind_of(got)} ({text}): put it in quotes ("{text}")'
    if kind == "model_type":
        shown = written if written is not None else _show(got)
        if ctx.get("class_name") == "Feature":
            values = "/".join(get_args(Support))
            return f"expected one of {values} or a mapping with `value:`, got {shown}"
        return f"expected a mapping of fields, got {shown}"
    if kind == "string_pattern_mismatch":
        return f"{_show(got)} does not match the pattern {ctx.get('pattern')}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    message = error["msg"][0].lower() + error["msg"][1:]
    return f"{message}, got {_show(got)}"


def _kind_of(value: Any) -> str:
    """How YAML read an unquoted value: a boolean, a number, a date ..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return f"a {type(value).__name__}"


def _show(value: Any) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return '"' + text.replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _suggest(loc: Loc, model: type[BaseModel]) -> str:
    """Name the closest allowed field for a probable typo."""
    import difflib

    owner: Any = model
    for part in loc[:-1]:
        field = owner.model_fields.get(part) if isinstance(part, str) else None
        annotation = getattr(field, "annotation", None)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            owner = _model_in(annotation)
            if owner is None:
                return ": remove it"
        else:
            owner = annotation
    allowed = sorted(owner.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    return f": did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(allowed)}"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``list[X]``, ``X | None`` or ``Annotated[X, ...]``, if any."""
    for arg in getattr(annotation, "__args__", ()) + getattr(annotation, "__metadata__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        found = _model_in(arg)
        if found:
            return found
    origin = getattr(annotation, "__origin__", None)
    if isinstance(origin, type) and issubclass(origin, BaseModel):
        return origin
    return _model_in(origin) if origin is not None and origin is not annotation else None
