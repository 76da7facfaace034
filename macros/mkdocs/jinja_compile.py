"""Jinja compiles each distinct template once, not once per build.

Every build makes new Jinja environments (the theme's, the macros plugin's, mkdocstrings'),
so every template and every page the macros plugin renders is parsed and compiled again.
:func:`install` wraps ``Environment.compile`` so that a template source compiled before, by an
environment whose settings that shape the generated code are the same, gets the same code (kept
marshalled in a persistent memo, so a new process reuses it too). A template that does not
compile is never stored (the error shows again); an environment with a ``finalize`` function
(which Jinja applies to constants while compiling) is never cached.
"""

from __future__ import annotations

import marshal
from typing import Any

from jinja2 import Environment
from jinja2.utils import _PassArg

from macros.data.memo import Memo, digest, is_enabled

_COMPILED: Memo[bytes] = Memo("jinja", persist=True)


def _name(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


def _pass_arg(function: Any) -> str:
    """Whether Jinja passes the context, eval context or environment to a filter or test (the
    compiler writes that into the code)."""
    return repr(_PassArg.from_obj(function))


def settings(env: Environment, name: str | None) -> str:
    """What the generated code depends on besides the source, as text stable across processes:
    syntax, extensions, autoescaping of this template, and how each filter and test is called."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    parts = (
        _name(type(env)),
        _name(env.code_generator_class),
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
        bool(autoescape),
        env.is_async,
        tuple(sorted((n, _pass_arg(f)) for n, f in env.filters.items())),
        tuple(sorted((n, _pass_arg(f)) for n, f in env.tests.items())),
        tuple(sorted((k, _name(v) if callable(v) else repr(v)) for k, v in env.policies.items())),
    )
    return repr(parts)


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

        if raw or not isinstance(source, str) or self.finalize is not None or not is_enabled():
            return fresh()
        key = (digest(source), name, filename, defer_init, digest(settings(self, name)))
        return marshal.loads(_COMPILED.get(key, lambda: marshal.dumps(fresh())))

    compile._atlas_memo = True  # type: ignore[attr-defined]
    Environment.compile = compile  # type: ignore[method-assign]
