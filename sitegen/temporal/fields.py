"""Turning the text a rule's named groups matched into numbers and codes via the word tables."""

from __future__ import annotations

import re
from typing import Any

from sitegen.temporal.resources import Resources, field_name

_SPACES = re.compile(r"[\s\-]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_DIGIT = re.compile(r"\D")


def words(text: str) -> str:
    """Lower-case, single-spaced form used to look words up in the tables."""
    return " ".join(text.lower().split())


def number(text: str, res: Resources) -> float | str | None:
    """A cardinal number written in digits or words ("24", "twenty-four", "a few" -> "X")."""
    t = words(text).replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    if t.endswith((" 1/2", "½")) and t.rstrip("½").removesuffix(" 1/2").strip().isdigit():
        return float(t.rstrip("½").removesuffix(" 1/2").strip()) + 0.5  # "2 1/2", "5½"
    table = res.tables["numbers"]
    if t in table:
        v = table[t]
        return "X" if v == "X" else float(v)
    total = 0.0
    for part in _SPACES.split(t):
        if part not in table or table[part] == "X":
            return None
        v = float(table[part])
        if v >= 100 and total and v > total:
            total *= v  # "two thousand", "three hundred"
        else:
            total += v
    return total


def spelled_year(text: str, res: Resources) -> int | None:
    """A year read out in words: "two thousand and one" -> 2001 (a plain number), and
    "nineteen ninety-six" -> 1996 (hundreds, then the rest)."""
    connectors = res.tables.get("number_connectors", {})
    parts = [p for p in _SPACES.split(words(text)) if p not in connectors]
    table = res.tables["numbers"]
    values = [table.get(p) for p in parts]
    if not parts or not all(isinstance(v, (int, float)) for v in values):
        return None
    if any(v >= 1000 for v in values):
        total = number(" ".join(parts), res)
        return int(total) if isinstance(total, float) else None
    if len(parts) < 2:
        return None
    if values[1:] == [100]:
        return int(values[0]) * 100
    tail = number(" ".join(parts[1:]), res)
    return int(values[0]) * 100 + int(tail) if isinstance(tail, float) else None


def lookup(group: str, text: str, res: Resources) -> Any:
    """The normalised value of one matched group: via its table, or as an integer."""
    table = res.table_for_group(group)
    base = field_name(group)[0]
    if base == "num":
        return number(text, res)
    if table is not None:
        key = words(text)
        if key in table:
            return table[key]
        key = key.rstrip(".")
        if key in table:
            return table[key]
        key = key.replace("-", " ")
        if key in table:
            return table[key]
        return int(key) if key.isdigit() else None
    if base == "yearwords":
        return spelled_year(text, res)
    if base == "ampm":
        return _NOT_LETTER.sub("", text.lower())
    digits = _NOT_DIGIT.sub("", text)
    return int(digits) if digits else None


def collect(groups: dict[str, str | None], res: Resources) -> tuple[dict[str, Any], dict[str, Any]]:
    """Normalised fields of a match: (start fields, range-end fields). Alternative spellings
    of one field ("month", "month2") merge into one; "day_end" goes to the range end; "unit_and"
    stays apart as "unit_and" (the second part of a duration)."""
    start: dict[str, Any] = {}
    end: dict[str, Any] = {}
    for name, text in groups.items():
        if text is None:
            continue
        value = lookup(name, text, res)
        if value is None:
            continue
        base, role = field_name(name)
        target = end if role == "end" else start
        target.setdefault(base + "_and" if role == "and" else base, value)
        if base in ("num", "pod", "dayrel", "rel", "mod"):
            target.setdefault(base + "_text", words(text))
    return start, end
