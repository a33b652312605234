"""Date compatibility for merging, precision-aware: a coarse date can hold a finer one and
two different days never merge."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sitegen.model.time import DateValue, Precision


@lru_cache(maxsize=65536)
def window(value: DateValue) -> tuple[date, date] | None:
    """The days a mention's date can mean: its strict bounds. A modifier ("late 2023",
    "early June") changes display and sorting, never the evidence, so it does not narrow."""
    if not value.resolved:
        return None
    assert value.start is not None and value.end is not None
    return value.start, value.end


@lru_cache(maxsize=262144)
def compatible(a: DateValue, b: DateValue) -> tuple[bool, str]:
    """Whether two mention dates can be the date of one event, and why (for --explain)."""
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return False, "an unresolved date"
    if a.precision is Precision.DAY and b.precision is Precision.DAY:
        if a.value[:10] != b.value[:10]:
            return False, f"different days ({a.value[:10]} vs {b.value[:10]})"
        return True, f"same day {a.value[:10]}"
    if wa[0] <= wb[1] and wb[0] <= wa[1]:
        return True, f"{a.value} and {b.value} overlap"
    return False, f"{a.value} and {b.value} do not overlap"


def finest_common(dates: list[DateValue]) -> tuple[DateValue, list[int]]:
    """The most precise date compatible with the most others; indexes of those that conflict."""
    order = sorted(range(len(dates)), key=lambda i: (dates[i].precision.rank, _width(dates[i])))
    best, best_conflicts = dates[order[0]], list(range(len(dates)))
    for i in order:
        conflicts = [j for j in range(len(dates)) if j != i and not compatible(dates[i], dates[j])[0]]
        if len(conflicts) < len(best_conflicts):
            best, best_conflicts = dates[i], conflicts
        if not conflicts:
            break
    return best, best_conflicts


def _width(value: DateValue) -> int:
    if value.start is None or value.end is None:
        return 10**6
    return (value.end - value.start).days
