"""Problems found in data files, reported as ``file:line:column: field: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str
    ref: str | None = dataclass_field(default=None, compare=False)
    """The entity id this problem says is unknown, if that is what it says (see ``references``)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


def root_causes_first(problem: Problem) -> tuple[bool, Problem]:
    """Sort key: problems of a file itself before references to other files, then by place."""
    return (problem.ref is not None, problem)


class DataError(Exception):
    """Raised when the data cannot be loaded; carries every problem found, root causes first.

    ``notes`` say what could not be checked because of a problem (they are not problems).
    """

    def __init__(self, problems: Iterable[Problem], notes: Iterable[str] = ()) -> None:
        self.problems = sorted(set(problems), key=root_causes_first)
        self.notes = list(notes)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, then the notes, then a count."""
        lines = [str(p) for p in self.problems]
        lines += [f"note: {note}" for note in self.notes]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the data.")
        return "\n".join(lines)


def dotted(path: Iterable[str | int]) -> str:
    """Render a field path like ``features.openapi`` or ``sources[0].url``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
