"""Sentence segmentation that survives abbreviations, initials, quotes, headlines and captions.

A line break always ends a sentence (headlines, captions and standfirsts carry no final
stop); inside a line a sentence ends at `.`, `!` or `?` (with any closing quotes) followed
by a space and an opening capital, digit or quote, unless the word is a known abbreviation.
"""

from __future__ import annotations

import re

from sitegen.model.text import Span
from sitegen.text.furniture import find_furniture, lines_of
from sitegen.text.tables import word_list

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _is_abbreviation(token: str) -> bool:
    token = token.lstrip("\"'“‘([")
    if token in word_list("text/abbreviations.txt"):
        return True
    # single initials ("George W. Bush") and dotted acronyms ("U.S.", "D.C.")
    return bool(_INITIALS.fullmatch(token))


def split_line(text: str, span: Span) -> list[Span]:
    """Sentences of one line (paragraph) of the text."""
    chunk = span.of(text)
    spans: list[Span] = []
    begin = 0
    for match in _BOUNDARY.finditer(chunk):
        if match.group()[0] == ".":
            before = _WORD_BEFORE.search(chunk[begin:match.start() + 1])
            if before and _is_abbreviation(before.group(1)):
                continue
        end = match.end()
        spans.append(Span(span.start + begin, span.start + end))
        begin = end
        while begin < len(chunk) and chunk[begin].isspace():
            begin += 1
    if begin < len(chunk):
        spans.append(Span(span.start + begin, span.end))
    return [s for s in spans if s.end > s.start]


def segment(text: str) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Story sentences and furniture spans (with their kind) of an article's plain text.

    Furniture lines are left out of the sentences; a dateline prefix is cut off the
    sentence it opens.
    """
    lines = lines_of(text)
    furniture = find_furniture(text, lines)
    sentences: list[Span] = []
    for line in lines:
        covered = [f for f, _ in furniture if f.overlaps(line)]
        if any(f.contains(line) for f in covered):
            continue
        start = max([line.start] + [f.end for f in covered])
        while start < line.end and text[start].isspace():
            start += 1
        if start < line.end:
            sentences.extend(split_line(text, Span(start, line.end)))
    return sentences, furniture
