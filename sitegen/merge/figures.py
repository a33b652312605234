"""What an event's sources say about its toll: the range over every source's figure of one
kind, never an average and never one figure silently chosen."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.model.event import Event


@dataclass(frozen=True, slots=True)
class FigureRange:
    """The lowest floor and the highest ceiling given for one kind of figure (None: open)."""

    kind: str
    low: int
    high: int | None
    sources: int
    disputed: bool


def figure_ranges(event: Event) -> list[FigureRange]:
    """One range per kind of figure (killed, wounded, ...), in order of first report."""
    by_kind: dict[str, list[tuple[str, int, int | None]]] = {}
    for mention, figure in event.figures:
        by_kind.setdefault(figure.kind, []).append((mention.article_id, figure.min, figure.max))
    ranges = []
    for kind, values in by_kind.items():
        low = min(v[1] for v in values)
        high = None if any(v[2] is None for v in values) else max(v[2] for v in values)  # type: ignore[type-var]
        distinct = {(v[1], v[2]) for v in values}
        ranges.append(FigureRange(kind, low, high, len({v[0] for v in values}), len(distinct) > 1))
    return ranges
