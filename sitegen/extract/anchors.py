"""Time expressions anchored on an event or on the time just given: "two days after the
raid", "the same month", "at the time". Patterns live in `events/anchors.tsv`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.extract.dates import shift, truncate
from sitegen.extract.figures import vocabulary
from sitegen.model.text import Span
from sitegen.model.time import DateValue, Precision
from sitegen.text.tables import compile_pattern, read_rows, resource

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True, slots=True)
class AnchorMatch:
    """An anchored expression at `start:end`: its rule, offset and the event noun it names,
    and where its direction word ("after", "before") ends (None when it has none)."""

    start: int
    end: int
    text: str
    rule: str
    amount: int
    unit: str | None
    noun: str | None
    dir_end: int | None = None


@cache
def anchor_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = []
    for row in read_rows(resource("events", "anchors.tsv"), 2, 2):
        name, regex = row.fields
        if name not in ("event-offset", "event-next", "event-earlier", "later", "same", "reference"):
            raise row.fail(f"unknown anchor rule {name!r}")
        rules.append((name, compile_pattern(row, regex, re.IGNORECASE)))
    return tuple(rules)


@cache
def _any_rule() -> tuple[re.Pattern[str], ...]:
    """The rules as one alternation with their groups unnamed (a filter: does any rule
    match?), or the rules themselves when a rule refers back to a group."""
    patterns = [p for _, p in anchor_rules()]
    if any(re.search(r"\(\?P=|\\\d", p.pattern) for p in patterns):
        return tuple(patterns)
    bodies = [_NAMED_GROUP.sub("(?:", p.pattern) for p in patterns]
    lead = r"\b" if all(b.startswith(r"\b") for b in bodies) else ""  # test a word start once
    unnamed = "|".join(f"(?:{b[len(lead):]})" for b in bodies)
    return (re.compile(f"{lead}(?:{unnamed})", re.IGNORECASE),)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return vocabulary().numbers.get(word)


def find_anchors_in(text: str, sentences: list[Span]) -> list[list[AnchorMatch]]:
    """`find_anchors` of every sentence; a sentence no rule matches (one search for all of
    them) is not searched rule by rule."""
    keep = [any(p.search(text, s.start, s.end) for p in _any_rule()) for s in sentences]
    return [find_anchors(text, s.start, s.end) if k else [] for s, k in zip(sentences, keep, strict=True)]


def find_anchors(text: str, start: int, end: int) -> list[AnchorMatch]:
    """Anchored expressions in `text[start:end]`, in text order, not overlapping."""
    found: list[AnchorMatch] = []
    for name, pattern in anchor_rules():
        for m in pattern.finditer(text, start, end):
            if any(a.start < m.end() and m.start() < a.end for a in found):
                continue
            groups = m.groupdict()
            amount, unit = 0, None
            if name in ("event-offset", "later", "event-earlier"):
                count = _count(groups["n"])
                if count is None:
                    continue
                unit = groups["unit"].lower().rstrip("s")
                before = (groups.get("dir") or "").lower().startswith(("before", "earlier"))
                before = before or name == "event-earlier"  # the event told next came first
                amount = -count if before else count
                if unit == "hour":  # "hours later": the same day, as far as a timeline can tell
                    unit, amount = "day", 0
            elif name == "event-next":
                unit, amount = groups["dir"].lower(), 1
            elif name == "same":
                unit = groups["unit"].lower()
            found.append(AnchorMatch(m.start(), m.start() + len(m.group().rstrip()), m.group().rstrip(), name,
                                     amount, unit, (groups.get("noun") or "").lower() or None,
                                     m.end("dir") if groups.get("dir") else None))
    return sorted(found, key=lambda a: a.start)


def resolve(match: AnchorMatch, antecedent: DateValue) -> DateValue:
    """The date of an anchored expression given the antecedent mention's date (unresolved
    when that is: "two days after the raid" of an undated raid is undated too)."""
    if not antecedent.resolved:
        return DateValue("XXXX-XX-XX", Precision.DAY, None, None)
    if match.rule in ("event-offset", "event-next", "later", "event-earlier"):
        return shift(antecedent, match.amount, match.unit or "day")
    if match.rule == "same":
        return truncate(antecedent, match.unit or "day")
    return antecedent
