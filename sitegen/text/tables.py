"""Loading of the tab-separated language tables, with errors that name the file and line.

Every table under `resources/en/` is plain text: `#` starts a comment line, fields are
separated by tabs, and each table declares how many fields a row must have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitegen.errors import ResourceError

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "en"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its fields (stripped) and the 1-based line it came from."""

    path: str
    line: int
    fields: tuple[str, ...]

    def fail(self, message: str) -> ResourceError:
        return ResourceError(self.path, f"line {self.line}", message)


def resource(*parts: str) -> Path:
    """The path of a shipped language resource, e.g. `resource("text", "abbreviations.txt")`."""
    return RESOURCES.joinpath(*parts)


def read_rows(path: Path, min_fields: int = 1, max_fields: int | None = None) -> list[Row]:
    """Rows of a TSV table; raises ResourceError naming file and line on a malformed row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(path, "file", f"cannot read: {exc}") from exc
    rows: list[Row] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in raw.rstrip("\n").split("\t"))
        while len(fields) > min_fields and fields[-1] == "":
            fields = fields[:-1]
        row = Row(str(path), number, fields)
        if len(fields) < min_fields or (max_fields is not None and len(fields) > max_fields):
            expected = f"{min_fields}" if max_fields == min_fields else f"{min_fields}-{max_fields or 'n'}"
            raise row.fail(f"expected {expected} tab-separated fields, found {len(fields)}")
        if any(f == "" for f in fields[:min_fields]):
            raise row.fail("empty field")
        rows.append(row)
    return rows


def compile_pattern(row: Row, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a regular expression from a table, reporting a bad one with file and line."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise row.fail(f"bad regular expression {pattern!r}: {exc}") from exc


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-column table under `resources/en/` as a set (e.g. `"text/abbreviations.txt"`)."""
    return frozenset(row.fields[0] for row in read_rows(resource(*name.split("/")), 1, 1))
