"""Calendar arithmetic on TIMEX3 values: shifting by units, and the days a value denotes.

The bounds of a value are the first and last calendar day it can denote; they are what
the rest of the pipeline sorts and compares on, so they are strict, never an estimate.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from sitegen.model import DateValue, Precision

# Seasons: the union of the meteorological and astronomical season (month, day) bounds;
# winter runs into the next year.
SEASON_BOUNDS = {"SP": ((3, 1), (6, 21)), "SU": ((6, 1), (9, 22)), "FA": ((9, 1), (12, 21)),
                 "WI": ((12, 1), (3, 20))}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
_SOME_DAY = re.compile(r"[X\d]{4}-[X\d]{2}-[X\d]{2}")
_SOME_WEEK = re.compile(r"[X\d]{4}-W[X\d]{2}")
_SOME_MONTH = re.compile(r"[X\d]{4}-[X\d]{2}")
_SOME_SEASON = re.compile(r"[X\d]{4}-(SP|SU|FA|WI)")
_SOME_QUARTER = re.compile(r"[X\d]{4}-Q[X\d]")
_SOME_YEAR = re.compile(r"[X\d]{4}")


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, the day clipped to the target month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def bounds(value: str) -> tuple[Precision, date | None, date | None]:
    """Precision and first/last day of a TIMEX3 date value; (UNKNOWN, None, None) if unresolved."""
    if "/" in value:
        first, _, last = value.partition("/")
        _, s, _ = bounds(first)
        _, _, e = bounds(last)
        return Precision.INTERVAL, s, e
    if "X" in value or not value[:1].isdigit():
        return _unresolved_precision(value), None, None
    try:
        if m := _DAY.fullmatch(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            if "T" in value:
                t = value.partition("T")[2]
                return (Precision.TIME if t[:1].isdigit() else Precision.PART_OF_DAY), d, d
            return Precision.DAY, d, d
        if m := _WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return Precision.WEEK, monday + timedelta(days=5), monday + timedelta(days=6)
            return Precision.WEEK, monday, monday + timedelta(days=6)
        if m := _QUARTER.fullmatch(value):
            y, q = int(m[1]), int(m[2])
            return Precision.QUARTER, date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := _HALF.fullmatch(value):
            y, h = int(m[1]), int(m[2])
            return Precision.HALF, date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := _SEASON.fullmatch(value):
            y, s = int(m[1]), m[2]
            (sm, sd), (em, ed) = SEASON_BOUNDS[s]
            if s == "WI":  # "winter 2014" may mean Jan-Mar 2014 or Dec 2014-Mar 2015
                return Precision.SEASON, date(y - 1, sm, sd), date(y + 1, em, ed)
            return Precision.SEASON, date(y, sm, sd), date(y, em, ed)
        if m := _MONTH.fullmatch(value):
            y, mo = int(m[1]), int(m[2])
            return Precision.MONTH, date(y, mo, 1), _month_end(y, mo)
        if _YEAR.fullmatch(value):
            y = int(value)
            return Precision.YEAR, date(y, 1, 1), date(y, 12, 31)
        if _DECADE.fullmatch(value):
            y = int(value) * 10
            return Precision.DECADE, date(max(y, 1), 1, 1), date(y + 9, 12, 31)
        if _CENTURY.fullmatch(value):
            y = int(value) * 100
            return Precision.CENTURY, date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except (ValueError, OverflowError):
        return Precision.UNKNOWN, None, None
    return Precision.UNKNOWN, None, None


def _unresolved_precision(value: str) -> Precision:
    if "T" in value and value[:1] in "X0123456789":
        return Precision.TIME
    if _SOME_DAY.fullmatch(value):
        return Precision.DAY
    if _SOME_WEEK.fullmatch(value):
        return Precision.WEEK
    if _SOME_MONTH.fullmatch(value):
        return Precision.MONTH
    if _SOME_SEASON.fullmatch(value):
        return Precision.SEASON
    if _SOME_QUARTER.fullmatch(value):
        return Precision.QUARTER
    if _SOME_YEAR.fullmatch(value):
        return Precision.YEAR
    return Precision.UNKNOWN


def date_value(value: str, mod: str | None, inferred: bool = False, spread_days: int = 0) -> DateValue:
    """The DateValue for a TIMEX3 value: its precision and strict bounds, widened by
    `spread_days` each side when the value is only an approximate day ("two weeks ago")."""
    precision, start, end = bounds(value)
    if spread_days and start is not None and end is not None:
        try:
            start, end = start - timedelta(days=spread_days), end + timedelta(days=spread_days)
        except OverflowError:
            pass
        precision = Precision.WEEK
    return DateValue(value, precision, start, end, mod, inferred)


def start_of(value: str) -> date | None:
    return bounds(value)[1]


def precision_of(value: str) -> Precision:
    return bounds(value)[0]
