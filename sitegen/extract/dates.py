"""Small date values the extractor builds itself: a mention's own date, shifted dates for
"two days after the raid", and a date cut to a coarser unit for "the same month"."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from sitegen.model.time import DateValue, Precision

_FINER_THAN_DAY = {Precision.TIME, Precision.PART_OF_DAY}


def mention_date(value: DateValue) -> DateValue:
    """A timeline's finest unit is the day: times and parts of a day become their day."""
    if value.precision in _FINER_THAN_DAY:
        return replace(value, value=value.value[:10], precision=Precision.DAY)
    return value


def day(d: date, mod: str | None = None) -> DateValue:
    return DateValue(d.isoformat(), Precision.DAY, d, d, mod)


def month(d: date) -> DateValue:
    last = calendar.monthrange(d.year, d.month)[1]
    return DateValue(f"{d.year:04d}-{d.month:02d}", Precision.MONTH, d.replace(day=1), d.replace(day=last))


def year(d: date) -> DateValue:
    return DateValue(f"{d.year:04d}", Precision.YEAR, date(d.year, 1, 1), date(d.year, 12, 31))


def shift(value: DateValue, amount: int, unit: str) -> DateValue:
    """`value` moved by `amount` units (day, week, month, year), keeping its precision."""
    assert value.start is not None and value.end is not None
    delta = {"day": timedelta(days=amount), "week": timedelta(weeks=amount),
             "month": relativedelta(months=amount), "year": relativedelta(years=amount)}[unit]
    start, end = value.start + delta, value.end + delta
    if value.precision is Precision.DAY:
        return day(start, "APPROX" if unit != "day" else None)
    if value.precision is Precision.MONTH:
        return month(start)
    if value.precision is Precision.YEAR:
        return year(start)
    return DateValue(f"{start.isoformat()}/{end.isoformat()}", Precision.INTERVAL, start, end, "APPROX")


def truncate(value: DateValue, unit: str) -> DateValue:
    """`value` at the precision of `unit` when that is coarser ("the same month" of a day)."""
    if value.start is None:
        return value
    order = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
    if value.precision.rank >= order[unit].rank:
        return value
    return {"day": day, "week": day, "month": month, "year": year}[unit](value.start)
