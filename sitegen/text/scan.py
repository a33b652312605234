"""Fast matching of word tables: one trie-shaped alternation per table, and one scan of a
whole text bucketed by sentence instead of one scan per sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sitegen.model.text import Span


def trie_alternation(words: Iterable[str], *, fold_case: bool = False, space: str | None = None) -> str:
    """A regular expression matching any of `words`, preferring the longest, shaped as a
    trie ("kill(?:ed|ing)?") so the engine tries one branch per character instead of every
    word at every position. With `fold_case` the words are lowercased (compile the result
    with re.IGNORECASE); `space`, when given, replaces each space ("\\s+")."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word.lower() if fold_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(root, space) or "(?!)"


def _render(node: dict[str, dict], space: str | None) -> str:
    branches = [(space if char == " " and space else re.escape(char)) + _render(child, space)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word may end here; a longer one is tried first
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def matches_by_span(pattern: re.Pattern[str], text: str,
                    spans: Sequence[Span]) -> list[list[re.Match[str]]]:
    """For each span, what `pattern.finditer(text, span.start, span.end)` yields, from one
    scan of `text`.

    Valid for patterns whose only look-ahead past a match is "not a word character" (or
    similar), so that the whitespace after a sentence reads like the end of the text. A
    span with a match crossing its edges, or not followed by whitespace, is scanned alone.
    """
    out: list[list[re.Match[str]]] = [[] for _ in spans]
    ordered = all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    if not ordered:
        return [list(pattern.finditer(text, s.start, s.end)) for s in spans]
    starts = [s.start for s in spans]
    ends = [s.end for s in spans]
    alone: set[int] = set()
    count = len(spans)
    i = 0  # the first span not ending at or before the current match's start
    for m in pattern.finditer(text, starts[0] if spans else 0, ends[-1] if spans else 0):
        begin, finish = m.span()
        while i < count and ends[i] <= begin:
            i += 1
        j = i
        if i < count and starts[i] <= begin:
            if finish <= ends[i]:
                out[i].append(m)
                continue
            alone.add(i)
            j = i + 1
        while j < count and starts[j] < finish:
            alone.add(j)
            j += 1
    size = len(text)
    for i, span in enumerate(spans):
        if i in alone or (span.end < size and not text[span.end].isspace()):
            out[i] = list(pattern.finditer(text, span.start, span.end))
    return out


def spans_that_may_match(pattern: re.Pattern[str], text: str, spans: Sequence[Span]) -> list[bool]:
    """For each span, False only when `pattern.search(text, span.start, span.end)` surely
    finds nothing, decided by a few searches of the whole text: a cheap filter before
    running a costly per-span search.

    Valid under the same condition as `matches_by_span`: a look-ahead that holds at the end
    of the text also holds before whitespace. A span not followed by whitespace is always
    kept (True).
    """
    size = len(text)
    hit = -1  # the first match at or after the current span's start, or `size` when none
    out: list[bool] = []
    for span in spans:
        if span.end < size and not text[span.end].isspace():
            out.append(True)
            continue
        if hit < span.start:
            m = pattern.search(text, span.start)
            hit = m.start() if m else size
        out.append(hit < span.end)
    return out


_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def lowered(text: str) -> str | None:
    """`text` in lower case, for scanning with a case-sensitive pattern instead of one that
    ignores case (about twice as fast: the engine need not fold every character it tries).

    A pattern whose letters are all lower-case ASCII finds in the result, at the same
    places, what it finds in `text` ignoring case, provided every word character of `text`
    is ASCII; otherwise None (a dotless "ı" or long "ſ" matches "i" or "s" only when case
    is ignored, and "İ" lowers to two characters). Read matched text from `text`, not here.
    """
    if _NON_ASCII_WORD.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None
