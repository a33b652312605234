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


_LINE = re.compile(r"[^\n]+")


def lines_of(text: str) -> list[Span]:
    """Non-empty lines of the text as spans with surrounding blanks trimmed."""
    spans = []
    for match in _LINE.finditer(text):
        raw = match.group()
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        if right > left:
            spans.append(Span(match.start() + left, match.start() + right))
    return spans


@dataclass(frozen=True, slots=True)
class _Combined:
    """All `line` rules as one alternation and all `prefix` rules as another, each rule a
    named group, so a line costs two matches instead of one per rule. The first rule in
    table order that matches still wins: an alternation tries its branches in order."""

    line: re.Pattern[str]
    prefix: re.Pattern[str]
    order: dict[str, int]


def _group(index: int, rule: FurnitureRule) -> str:
    flags = "(?i:" if rule.pattern.flags & re.IGNORECASE else "(?-i:"
    return f"(?P<f{index}>{flags}{rule.pattern.pattern}))"


@cache
def _combined() -> _Combined | None:
    rules = furniture_rules()
    if any(r.pattern.groupindex or re.search(r"\\\d|\(\?[aiLmsux]+\)", r.pattern.pattern) for r in rules):
        return None  # named groups, back-references or global flags: match rule by rule
    try:
        line, prefix = (re.compile("|".join(_group(i, r) for i, r in enumerate(rules) if r.scope == scope)
                                   or "(?!)") for scope in ("line", "prefix"))
    except re.error:
        return None
    return _Combined(line, prefix, {f"f{i}": i for i in range(len(rules))})


def _first_rule(chunk: str) -> tuple[FurnitureRule, int] | None:
    """The first rule matching a line, with the end of what it covers (relative)."""
    rules = furniture_rules()
    combined = _combined()
    if combined is None:
        for rule in rules:
            if rule.scope == "line" and rule.pattern.fullmatch(chunk.rstrip(" |")):
                return rule, len(chunk)
            if rule.scope == "prefix":
                match = rule.pattern.match(chunk)
                if match:
                    return rule, match.end()
        return None
    whole = combined.line.fullmatch(chunk.rstrip(" |"))
    start = combined.prefix.match(chunk)
    first = min((combined.order[m.lastgroup], m) for m in (whole, start) if m and m.lastgroup) \
        if whole or start else None
    if first is None:
        return None
    rule = rules[first[0]]
    return rule, len(chunk) if rule.scope == "line" else first[1].end()


def find_furniture(text: str, lines: list[Span] | None = None) -> list[tuple[Span, str]]:
    """Furniture spans in the text (or in the given `lines_of(text)`) with their kind, in
    text order."""
    found: list[tuple[Span, str]] = []
    for line in lines_of(text) if lines is None else lines:
        hit = _first_rule(line.of(text))
        if hit is not None:
            rule, end = hit
            found.append((line if rule.scope == "line" else Span(line.start, line.start + end), rule.kind))
    return found
