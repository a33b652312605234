"""Page furniture ("Share.", "Updated: ...", captions, datelines) recognised from a data table.

Furniture stays in the article text (the source page shows it) but is never evidence for
an event: extraction skips the spans this module returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.model.text import Span
from sitegen.text.tables import compile_pattern, read_rows, resource


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One pattern of the furniture table: `line` rules match a whole line, `prefix` its start."""

    kind: str
    scope: str
    pattern: re.Pattern[str]
    line: int


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The rules of `resources/en/text/furniture.tsv`, validated with file and line."""
    rules = []
    for row in read_rows(resource("text", "furniture.tsv"), 4, 4):
        kind, scope, case, regex = row.fields
        if scope not in ("line", "prefix"):
            raise row.fail(f"scope must be 'line' or 'prefix', not {scope!r}")
        if case not in ("i", "c"):
            raise row.fail(f"case must be 'i' or 'c', not {case!r}")
        flags = re.IGNORECASE if case == "i" else 0
        rules.append(FurnitureRule(kind, scope, compile_pattern(row, regex, flags), row.line))
    return tuple(rules)


def lines_of(text: str) -> list[Span]:
    """Non-empty lines of the text as spans with surrounding blanks trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            spans.append(Span(match.start() + left, match.start() + right))
    return spans


def find_furniture(text: str) -> list[tuple[Span, str]]:
    """Furniture spans in the text with their kind, in text order."""
    found: list[tuple[Span, str]] = []
    for line in lines_of(text):
        chunk = line.of(text)
        for rule in furniture_rules():
            if rule.scope == "line" and rule.pattern.fullmatch(chunk.rstrip(" |")):
                found.append((line, rule.kind))
                break
            if rule.scope == "prefix":
                match = rule.pattern.match(chunk)
                if match:
                    found.append((Span(line.start, line.start + match.end()), rule.kind))
                    break
    return found
