"""Production settings of a server command and the database setup of an example.

Every measured run uses the settings a production deployment uses: no access-log line per
request, the same log level (warning), no debug mode, no auto-reload. Each server (and each
framework's own server) declares them beside its run template: per setting, the flag that sets
it (none when the default already does), what it switches off, and the page that says so. A
rule checks that every declared flag is in the command it belongs to.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from macros.data.fields import HttpUrl, OneLine, Strict

SETTINGS = ("access_log", "log_level", "debug", "reload")
"""The production settings, in the order the method page shows them."""
SETTING_LABELS = {
    "access_log": "Access log",
    "log_level": "Log level",
    "debug": "Debug mode",
    "reload": "Auto-reload",
}


class Setting(Strict):
    """One production setting of a command."""

    flag: OneLine | None = Field(
        default=None,
        description="The flag in the command that sets it; omit it when the default already "
        "does (the effect then says what the default is).",
    )
    effect: OneLine = Field(description="What the flag switches off, or what the default is.")
    source: HttpUrl = Field(description="The page (docs, CLI reference or source) that says so.")


class Production(Strict):
    """The production settings of one server command, applied in every measured run."""

    access_log: Setting
    log_level: Setting
    debug: Setting
    reload: Setting
    checked: dt.date = Field(description="The day someone verified the settings.")

    def settings(self) -> list[tuple[str, Setting]]:
        """``(name, setting)`` in :data:`SETTINGS` order."""
        return [(name, getattr(self, name)) for name in SETTINGS]

    def flags(self) -> list[tuple[str, str]]:
        """``(setting name, flag)`` of every setting that needs a flag."""
        return [(name, s.flag) for name, s in self.settings() if s.flag is not None]

    def without_flags(self, command: str) -> str:
        """``command`` with every declared flag taken out: the server's own defaults (the
        access-log probe needs them, to switch the log on and off itself)."""
        words = command.split()
        for _, flag in self.flags():
            part = flag.split()
            n = len(part)
            for i in range(len(words) - n + 1):
                if words[i : i + n] == part:
                    words = words[:i] + words[i + n :]
                    break
        return " ".join(words)

    def missing_from(self, command: str) -> list[tuple[str, str]]:
        """The ``(setting, flag)`` pairs whose flag is not a part of ``command``."""
        words = command.split()
        return [(name, flag) for name, flag in self.flags() if not _contains(words, flag.split())]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` appears as consecutive words of ``words``."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


class Database(Strict):
    """How an example talks to PostgreSQL in the database tests."""

    driver: OneLine = Field(description="Driver or ORM, e.g. `asyncpg`, `psycopg`, Django ORM.")
    mode: Literal["async", "sync"] = Field(description="Whether handlers await the database.")
    pool_size: int = Field(
        ge=1,
        le=64,
        description="Connections per server process (read by the app as DATABASE_POOL_SIZE).",
    )
    template: OneLine = Field(description="What renders the fortunes page.")
    note: OneLine | None = Field(default=None, description="Why this driver, in one line.")
    source: HttpUrl = Field(
        description="The framework's page that recommends the driver or ORM, else the driver's."
    )
