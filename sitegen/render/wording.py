"""The words dates are displayed with, loaded from `resources/<language>/display.yaml`.

Kept as data so a new language or a better phrasing is a change to a table, not to code;
the loader checks every key and placeholder and names the file and line of a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from sitegen.errors import ResourceError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"

# What each table must hold, and the placeholders each of its patterns must use.
_MAPPINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "seasons": (("SP", "SU", "FA", "WI"), ()),
    "quarters": (("Q1", "Q2", "Q3", "Q4"), ("year",)),
    "halves": (("H1", "H2"), ("year",)),
    "parts_of_day": (("MO", "AF", "EV", "NI"), ("date",)),
    "mods": (("START", "MID", "END", "APPROX", "BEFORE", "AFTER"), ("date",)),
    "day_mods": ((), ("date",)),
    "patterns": (("day", "month", "month_unknown_year", "season", "week", "week_number", "decade",
                  "century", "time", "range", "range_tight", "unknown"), ()),
    "ordinal_suffixes": (("default",), ()),
}
_PATTERN_FIELDS = {
    "day": ("day", "month", "year"), "month": ("month", "year"), "month_unknown_year": ("month",),
    "season": ("season", "year"), "week": ("date",), "week_number": ("week", "year"),
    "decade": ("decade",), "century": ("ordinal",), "time": ("date", "time"),
    "range": ("first", "last"), "range_tight": ("first", "last"), "unknown": (),
}


@dataclass(frozen=True, slots=True)
class Wording:
    """Month names and phrase patterns for one language, validated."""

    months: tuple[str, ...]
    seasons: dict[str, str]
    quarters: dict[str, str]
    halves: dict[str, str]
    parts_of_day: dict[str, str]
    mods: dict[str, str]
    day_mods: dict[str, str]
    patterns: dict[str, str]
    ordinal_suffixes: dict[str, str]

    def ordinal(self, number: int) -> str:
        last_two, last = str(number % 100), str(number % 10)
        suffix = self.ordinal_suffixes.get(last_two) or self.ordinal_suffixes.get(last)
        return f"{number}{suffix or self.ordinal_suffixes['default']}"


def _line(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}"


def _fail(path: Path, node: yaml.Node, message: str) -> ResourceError:
    return ResourceError(path, _line(node), message)


def _placeholders(pattern: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", pattern))


def parse_wording(text: str, path: Path) -> Wording:
    """Build a Wording from the YAML `text` of `path`, raising ResourceError on any defect."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        raise ResourceError(path, where, f"not valid YAML: {getattr(err, 'problem', err)}") from err
    if not isinstance(root, yaml.MappingNode):
        raise ResourceError(path, "line 1", "expected a mapping of tables")
    nodes = {key.value: value for key, value in root.value}
    data = yaml.safe_load(text)
    months_node = nodes.get("months")
    if months_node is None:
        raise ResourceError(path, "line 1", "missing table 'months'")
    months = data["months"]
    if not isinstance(months, list) or len(months) != 12 or not all(isinstance(m, str) for m in months):
        raise _fail(path, months_node, "'months' must list the 12 month names, January first")
    tables: dict[str, dict[str, str]] = {}
    for name, (required, fields) in _MAPPINGS.items():
        node = nodes.get(name)
        if node is None:
            raise ResourceError(path, "line 1", f"missing table '{name}'")
        table = data[name]
        if not isinstance(table, dict):
            raise _fail(path, node, f"'{name}' must be a mapping")
        for key in required:
            if key not in table:
                raise _fail(path, node, f"'{name}' lacks the entry '{key}'")
        for key_node, value_node in node.value:
            key, value = str(key_node.value), table[key_node.value]
            if not isinstance(value, str):
                raise _fail(path, value_node, f"'{name}.{key}' must be a string")
            needed = set(_PATTERN_FIELDS.get(key, ())) if name == "patterns" else set(fields)
            unknown = _placeholders(value) - needed
            missing = needed - _placeholders(value)
            if missing or unknown:
                raise _fail(path, value_node, f"'{name}.{key}' must use exactly the placeholders "
                                              f"{sorted(needed)}, found {sorted(_placeholders(value))}")
        tables[name] = {str(k): v for k, v in table.items()}
    return Wording(months=tuple(months), **tables)


@lru_cache(maxsize=8)
def load_wording(language: str = "en") -> Wording:
    """The validated display wording of `language` (cached: read once per process)."""
    path = RESOURCES / language / "display.yaml"
    if not path.is_file():
        raise ResourceError(path, "file", f"no display wording for language '{language}'")
    return parse_wording(path.read_text(encoding="utf-8"), path)
