"""Character spans into an article's plain text (end exclusive, Python str indices)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A view on `text[start:end]`; the string is derived from the text, never stored apart."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
