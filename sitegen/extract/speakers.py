"""Who says so: the subject of a reporting verb ("the defence ministry said"), the name
after an inverted one ("..., said the UK ambassador, Stephen Hitchen"), or "according to X"."""

from __future__ import annotations

import re
from collections.abc import Callable

from sitegen.extract.triggers import Trigger
from sitegen.model.entity import EntityRef
from sitegen.model.text import Span

_ACTOR_KINDS = ("person", "organization")
_DEFINITE = re.compile(r"\b(the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)\s+$")
_INVERTED = re.compile(r"[,”\"]\s*$")  # a quote or clause just before the verb: "..., said X"
_ACCORDING = re.compile(r"\baccording to\s+([^,.]+)", re.IGNORECASE)
_SUBJECT = re.compile(r"\b((?:the\s+)?[a-z-]+)\s+(?:(?:had|has|have|also|later)\s+)*$")


def speaker(text: str, sentence: Span, trigger: Trigger, refs: list[EntityRef],
            kind_of: Callable[[str], str]) -> str | None:
    """The entity id (or the words, when no entity is named) of who makes the statement."""
    actors = [r for r in refs if sentence.start <= r.start < sentence.end and r.role != "reference"
              and (kind_of(r.entity_id) in _ACTOR_KINDS or r.role is None)]
    clause_start = max(sentence.start, text.rfind(",", sentence.start, trigger.start) + 1,
                       text.rfind(" that ", sentence.start, trigger.start) + 1)
    named = [r for r in actors if kind_of(r.entity_id) in _ACTOR_KINDS]
    before = [r for r in actors if clause_start <= r.start and r.end <= trigger.start]
    in_clause = [r for r in before if kind_of(r.entity_id) in _ACTOR_KINDS] or before
    if in_clause:
        return in_clause[-1].entity_id
    definite = _DEFINITE.search(text[clause_start:trigger.start])
    if definite and trigger.word.pos == "verb" and trigger.has("speech"):
        return definite.group(1)  # "the group claimed": a subject the gazetteer does not name
    people = [r for r in named if r.end <= trigger.start and kind_of(r.entity_id) == "person"]
    if people:
        return people[-1].entity_id
    if _INVERTED.search(text[sentence.start:trigger.start]):
        after = [r for r in named if trigger.end <= r.start <= trigger.end + 80]
        after_people = [r for r in after if kind_of(r.entity_id) == "person"]
        if after_people or after:
            return (after_people or after)[0].entity_id
    according = _ACCORDING.search(text[sentence.start:sentence.end])
    if according:
        offset = sentence.start + according.start(1)
        inside = [r for r in actors if offset <= r.start < offset + len(according.group(1))]
        return inside[0].entity_id if inside else according.group(1).strip()
    if named:
        return min(named, key=lambda r: abs(r.start - trigger.start)).entity_id
    subject = _SUBJECT.search(text[clause_start:trigger.start])
    if subject and trigger.has("speech"):
        return subject.group(1).strip()
    return None
