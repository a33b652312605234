"""Typed errors that carry a location and a way out, printed once at the edge."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class SitegenError(Exception):
    """Base class for every error sitegen raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in the content: where it is, what is wrong, how to fix it."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"
    col: int = 1

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(SitegenError):
    """The content cannot be built; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ResourceError(SitegenError):
    """A language resource (table, rule file) shipped with sitegen is malformed."""

    def __init__(self, path: str | Path, where: str, message: str):
        self.path, self.where = str(path), where
        super().__init__(f"{path}: {where}: {message}")
