"""Casualty and strength figures with their qualifiers, as reported: never averaged.

"at least 15 people were killed" -> killed, 15, open; "3,000 to 5,000 fighters" -> fighters,
3000-5000; "killing at least 28 Syrian soldiers" -> killed, 28, open, group soldiers.
The vocabulary lives in `resources/en/events/figures.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from sitegen.errors import ResourceError
from sitegen.model.event import Figure
from sitegen.model.text import Span
from sitegen.text.scan import spans_that_may_match, trie_alternation
from sitegen.text.tables import resource

_NOT_A_COUNT = re.compile(r"[$€£]\s*$|\b(?:no\.|number)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_DEATHS_OF = re.compile(r"\b(deaths?|killing|wounding)\s+of\s+$", re.IGNORECASE)
_SECTIONS = ("numbers", "vague", "qualifiers", "kinds", "object_verbs", "groups", "strength_groups")


@dataclass(frozen=True)
class FigureVocabulary:
    """The loaded `figures.yaml` and the regular expressions built from it."""

    numbers: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, dict]
    kinds: dict[str, str]
    object_verbs: dict[str, str]
    groups: dict[str, str]
    strength: dict[str, str]
    count: re.Pattern[str]
    verb_before: re.Pattern[str]
    kind_after: re.Pattern[str]
    group_heads: tuple[str, ...] = ()  # the group words, longest first
    may_count: re.Pattern[str] | None = None  # text without a match holds no figure


def _alt(words) -> str:
    """The words as one alternation, longest first (shaped as a trie; compile ignoring case)."""
    return trie_alternation(words, fold_case=True)


@cache
def vocabulary() -> FigureVocabulary:
    """Load and check `figures.yaml` (errors name the file and the section)."""
    path = resource("events", "figures.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ResourceError(path, "file", f"not valid YAML: {exc}") from exc
    for section in _SECTIONS:
        if not isinstance(data.get(section), dict):
            raise ResourceError(path, section, "missing or not a mapping")
    for word, value in {**data["numbers"], **data["vague"]}.items():
        if not isinstance(value, int):
            raise ResourceError(path, f"numbers/vague: {word}", "the value must be a whole number")
    # At most nine digits: a longer run of digits is no head count (and int() refuses
    # numbers of thousands of digits), so it is not read as a figure at all.
    number = rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,9}})(?!\d|,\d)|{_alt(data['numbers'])}"
    qual = _alt(data["qualifiers"])
    count = re.compile(  # a count starts a word: "someone", "often" hold no number
        rf"(?<!\w)(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?P<vague>{_alt(data['vague'])})|(?:between\s+)?(?P<n1>{number})"
        rf"(?:\s*(?:to|and|-|–)\s*(?P<n2>{number}))?)"
        rf"(?P<group>(?:\s+(?!(?:{_alt(data['kinds'])})\b)[\w’'-]+){{0,3}}?\s+(?:{_alt(data['groups'])}))?\b",
        re.IGNORECASE)
    verb_before = re.compile(rf"\b({_alt(data['object_verbs'])})\s+$", re.IGNORECASE)
    kind_after = re.compile(
        rf"\s*(?:(?:had|have|has|were|was|are|is|been|being|also|reportedly|later|all|\s)+)?"
        rf"(?:among\s+the\s+)?({_alt(data['kinds'])})\b", re.IGNORECASE)
    may_count = re.compile(rf"(?<!\w)(?:\d|{_alt([*data['numbers'], *data['vague']])})", re.IGNORECASE)
    return FigureVocabulary(data["numbers"], data["vague"], data["qualifiers"], data["kinds"],
                            data["object_verbs"], data["groups"], data["strength_groups"], count,
                            verb_before, kind_after,
                            tuple(sorted(data["groups"], key=len, reverse=True)), may_count)


def _value(text: str, vocab: FigureVocabulary) -> int:
    key = text.lower()
    if key in vocab.numbers:
        return vocab.numbers[key]
    return int(text.replace(",", ""))


# the group whose members the corpus counts as militants ("ISIS members", "members of
# Islamic State")
_THE_GROUP = re.compile(r"\b(?:ISIS|Isis|ISIL|IS|Daesh|DAESH|Islamic\s+State)\b")
# "of the Popular Mobilisation Forces": a named body after a group noun; after "members",
# any body ("members of a convoy", "of the security forces"), a word or two with its article
_OF_NAMED = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and))*"
                       r"(?<!\bof)(?<!\band)(?<!\.)")
_OF_BODY = re.compile(r"\s+of\s+(?:the|a|an|his|her|their|its)\s+[a-z][\w'’-]*"
                      r"(?:\s+(?!(?:were|was|are|is|who|that|killed|wounded|in|on|at|and)\b)[a-z][\w'’-]*)?\b")


def _group(phrase: str, vocab: FigureVocabulary) -> tuple[str | None, str | None]:
    """(normalised group, strength kind) of the words after a number."""
    words = phrase.strip()
    if not words:
        return None, None
    lower = words.lower()
    head = next((g for g in vocab.group_heads if lower.endswith(g)), None)
    if head is None:
        return None, None
    group = vocab.groups[head]
    adjective = words[: len(words) - len(head)].strip().split()
    named = [w for w in adjective if w[:1].isupper() and not _THE_GROUP.fullmatch(w)]
    if named and group in ("soldiers", "troops", "civilians", "police"):
        group = f"{named[0]} {group}"
    return group, vocab.strength.get(head)


def find_figures_in(text: str, sentences: list[Span]) -> list[list[Figure]]:
    """`find_figures` of every sentence; only sentences with a digit or a number word are read."""
    may = spans_that_may_match(vocabulary().may_count, text, sentences)
    return [find_figures(text, s.start, s.end) if k else [] for s, k in zip(sentences, may, strict=True)]


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Figures stated in `text[start:end]` (one sentence), in text order."""
    vocab = vocabulary()
    figures: list[Figure] = []
    for m in vocab.count.finditer(text, start, end):
        if not (m.group("n1") or m.group("vague")):
            continue
        before = text[max(start, m.start() - 40):m.start()]
        after = text[m.end():min(end, m.end() + 60)]
        if _NOT_A_COUNT.search(before):
            continue
        if m.group("n1") and _YEAR.fullmatch(m.group("n1")) and not m.group("group"):
            continue  # a year, not a count
        group, strength = _group(m.group("group") or "", vocab)
        named = _OF_NAMED.match(text, m.end(), end) if group is not None else None
        if named is None and group is not None and (m.group("group") or "").strip().lower() == "members":
            named = _OF_BODY.match(text, m.end(), end)
        if named and not _THE_GROUP.search(named.group()):
            # "three members of the Popular Mobilisation Forces": the body named says whose
            group = (m.group("group") or "").strip() + " " + " ".join(named.group().split())
        kind = None
        if named:  # "six members of a convoy were killed": the casualty word comes after the body
            after = text[named.end():min(end, named.end() + 60)]
        kind_after = vocab.kind_after.match(after)
        if kind_after:
            kind = vocab.kinds[kind_after.group(1).lower()]
        elif group is None:
            continue  # neither a casualty word after it nor a group of people: no figure
        elif verb_before := vocab.verb_before.search(before):
            kind = vocab.object_verbs[verb_before.group(1).lower()]
        elif deaths_of := _DEATHS_OF.search(before):
            kind = "killed" if deaths_of.group(1).lower() != "wounding" else "wounded"
        elif strength and not m.group("vague"):
            kind = strength
        if kind is None:
            continue
        if group is None and not kind_after:
            continue
        qual = (m.group("qual") or "").lower()
        info = vocab.qualifiers.get(qual, {})
        if m.group("vague"):
            low, high, label = vocab.vague[m.group("vague").lower()], None, m.group("vague").lower()
        else:
            low = _value(m.group("n1"), vocab)
            high = _value(m.group("n2"), vocab) if m.group("n2") else (None if info.get("open") else low)
            label = info.get("label")
            if m.group("n2"):
                label = label or "between"
        span_end = (named.end() if named else m.end()) + (kind_after.end() if kind_after else 0)
        figures.append(Figure(kind, low, high, label, group, text[m.start():span_end], m.start(), span_end))
    return figures
