"""The trigger lexicon (`events/triggers.tsv`) and event types (`events/types.tsv`), and
finding trigger words in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.text.tables import read_rows, resource

_POS = {"noun", "verb"}
_FLAGS = {"speech", "follow", "claim", "shield", "light"}
_OF_COMPLEMENT = re.compile(r"\s+of\s+(?:the|a|an|this|that|its|their)?\s*(?:[\w-]+\s+){0,2}?")


@dataclass(frozen=True, slots=True)
class TriggerWord:
    """One lexicon entry: the surface words, the event type, part of speech and flags."""

    surface: str
    type: str
    pos: str
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in text at `start:end`."""

    start: int
    end: int
    word: TriggerWord

    @property
    def type(self) -> str:
        return self.word.type

    def has(self, flag: str) -> bool:
        return flag in self.word.flags


@dataclass(frozen=True)
class Lexicon:
    """All trigger words, the class of each type, and a matcher for the surfaces."""

    words: dict[str, TriggerWord]
    classes: dict[str, str]
    labels: dict[str, str]
    matcher: re.Pattern[str]

    def type_class(self, type_: str) -> str:
        return self.classes.get(type_, "other")


@cache
def lexicon() -> Lexicon:
    """Load and validate the trigger and type tables (errors name file and line)."""
    classes: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in read_rows(resource("events", "types.tsv"), 3, 3):
        classes[row.fields[0]] = row.fields[1]
        labels[row.fields[0]] = row.fields[2]
    words: dict[str, TriggerWord] = {}
    for row in read_rows(resource("events", "triggers.tsv"), 4, 4):
        surface, type_, pos, flags = row.fields
        if type_ not in classes:
            raise row.fail(f"unknown event type {type_!r} (see types.tsv)")
        if pos not in _POS:
            raise row.fail(f"part of speech must be noun or verb, not {pos!r}")
        flag_set = frozenset() if flags == "-" else frozenset(f.strip() for f in flags.split(","))
        if flag_set - _FLAGS:
            raise row.fail(f"unknown flags {sorted(flag_set - _FLAGS)}")
        if surface in words:
            raise row.fail(f"{surface!r} is listed twice")
        words[surface] = TriggerWord(surface, type_, pos, flag_set)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    matcher = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return Lexicon(words, classes, labels, matcher)


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Trigger words in `text[start:end]`, longest match first, in text order.

    A trigger in the "of" complement of a shielding noun ("the news of the operation") is
    left out: the noun, not the operation, is what a date next to it dates.
    """
    lex = lexicon()
    found: list[Trigger] = []
    for m in lex.matcher.finditer(text, start, end):
        key = re.sub(r"\s+", " ", m.group().lower())
        found.append(Trigger(m.start(), m.end(), lex.words[key]))
    shielded: set[int] = set()
    for i, trig in enumerate(found):
        if trig.has("shield"):
            tail = _OF_COMPLEMENT.match(text[trig.end:end])
            if tail:
                for j in range(i + 1, len(found)):
                    if found[j].start <= trig.end + tail.end() + 1:
                        shielded.add(j)
    return [t for i, t in enumerate(found) if i not in shielded]
