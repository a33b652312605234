"""Which trigger a time expression dates: the nearest in its own clause, preceding words
first; a fronted expression ("Last month, ISIS opened fire ...") dates the main verb."""

from __future__ import annotations

import re

from sitegen.extract.clauses import clause_of, clause_spans
from sitegen.extract.triggers import Trigger
from sitegen.model.text import Span

_WORD = re.compile(r"[\w’'-]+")
_FOLLOWING_PENALTY = 3


def _distance(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[min(a, b):max(a, b)]))


def is_fronted(text: str, sentence: Span, start: int, end: int) -> bool:
    """True for an expression opening the sentence and closed by a comma ("In January, ...")."""
    lead = text[sentence.start:start]
    closed = text[end:end + 2].lstrip().startswith(",")
    return bool(re.fullmatch(r"\W*(?:[A-Za-z]+\s+){0,2}", lead)) and closed


def attach(text: str, sentence: Span, start: int, end: int, triggers: list[Trigger]) -> Trigger | None:
    """The trigger the expression at `start:end` dates, or None when nothing in reach."""
    outside = [t for t in triggers if t.end <= start or t.start >= end]
    if not outside:
        return None
    if is_fronted(text, sentence, start, end):
        after = [t for t in outside if t.start >= end]
        if after:
            return after[0]
    clauses = clause_spans(text, sentence.start, sentence.end)
    own = clause_of(clauses, start)
    same = [t for t in outside if clause_of(clauses, t.start) == own]

    def cost(t: Trigger) -> int:
        if t.end <= start:
            return _distance(text, t.end, start)
        return _distance(text, end, t.start) + _FOLLOWING_PENALTY

    if same:
        return min(same, key=cost)
    near = [t for t in outside if t.end <= start and cost(t) <= 8]
    return min(near, key=cost) if near else None
