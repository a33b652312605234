"""Pieces of output text kept between renders in one process (`sitegen serve`), so that the
data exports and feeds are not made again whole after an edit that touched a few events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Fragments:
    """Pieces of output text (an event in events.json, a row of events.csv, a feed) kept
    between renders in one process, each with what it was made from: a piece is made again
    only when that differs. Unchanged model objects are the very same objects between
    rebuilds, so the comparison is quick. A piece is a function of what it was made from, so
    a failed build leaves nothing wrong behind, at most pieces to make again."""

    last: dict[object, tuple[tuple, str]] = field(default_factory=dict)
    fresh: dict[object, tuple[tuple, str]] = field(default_factory=dict)

    def begin(self) -> None:
        """A new render: the pieces of the last one are those to reuse."""
        if self.fresh:
            self.last, self.fresh = self.fresh, {}

    def text(self, key: object, made_from: tuple, make: Callable[[], str]) -> str:
        known = self.last.get(key)
        text = known[1] if known is not None and known[0] == made_from else make()
        self.fresh[key] = (made_from, text)
        return text


def piece(fragments: Fragments | None, key: object, made_from: tuple, make: Callable[[], str]) -> str:
    """`make()`, or the same text made before from equal inputs."""
    return make() if fragments is None else fragments.text(key, made_from, make)
