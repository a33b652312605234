"""Time values with their precision, and time expressions found in text (TIMEX3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How finely a date is known; a date is never shown finer than its precision."""

    TIME = "time"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    INTERVAL = "interval"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        """Smaller is finer. INTERVAL ranks by its bounds elsewhere; UNKNOWN is coarsest."""
        return _RANK[self]


_RANK = {p: i for i, p in enumerate(Precision)}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as the text supports it: TIMEX3 value, precision and strict bounds.

    `start` and `end` are the first and last day the expression can denote (inclusive);
    the event happened at least once within them. They are None when unresolved
    (no document date to anchor a relative expression on). `mod` is the TIMEX3 modifier
    (START, MID, END, APPROX, BEFORE, AFTER, ...): it changes display and sorting,
    not the bounds. `inferred` is True when the date rests on something other than
    the text and a known publication date.
    """

    value: str
    precision: Precision
    start: date | None
    end: date | None
    mod: str | None = None
    inferred: bool = False

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def to_json(self) -> dict:
        return {
            "value": self.value,
            "precision": self.precision.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "mod": self.mod,
            "inferred": self.inferred,
        }


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression in a text: offsets, TIMEX3 type/value/mod, and for dates its interval.

    `type` is DATE, TIME, DURATION or SET. `date` is set for DATE and TIME expressions
    that denote a stretch of the calendar (resolved or not); None for durations and sets.
    `anchor` says what a relative expression was resolved against: "absolute" (nothing),
    "dct" (the document date) or "previous" (a time the text gave earlier).
    `rule` names the rule that found it, for provenance and debugging.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    date: DateValue | None = None
    anchor: str = "absolute"
    rule: str = ""

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod}
