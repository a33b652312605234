"""One-line summaries for a timeline: the reporting sentence without its date words and
framing ("However,", "Although ..."), cut at a clause boundary when long."""

from __future__ import annotations

import re
from functools import cache

from sitegen.text.tables import compile_pattern, read_rows, resource

_MAX_WORDS = 32
_PREPOSITION = re.compile(r"\b(?:on|in|at|by|during|since|between|from|late|early|earlier|later)"
                          r"(?:\s+(?:on|in|at))?\s*$", re.IGNORECASE)
_LEAD = re.compile(r"\W*(?:[A-Za-z]+\s+){0,2}")  # up to two words before an expression
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_STOP = re.compile(r"\s+([,.;:!?])")


@cache
def _lead_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r.fields[0], compile_pattern(r, r.fields[1], re.IGNORECASE))
                 for r in read_rows(resource("events", "summary.tsv"), 2, 2))


def _drop_opening_time(sentence: str, timex_start: int, timex_end: int,
                       others: tuple[tuple[int, int], ...]) -> tuple[str, int, int]:
    """Cut another time expression that opens the sentence, with its comma."""
    for start, end in others:
        opening = start < timex_start and _LEAD.fullmatch(sentence[:start])
        if opening and sentence[end:].lstrip().startswith(","):
            cut = sentence.index(",", end) + 1
            while cut < len(sentence) and sentence[cut] == " ":
                cut += 1
            return sentence[cut:], timex_start - cut, timex_end - cut
    return sentence, timex_start, timex_end


def summarize(sentence: str, timex_start: int, timex_end: int,
              others: tuple[tuple[int, int], ...] = ()) -> str:
    """`sentence` with the time expression at `timex_start:timex_end` (relative) removed, and
    any other time expression (`others`) that opens the sentence ("Earlier this month, ...")."""
    sentence, timex_start, timex_end = _drop_opening_time(sentence, timex_start, timex_end, others)
    before = sentence[:timex_start]
    after = sentence[timex_end:]
    before = _PREPOSITION.sub("", before)
    if not before.strip(" ,"):
        # the date opened the sentence: drop what closed it ("June 29, 2014: ...")
        before, after = "", after.lstrip(" ,:;–—-")
    text = _SPACES.sub(" ", (before.rstrip() + " " + after.lstrip()).strip())
    text = _SPACE_BEFORE_STOP.sub(r"\1", text).strip(" |,")
    for name, pattern in _lead_patterns():
        stripped = pattern.sub("", text, count=1)
        if stripped != text and name == "concession" and "," in stripped:
            stripped = stripped[:stripped.index(",")]  # keep the conceded fact, not the main clause
        text = stripped
    words = text.split()
    if len(words) > _MAX_WORDS:
        cut = " ".join(words[:_MAX_WORDS])
        boundary = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(" – "))
        text = (cut[:boundary] if boundary > len(cut) // 2 else cut).rstrip(" ,;") + " …"
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?…”\"’":
        text += "."
    return text
