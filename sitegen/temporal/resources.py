"""Loading and validating the temporal tagger's language resources (YAML word tables and rules).

Everything language-specific lives in `sitegen/resources/<lang>/temporal/`; this module reads
it once, checks it, and reports a malformed file with its path and the rule or table at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sitegen.errors import ResourceError

RESOURCE_ROOT = Path(__file__).resolve().parents[1] / "resources"

KINDS = frozenset({"date", "shift", "offset", "duration", "set", "literal", "same"})
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
ANCHORS = frozenset({"dct", "previous", "said", "auto"})
NUMERIC_GROUPS = frozenset({"year", "day", "hour", "minute", "ampm", "quarter", "decade", "century",
                            "yy", "bcyear", "yearwords", "keep", "last", "sep"})
_MACRO_REF = re.compile(r"@([A-Za-z_]+)")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule must handle, with the expression the tagger should find in it."""

    text: str
    dct: str | None
    domain: str
    expect: dict[str, str]


@dataclass(frozen=True, slots=True)
class Rule:
    """One extraction rule: a pattern (macros expanded) and how its groups become a value."""

    name: str
    kind: str
    pattern: str
    type: str | None
    anchor: str
    value: str | None
    examples: tuple[Example, ...]
    defaults: tuple[tuple[str, Any], ...] = ()  # field values used when the text gives none
    domains: tuple[str, ...] = ("news", "narratives")  # where the rule applies
    # the pattern as the tagger matches it (case-insensitive, ending at a word's end),
    # compiled once here, where it is checked
    matcher: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class NegativeRule:
    """Drops a candidate whose text (and optionally context) matches."""

    name: str
    text: re.Pattern[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    examples: tuple[str, ...]
    domains: tuple[str, ...] = ("news", "narratives")  # where the rule applies


@dataclass(frozen=True, slots=True)
class Resources:
    """All the language knowledge the tagger uses, validated."""

    tables: dict[str, dict[str, Any]]
    group_tables: dict[str, str]
    rules: tuple[Rule, ...]
    negatives: tuple[NegativeRule, ...]
    triggers: frozenset[str] = frozenset()  # words near which rules are tried
    starts: frozenset[str] = frozenset()  # words at which a match may begin
    window: int = 5  # how many words before a trigger a match may begin
    directory: Path = field(default=RESOURCE_ROOT)

    def table_for_group(self, group: str) -> dict[str, Any] | None:
        name = self.group_tables.get(field_name(group)[0])
        return self.tables[name] if name else None


def field_name(group: str) -> tuple[str, str]:
    """("month", "") for group "month2"; ("day", "end") for "day_end", the end of a range;
    ("unit", "and") for "unit_and", the second part of "two years and eight months"."""
    base = group.rstrip("0123456789")
    for role in ("end", "and"):
        if base.endswith("_" + role):
            return base[:-len(role) - 1], role
    return base, ""


# libyaml's safe loader when PyYAML was built with it: every process that tags reads these
# files first, and the pure-Python parser takes most of that time
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise ResourceError(path, "file", "missing; reinstall sitegen or restore the file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise ResourceError(path, where, f"not valid YAML ({exc})") from None


def _scan_words(path: Path, data: dict,
                tables: dict[str, dict[str, Any]]) -> tuple[frozenset, frozenset, int]:
    scan = data.get("scan")
    if not isinstance(scan, dict):
        raise ResourceError(path, "scan", "needs 'triggers' and 'starts' lists of table names and a 'window'")
    words: dict[str, set[str]] = {}
    for key in ("triggers", "starts"):
        names = scan.get(key)
        if not isinstance(names, list):
            raise ResourceError(path, f"scan.{key}", "must be a list of table names")
        found: set[str] = set()
        for name in names:
            if name not in tables:
                raise ResourceError(path, f"scan.{key}", f"names unknown table {name!r}")
            for entry in tables[name]:
                parts = re.findall(r"\w+", entry)
                if key == "triggers":
                    found.update(parts[-1:])
                else:
                    found.update(parts)
        words[key] = found
    window = scan.get("window", 5)
    if not isinstance(window, int) or window < 1:
        raise ResourceError(path, "scan.window", "must be a positive number of words")
    return frozenset(words["triggers"]), frozenset(words["starts"] | words["triggers"]), window


def _load_tables(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise ResourceError(path, "top level", "expected a mapping with 'tables' and 'groups'")
    tables: dict[str, dict[str, Any]] = {}
    for name, table in data["tables"].items():
        if not isinstance(table, dict) or not table:
            raise ResourceError(path, f"table {name!r}", "must be a non-empty mapping of word: value")
        clean: dict[str, Any] = {}
        for word, value in table.items():
            if not isinstance(word, str) or word != word.lower() or not word.strip():
                raise ResourceError(path, f"table {name!r}", f"word {word!r} must be lower-case text")
            if value is None:
                raise ResourceError(path, f"table {name!r}", f"word {word!r} has no value")
            clean[" ".join(word.split())] = value
        tables[name] = clean
    groups = data.get("groups") or {}
    if not isinstance(groups, dict):
        raise ResourceError(path, "groups", "must map a group name to a table name")
    for group, table in groups.items():
        if table not in tables:
            raise ResourceError(path, f"group {group!r}", f"names unknown table {table!r}")
    return tables, dict(groups)


def _load_scan(path: Path, tables: dict[str, dict[str, Any]]) -> tuple[frozenset, frozenset, int]:
    return _scan_words(path, _read_yaml(path), tables)


def _table_regex(words: dict[str, Any]) -> str:
    """The words as one regular expression, factored as a trie so that a word that cannot
    match fails on its first character; at each branch longer words are tried first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    terminal = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def expand(pattern: str, macros: dict[str, str], tables: dict[str, dict[str, Any]],
           path: Path, where: str, depth: int = 0) -> str:
    """Replace @NAME by its macro (recursively) or by the alternation of a word table."""
    if depth > 10:
        raise ResourceError(path, where, "macros refer to each other in a loop")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in macros:
            return expand(macros[name], macros, tables, path, where, depth + 1)
        if name in tables:
            return _table_regex(tables[name])
        raise ResourceError(path, where, f"unknown macro or table @{name}")

    return _MACRO_REF.sub(sub, pattern)


def _examples(raw: Any, path: Path, where: str) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise ResourceError(path, where, "needs at least one example (text and expect)")
    out = []
    for i, ex in enumerate(raw, 1):
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) \
                or not isinstance(ex.get("expect"), dict):
            raise ResourceError(path, f"{where}, example {i}", "needs 'text' and an 'expect' mapping")
        exp = {k: str(v) for k, v in ex["expect"].items()}
        if "text" not in exp or exp["text"] not in ex["text"]:
            raise ResourceError(path, f"{where}, example {i}",
                                "expect.text must be a part of the example text")
        dct = ex.get("dct")
        domain = ex.get("domain", "news")
        if domain not in ("news", "narratives"):
            raise ResourceError(path, f"{where}, example {i}", f"unknown domain {domain!r}")
        out.append(Example(ex["text"], str(dct) if dct is not None else None, domain, exp))
    return tuple(out)


def _load_rules(path: Path, tables: dict[str, dict[str, Any]],
                group_tables: dict[str, str]) -> tuple[Rule, ...]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ResourceError(path, "top level", "expected a mapping with 'macros' and a 'rules' list")
    macros = data.get("macros") or {}
    if not isinstance(macros, dict) or not all(isinstance(v, str) for v in macros.values()):
        raise ResourceError(path, "macros", "must map a name to a pattern string")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise ResourceError(path, f"rule #{i}", "needs a 'name'")
        name = raw["name"]
        where = f"rule {name!r}"
        if name in seen:
            raise ResourceError(path, where, "name used twice")
        seen.add(name)
        kind = raw.get("kind")
        if kind not in KINDS:
            raise ResourceError(path, where, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        if not isinstance(raw.get("pattern"), str):
            raise ResourceError(path, where, "needs a 'pattern' string")
        rtype = raw.get("type")
        if rtype is not None and rtype not in TYPES:
            raise ResourceError(path, where, f"type {rtype!r} is not one of {', '.join(sorted(TYPES))}")
        anchor = raw.get("anchor", "auto")
        if anchor not in ANCHORS:
            raise ResourceError(path, where, f"anchor {anchor!r} is not one of {', '.join(sorted(ANCHORS))}")
        pattern = expand(raw["pattern"], macros, tables, path, where)
        try:
            # as the tagger matches it: a match ends where a word does
            compiled = re.compile(f"(?:{pattern})(?!\\w)", re.IGNORECASE)
        except re.error as exc:
            raise ResourceError(path, where, f"pattern is not a valid regular expression ({exc})") from None
        for group in compiled.groupindex:
            base = field_name(group)[0]
            if base not in group_tables and base not in NUMERIC_GROUPS:
                raise ResourceError(path, where, f"group {group!r} has no table in vocabulary.yaml "
                                                 f"and is not a number group")
        defaults = raw.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise ResourceError(path, where, "defaults must map a field name to a value")
        domains = raw.get("domains", ["news", "narratives"])
        if not isinstance(domains, list) or not domains or \
                not all(d in ("news", "narratives") for d in domains):
            raise ResourceError(path, where, "domains must be a list of 'news' and/or 'narratives'")
        rules.append(Rule(name, kind, pattern, rtype, anchor, raw.get("value"),
                          _examples(raw.get("examples"), path, where),
                          tuple((k, float(v) if k == "num" else v) for k, v in defaults.items()),
                          tuple(domains), compiled))
    return tuple(rules)


def _load_negatives(path: Path) -> tuple[NegativeRule, ...]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ResourceError(path, "top level", "expected a mapping with a 'rules' list")
    out = []
    for i, raw in enumerate(data["rules"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise ResourceError(path, f"rule #{i}", "needs a 'name'")
        where = f"rule {raw['name']!r}"
        if not isinstance(raw.get("text"), str):
            raise ResourceError(path, where, "needs a 'text' pattern")
        compiled = []
        for key, flags in (("text", 0), ("before", re.IGNORECASE), ("after", re.IGNORECASE)):
            src = raw.get(key)
            if src is None:
                compiled.append(None)
                continue
            try:
                compiled.append(re.compile(src, flags))
            except re.error as exc:
                raise ResourceError(path, where, f"{key} is not a valid regular expression ({exc})") from None
        examples = raw.get("examples")
        if not isinstance(examples, list) or not examples or not all(isinstance(e, str) for e in examples):
            raise ResourceError(path, where, "needs at least one example sentence")
        domains = raw.get("domains", ["news", "narratives"])
        if not isinstance(domains, list) or not domains or \
                not all(d in ("news", "narratives") for d in domains):
            raise ResourceError(path, where, "domains must be a list of 'news' and 'narratives'")
        out.append(NegativeRule(raw["name"], compiled[0], compiled[1], compiled[2], tuple(examples),
                                tuple(domains)))
    return tuple(out)


def load(directory: Path) -> Resources:
    """Read and validate the three resource files in `directory`."""
    tables, group_tables = _load_tables(directory / "vocabulary.yaml")
    rules = _load_rules(directory / "rules.yaml", tables, group_tables)
    negatives = _load_negatives(directory / "negatives.yaml")
    triggers, starts, window = _load_scan(directory / "vocabulary.yaml", tables)
    return Resources(tables, group_tables, rules, negatives, triggers, starts, window, directory)


@cache
def default_resources(lang: str = "en") -> Resources:
    """The shipped resources for `lang`, loaded once per process."""
    return load(RESOURCE_ROOT / lang / "temporal")
