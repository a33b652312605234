"""The trigger lexicon (`events/triggers.tsv`) and event types (`events/types.tsv`), and
finding trigger words in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.model.text import Span
from sitegen.text.scan import lowered, matches_by_span, trie_alternation
from sitegen.text.tables import read_rows, resource, word_list

_POS = {"noun", "verb"}
_FLAGS = {"speech", "follow", "claim", "shield", "light", "place", "manner", "base", "object"}
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
    """All trigger words, the class of each type, and a matcher for the surfaces:
    `matcher` ignores case, `lower_matcher` is the same for text already `lowered`."""

    words: dict[str, TriggerWord]
    classes: dict[str, str]
    labels: dict[str, str]
    matcher: re.Pattern[str]
    lower_matcher: re.Pattern[str]

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
    alternation = trie_alternation(words, fold_case=True, space=r"\s+")
    source = rf"(?<![\w-])(?:{alternation})(?![\w-])"  # letters in lower case (fold_case)
    return Lexicon(words, classes, labels, re.compile(source, re.IGNORECASE), re.compile(source))


@cache
def _base_markers() -> re.Pattern[str]:
    markers = sorted(word_list("events/base_markers.txt"), key=len, reverse=True)
    words = "|".join(re.escape(w) for w in markers)
    return re.compile(rf"(?:^|(?<=[^\w'’]))(?:{words})\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _after_base_marker(text: str, start: int) -> bool:
    """Whether the word before `start` makes a base form an infinitive ("to seize"), or
    follows a modal ("will withdraw", "did not sign"); an adverb may stand between."""
    return _base_markers().search(text, max(0, start - 30), start) is not None


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Trigger words in `text[start:end]`, longest match first, in text order.

    A trigger in the "of" complement of a shielding noun ("the news of the operation") is
    left out: the noun, not the operation, is what a date next to it dates.
    """
    return _triggers(text, end, list(lexicon().matcher.finditer(text, start, end)))


def find_triggers_in(text: str, sentences: list[Span]) -> list[list[Trigger]]:
    """`find_triggers` of every sentence, from one scan of the text (of its lower-case
    copy when that finds the same)."""
    low = lowered(text)
    if low is None:
        found = matches_by_span(lexicon().matcher, text, sentences)
    else:
        found = matches_by_span(lexicon().lower_matcher, low, sentences)
    return [_triggers(text, s.end, ms) if ms else [] for s, ms in zip(sentences, found, strict=True)]


def _triggers(text: str, end: int, matches: list[re.Match[str]]) -> list[Trigger]:
    words = lexicon().words
    found: list[Trigger] = []
    for m in matches:
        key = m.group().lower()
        word = words.get(key)
        if word is None:
            word = words[" ".join(key.split())]
        if "base" in word.flags and _after_base_marker(text, m.start()):
            continue  # "vowed to seize Baghdad": an infinitive, no event told
        found.append(Trigger(m.start(), m.end(), word))
    shielded: set[int] = set()
    for i, trig in enumerate(found):
        if "shield" in trig.word.flags:
            tail = _OF_COMPLEMENT.match(text[trig.end:end])
            if tail:
                for j in range(i + 1, len(found)):
                    if found[j].start <= trig.end + tail.end() + 1:
                        shielded.add(j)
    if not shielded:
        return found
    return [t for i, t in enumerate(found) if i not in shielded]
