"""An article's text cut into what the source page shows: blocks, then sentences (anchored
`s-<start>`) and furniture, then marked time expressions and entity names.

The result is plain data (links already resolved, so the template only prints); the
template escapes every piece of text it prints.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from sitegen.model import Article
from sitegen.model.article import Analysis, Block
from sitegen.render.filters import machine_date

Linker = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text inside a segment: plain, a time expression or an entity name.

    `href` links an entity to its page or a time expression to the event it dates;
    `value` and `iso` are a time expression's TIMEX3 value and precision-cut ISO date."""

    text: str
    kind: str  # "text", "timex", "entity"
    start: int
    end: int
    href: str | None = None
    value: str = ""
    iso: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence, a piece of page furniture, or text between them, within one block."""

    kind: str  # "sentence", "furniture", "text"
    start: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block of the article as the source page shows it."""

    kind: str
    start: int
    segments: tuple[Segment, ...]


def _no_link(_: str) -> None:
    return None


def _marks(analysis: Analysis, event_of_timex: dict[tuple[str, int], str],
           entity_href: Linker, event_href: Linker) -> list[Piece]:
    """Time expressions and entity names, sorted, without overlaps (time expressions win)."""
    candidates = []
    for t in analysis.timexes:
        event_id = event_of_timex.get((analysis.article_id, t.start))
        candidates.append(Piece("", "timex", t.start, t.end, event_href(event_id) if event_id else None,
                                t.value, machine_date(t.date) if t.date else ""))
    candidates += [Piece("", "entity", r.start, r.end, entity_href(r.entity_id)) for r in analysis.entities]
    candidates.sort(key=lambda p: (p.start, p.kind != "timex"))
    kept: list[Piece] = []
    last_end = -1
    for p in candidates:
        if p.start >= last_end and p.end > p.start:
            kept.append(p)
            last_end = p.end
    return kept


def _pieces(text: str, start: int, end: int, marks: list[Piece], mark_starts: list[int]) -> tuple[Piece, ...]:
    """The text of [start, end) as plain runs and the marks that lie wholly inside it."""
    out: list[Piece] = []
    cursor = start
    for i in range(bisect_left(mark_starts, start), bisect_left(mark_starts, end)):
        mark = marks[i]
        if mark.end > end:
            continue
        if mark.start > cursor:
            out.append(Piece(text[cursor:mark.start], "text", cursor, mark.start))
        out.append(replace(mark, text=text[mark.start:mark.end]))
        cursor = mark.end
    if cursor < end:
        out.append(Piece(text[cursor:end], "text", cursor, end))
    return tuple(out)


def source_view(article: Article, analysis: Analysis | None, event_of_timex: dict[tuple[str, int], str],
                entity_href: Linker = _no_link, event_href: Linker = _no_link) -> tuple[BlockView, ...]:
    """The article's blocks with sentences, furniture and marks, covering every character.

    Linear in the size of the article: spans and marks are sorted once and walked with
    bisection, not rescanned for every block."""
    text = article.text
    blocks = article.blocks or (Block(0, len(text), 1),)
    if analysis is None:
        analysis = Analysis(article.id)
    spans = sorted([(s.start, s.end, "sentence") for s in analysis.sentences]
                   + [(f.start, f.end, "furniture") for f in analysis.furniture])
    span_ends = [end for _, end, _ in spans]
    ends_sorted = _monotonic(span_ends)  # true when spans do not overlap, the usual case
    marks = _marks(analysis, event_of_timex, entity_href, event_href)
    mark_starts = [m.start for m in marks]
    views = []
    seen_sentences: set[int] = set()
    for block in blocks:
        segments: list[Segment] = []
        cursor = block.start
        # spans sorted by start; the first that can reach into this block ends after its start
        first = bisect_right(span_ends, block.start) if ends_sorted else 0
        for s_start, s_end, kind in spans[first:]:
            if s_start >= block.end:
                break
            lo, hi = max(s_start, block.start), min(s_end, block.end)
            if hi <= lo or lo < cursor:
                continue
            if lo > cursor:
                segments.append(Segment("text", cursor, _pieces(text, cursor, lo, marks, mark_starts)))
            # a sentence crossing blocks is anchored once, at its first part
            anchored = kind == "sentence" and s_start not in seen_sentences
            seen_sentences.add(s_start)
            seg_kind = kind if kind != "sentence" or anchored else "text"
            segments.append(Segment(seg_kind, s_start if anchored else lo,
                                    _pieces(text, lo, hi, marks, mark_starts)))
            cursor = hi
        if cursor < block.end:
            segments.append(Segment("text", cursor, _pieces(text, cursor, block.end, marks, mark_starts)))
        views.append(BlockView(block.kind, block.start, tuple(segments)))
    return tuple(views)


def _monotonic(values: list[int]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:], strict=False))
