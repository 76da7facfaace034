"""Jinja compiles each distinct template once per process (``mkdocs serve`` rebuilds).

Every build makes new Jinja environments (the theme's, the macros plugin's, mkdocstrings'),
so every template and every page the macros plugin renders is parsed and compiled again.
:func:`install` wraps ``Environment.compile`` so that a template source compiled before, by an
environment whose settings that shape the generated code are the same, gets the same code
object. A template that does not compile is never stored (the error shows again).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from jinja2 import Environment
from jinja2.utils import _PassArg

from macros.data.memo import Memo, digest, is_enabled

_COMPILED: Memo[Any] = Memo("jinja")


def settings(env: Environment) -> Hashable:
    """What the generated code depends on besides the source: syntax, extensions, and how each
    filter and test is called (the compiler inlines that)."""
    return (
        type(env),
        env.code_generator_class,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        env.optimized,
        env.finalize,
        env.autoescape,
        env.is_async,
        tuple(sorted((name, _pass_arg(f)) for name, f in env.filters.items())),
        tuple(sorted((name, _pass_arg(f)) for name, f in env.tests.items())),
        tuple(sorted((k, repr(v)) for k, v in env.policies.items())),
    )


def _pass_arg(function: Any) -> str:
    """Whether Jinja passes the context, eval context or environment to a filter or test."""
    return repr(_PassArg.from_obj(function))


def install() -> None:
    """Wrap ``Environment.compile`` once (memos decide per call whether to keep the result)."""
    original = Environment.compile
    if getattr(original, "_atlas_memo", False):
        return

    def compile(
        self: Environment,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        def fresh() -> Any:
            return original(self, source, name, filename, raw, defer_init)  # type: ignore[call-overload]

        if raw or not isinstance(source, str) or not is_enabled():
            return fresh()
        key = (digest(source), name, filename, defer_init, settings(self))
        return _COMPILED.get(key, fresh)

    compile._atlas_memo = True  # type: ignore[attr-defined]
    Environment.compile = compile  # type: ignore[method-assign]
