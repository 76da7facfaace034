"""The example apps' data: ``data/examples/<framework>.yaml``, one per ``examples/<framework>/``."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from macros.data.fields import EntityId, OneLine, Source, Strict

Interface = Literal["asgi", "wsgi", "rsgi", "own-server"]


class ExampleRun(Strict):
    """How to start an example under one server."""

    server: EntityId = Field(description="A server id, or the framework id for its own server.")
    command: OneLine | None = Field(
        default=None,
        description="Own command template ({host}, {port}); omit to use the server's `run` "
        "template for the example's interface.",
    )


class Example(Strict):
    """The same small API written in one framework: ``examples/<framework>/``."""

    directory: ClassVar[str] = "examples"

    framework: EntityId = Field(description="Framework id; also the file and folder name.")
    interface: Interface
    target: OneLine = Field(description="`module:attribute` of the app, e.g. `app:app`.")
    runs: list[ExampleRun] = Field(min_length=1)
    json_library: OneLine | None = Field(
        default=None, description="Library the framework uses by default to encode JSON."
    )
    openapi_path: OneLine | None = Field(default=None, description="URL path of the schema.")
    websocket_path: OneLine | None = None
    sse_path: OneLine | None = None
    skip: OneLine | None = Field(default=None, description="Why it cannot run here, if so.")
    sources: list[Source] = Field(default_factory=list)
