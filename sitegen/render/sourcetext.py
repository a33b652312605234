"""An article's text cut into what the source page shows: blocks, then sentences (anchored
`s-<start>`) and furniture, then marked time expressions and entity names.

The result is plain data; the template escapes every piece of text it prints.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from sitegen.model import Article, Timex
from sitegen.model.article import Analysis, Block


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text inside a segment: plain, a time expression or an entity name."""

    text: str
    kind: str  # "text", "timex", "entity"
    start: int
    timex: Timex | None = None
    entity_id: str | None = None
    event_id: str | None = None  # the event a time expression dates, if any


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


def _marks(analysis: Analysis, event_of_timex: dict[tuple[str, int], str]) -> list[Piece]:
    """Time expressions and entity names, sorted, without overlaps (time expressions win)."""
    candidates = [Piece(t.text, "timex", t.start, timex=t,
                        event_id=event_of_timex.get((analysis.article_id, t.start)))
                  for t in analysis.timexes]
    candidates += [Piece(r.text, "entity", r.start, entity_id=r.entity_id) for r in analysis.entities]
    candidates.sort(key=lambda p: (p.start, p.kind != "timex"))
    kept: list[Piece] = []
    last_end = -1
    for p in candidates:
        if p.start >= last_end:
            kept.append(p)
            last_end = _end(p)
    return kept


def _end(piece: Piece) -> int:
    return piece.timex.end if piece.timex is not None else piece.start + len(piece.text)


def _pieces(text: str, start: int, end: int, marks: list[Piece], mark_starts: list[int]) -> tuple[Piece, ...]:
    """The text of [start, end) as plain runs and the marks that lie wholly inside it."""
    out: list[Piece] = []
    cursor = start
    for i in range(bisect_left(mark_starts, start), bisect_left(mark_starts, end)):
        mark = marks[i]
        m_start, m_end = mark.start, _end(mark)
        if m_end > end:
            continue
        if m_start > cursor:
            out.append(Piece(text[cursor:m_start], "text", cursor))
        out.append(Piece(text[m_start:m_end], mark.kind, m_start, mark.timex, mark.entity_id, mark.event_id))
        cursor = m_end
    if cursor < end:
        out.append(Piece(text[cursor:end], "text", cursor))
    return tuple(out)


def source_view(article: Article, analysis: Analysis | None,
                event_of_timex: dict[tuple[str, int], str]) -> tuple[BlockView, ...]:
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
    marks = _marks(analysis, event_of_timex)
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
