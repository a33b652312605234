"""Which trigger a time expression dates: the nearest in its own clause, preceding words
first; a fronted expression ("Last month, ISIS opened fire ...") dates the main verb."""

from __future__ import annotations

import re
from functools import cache

from sitegen.extract.clauses import clause_of, clause_spans
from sitegen.extract.triggers import Trigger
from sitegen.model.text import Span
from sitegen.text.tables import word_list

_WORD = re.compile(r"[\w’'-]+")
_FOLLOWING_PENALTY = 3
_COMMA_PENALTY = 2
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_LEAD = re.compile(r"\W*(?:[A-Za-z]+\s+){0,2}")  # up to two words before an expression
_WHEN = re.compile(r"\W*,?\s*when\b")


@cache
def consequence() -> re.Pattern[str]:
    """", prompting" (or another word of `events/consequences.txt`): what follows tells what
    came of the event before the comma; the match is the last such in the span searched."""
    words = "|".join(r"\s+".join(map(re.escape, w.split()))
                     for w in sorted(word_list("events/consequences.txt"), key=len, reverse=True))
    return re.compile(rf",\s+(?:{words})\s+(?!.*,\s+(?:{words})\s)", re.IGNORECASE | re.DOTALL)


def _distance(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[min(a, b):max(a, b)]))


def is_fronted(text: str, sentence: Span, start: int, end: int) -> bool:
    """True for an expression opening the sentence and closed by a comma ("In January, ..."),
    or by a colon or dash, as an entry of a timeline is ("June 29, 2014: The group declares a
    caliphate.", "2004 – Detained by US forces")."""
    lead = text[sentence.start:start]
    closed = text[end:end + 3].lstrip().startswith((",", ":", "–", "—", "- "))
    return bool(_LEAD.fullmatch(lead)) and closed


def _governing_verb(text: str, trigger: Trigger, same: list[Trigger]) -> Trigger | None:
    """For "condemned the attack on Monday" or "announced the withdrawal on Sunday": a
    definite event noun right after a reporting verb is the verb's object, and the date
    goes with the verb (the event itself was dated, or will be, where it was first told)."""
    if trigger.word.pos != "noun" or not _DEFINITE.search(text[max(0, trigger.start - 40):trigger.start]):
        return None
    verbs = [t for t in same if t.end <= trigger.start and t.has("speech") and t.word.pos == "verb"
             and _distance(text, t.end, trigger.start) <= 4 and "," not in text[t.end:trigger.start]]
    return verbs[-1] if verbs else None


def _subject_of_light_verb(text: str, trigger: Trigger, same: list[Trigger]) -> Trigger | None:
    """"The attack took place on Monday": the date goes to the attack, the noun before the verb."""
    if not trigger.has("light"):
        return None
    nouns = [t for t in same if t.end <= trigger.start and t.word.pos == "noun"
             and _distance(text, t.end, trigger.start) <= 6]
    return nouns[-1] if nouns else None


def _object_of_light_verb(text: str, trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """"Iraqi forces launched an offensive": the event is the offensive, the noun right after
    the verb."""
    if not trigger.has("object"):
        return None
    nouns = [t for t in triggers if t.start >= trigger.end and t.word.pos == "noun"
             and _distance(text, trigger.end, t.start) <= 3]
    return nouns[0] if nouns else None


def _verb_of_manner(trigger: Trigger, same: list[Trigger]) -> Trigger | None:
    """"A court sentenced five men to death on Sunday": the date goes to the verb that
    "to death" tells the end of, when that verb is a trigger."""
    if not trigger.has("manner"):
        return None
    verbs = [t for t in same if t.end <= trigger.start and t.word.pos == "verb"]
    return verbs[-1] if verbs else None


def attach(text: str, sentence: Span, start: int, end: int, triggers: list[Trigger]) -> Trigger | None:
    """The trigger the expression at `start:end` dates, or None when nothing in reach."""
    outside = [t for t in triggers if t.end <= start or t.start >= end]
    if not outside:
        return None
    if is_fronted(text, sentence, start, end):
        after = [t for t in outside if t.start >= end]
        if after:
            return _object_of_light_verb(text, after[0], after) or after[0]
    clauses = clause_spans(text, sentence.start, sentence.end)
    own = clause_of(clauses, start)
    same = [t for t in outside if clause_of(clauses, t.start) == own]

    def cost(t: Trigger) -> int:
        if t.end <= start:
            return _distance(text, t.end, start) + _COMMA_PENALTY * text.count(",", t.end, start)
        return (_distance(text, end, t.start) + _FOLLOWING_PENALTY
                + _COMMA_PENALTY * text.count(",", end, t.start))

    # "X happened on Saturday, the ministry said": a reporting verb after a comma is a
    # parenthetical source, not what the date before the comma dates
    same = [t for t in same if not (t.start >= end and t.has("speech") and "," in text[end:t.start])]
    # nor is what came of the event ("killed three soldiers on Jan. 28, prompting US strikes")
    same = [t for t in same if t.start < end or not consequence().search(text, end, t.start)]
    if same:
        best = min(same, key=cost)
        return _governing_verb(text, best, same) or _subject_of_light_verb(text, best, same) \
            or _object_of_light_verb(text, best, outside) or _verb_of_manner(best, same) or best
    # "since early 2014, when they seized Fallujah": the when-clause tells what happened then
    if own + 1 < len(clauses) and _WHEN.match(text[end:clauses[own + 1][0] + 6]):
        following = [t for t in outside if clause_of(clauses, t.start) == own + 1]
        if following:
            return following[0]
    near = [t for t in outside if t.end <= start and cost(t) <= 8]
    return min(near, key=cost) if near else None
