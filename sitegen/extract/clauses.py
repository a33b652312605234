"""Clause boundaries inside a sentence, so a time expression attaches to the verb or noun
of its own clause: "X said on Monday that Y happened" dates the saying, not Y."""

from __future__ import annotations

import re

# A new clause starts at a relative pronoun, a complementiser after a comma or verb, a
# subordinating conjunction, a semicolon or a dash, or ", and"/", but" before a new subject.
# "that" before a unit of time points to a time ("later that month"), and starts nothing.
_BOUNDARY = re.compile(
    r",\s*(?:which|who|whom|whose|where)\b|\s(?:which|who|when|after|before|because|although|though|"
    r"while|whereas|as|since|until|if)\s|\sthat\s(?!(?:same\s+)?(?:day|night|morning|afternoon|evening|"
    r"week|weekend|month|year|time|spring|summer|autumn|fall|winter|period|decade|century)\b)"
    r"|[;:]\s|\s[–—]\s|,\s*(?:and|but)\s|\sbut\s(?!also\b)",
    re.IGNORECASE)


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of `text[start:end]` as (start, end) offsets, in order."""
    cuts = [start]
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.start() if text[m.start()] in ",;:" else m.start() + 1
        if cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def clause_of(clauses: list[tuple[int, int]], offset: int) -> int:
    """The index of the clause holding `offset`."""
    for i, (a, b) in enumerate(clauses):
        if a <= offset < b:
            return i
    return len(clauses) - 1
