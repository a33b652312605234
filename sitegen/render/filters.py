"""Template filters: dates shown at their true precision, figure ranges, safe outbound URLs.

A date is never shown finer than it is known: "summer 2014" stays a season, "late 2017"
keeps its modifier, and the machine-readable forms (`<time datetime>`, JSON-LD) are cut
to the precision too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import Markup

from sitegen.model import DateValue, Figure, Precision
from sitegen.render.wording import Wording, load_wording

_PART = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|DT)$")
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-(Q[1-4])$")
_HALF = re.compile(r"^(\d{4})-(H[12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def _day(d: date, w: Wording) -> str:
    return w.patterns["day"].format(day=d.day, month=w.months[d.month - 1], year=d.year)


def _month(year: int, month: int, w: Wording) -> str:
    return w.patterns["month"].format(month=w.months[month - 1], year=year)


def _interval(dv: DateValue, w: Wording) -> str:
    """Wikipedia-style ranges: "16–22 July 2020", "July–September 2020", "2014–2016"."""
    first, _, last = dv.value.partition("/")
    start, end = dv.start, dv.end
    if start is None or end is None:
        return w.patterns["range"].format(first=first or "?", last=last or "?")
    day_level = len(first) == 10 and len(last) == 10
    month_level = len(first) == 7 and len(last) == 7
    tight, spaced = w.patterns["range_tight"], w.patterns["range"]
    if day_level:
        if (start.year, start.month) == (end.year, end.month):
            return tight.format(first=start.day, last=_day(end, w))
        if start.year == end.year:
            head = w.patterns["day"].format(day=start.day, month=w.months[start.month - 1], year="").strip()
            return spaced.format(first=head, last=_day(end, w))
        return spaced.format(first=_day(start, w), last=_day(end, w))
    if month_level:
        if start.year == end.year:
            return tight.format(first=w.months[start.month - 1], last=_month(end.year, end.month, w))
        return spaced.format(first=_month(start.year, start.month, w), last=_month(end.year, end.month, w))
    if start.year != end.year:
        return tight.format(first=start.year, last=end.year)
    return spaced.format(first=_day(start, w), last=_day(end, w))


def _plain(dv: DateValue, w: Wording) -> str:
    """The date without its modifier."""
    value, p = dv.value, dv.precision
    if p is Precision.DAY and dv.start is not None:
        return _day(dv.start, w)
    if p is Precision.TIME and (m := _TIME.match(value)):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return w.patterns["time"].format(date=_day(d, w), time=f"{m[4]}:{m[5]}")
    if p is Precision.PART_OF_DAY and (m := _PART.match(value)):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        pattern = w.parts_of_day.get(m[4])
        return pattern.format(date=_day(d, w)) if pattern else _day(d, w)
    if p is Precision.MONTH and (m := _MONTH.match(value)):
        if m[1] == "XXXX":
            return w.patterns["month_unknown_year"].format(month=w.months[int(m[2]) - 1])
        return _month(int(m[1]), int(m[2]), w)
    if p is Precision.SEASON and (m := _SEASON.match(value)):
        return w.patterns["season"].format(season=w.seasons.get(m[2], m[2]), year=m[1])
    if p is Precision.QUARTER and (m := _QUARTER.match(value)):
        return w.quarters[m[2]].format(year=m[1])
    if p is Precision.HALF and (m := _HALF.match(value)):
        return w.halves[m[2]].format(year=m[1])
    if p is Precision.WEEK and (m := _WEEK.match(value)):
        if dv.start is not None:
            return w.patterns["week"].format(date=_day(dv.start, w))
        return w.patterns["week_number"].format(week=int(m[2]), year=m[1])
    if p is Precision.YEAR and (m := _YEAR.match(value)):
        return m[1]
    if p is Precision.DECADE and (m := _DECADE.match(value)):
        return w.patterns["decade"].format(decade=f"{m[1]}0")
    if p is Precision.CENTURY and (m := _CENTURY.match(value)):
        return w.patterns["century"].format(ordinal=w.ordinal(int(m[1]) + 1))
    if p is Precision.INTERVAL and "/" in value:
        return _interval(dv, w)
    if p is Precision.UNKNOWN or not value.strip():
        return w.patterns["unknown"]
    return value  # an unforeseen value is shown as given rather than guessed at


def display_date(dv: DateValue | None, wording: Wording | None = None) -> str:
    """The date in words at its true precision, with its modifier ("late 2017", "c. 2014")."""
    w = wording or load_wording()
    if dv is None:
        return w.patterns["unknown"]
    try:
        text = _plain(dv, w)
    except (ValueError, IndexError, KeyError):  # a malformed value is shown as given
        text = dv.value if dv.value.strip() else w.patterns["unknown"]
    day_level = dv.precision in (Precision.DAY, Precision.TIME, Precision.PART_OF_DAY)
    pattern = (w.day_mods.get(dv.mod or "") if day_level else None) or w.mods.get(dv.mod or "")
    return pattern.format(date=text) if pattern and dv.precision is not Precision.UNKNOWN else text


def machine_date(dv: DateValue | None) -> str:
    """An ISO 8601 value cut to the precision, for JSON-LD and `<time datetime>`: "2024-05-13",
    "2024-05", "2014", or "" when no honest value exists (decades, unknown dates).

    Seasons, quarters and halves have no ISO form and fall back to their year; intervals
    to the coarsest unit their two ends share.
    """
    if dv is None or dv.start is None:
        return ""
    start, end = dv.start, dv.end or dv.start
    p = dv.precision
    if p in (Precision.DAY, Precision.TIME, Precision.PART_OF_DAY):
        return start.isoformat()
    if p is Precision.WEEK and (m := _WEEK.match(dv.value)):
        return f"{m[1]}-W{m[2]}"
    if p is Precision.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if p in (Precision.SEASON, Precision.QUARTER, Precision.HALF, Precision.YEAR):
        return f"{start.year:04d}" if start.year == end.year else ""
    if p is Precision.INTERVAL:
        if start == end:
            return start.isoformat()
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.year:04d}-{start.month:02d}"
        if start.year == end.year:
            return f"{start.year:04d}"
    return ""


@lru_cache(maxsize=65536)
def time_html(dv: DateValue) -> Markup:
    """`<time datetime>` with the precision-cut value and the worded date (a `<span>` when no
    honest machine value exists), marked "(inferred)" when the date is inferred.

    Built here rather than in a macro because every listing prints it for each entry."""
    iso, text = machine_date(dv), display_date(dv)
    html = (Markup('<time datetime="{}">{}</time>').format(iso, text) if iso
            else Markup('<span class="date">{}</span>').format(text))
    if dv.inferred:
        html += Markup(' <small class="inferred">(inferred)</small>')
    return html


def year_of(dv: DateValue | None) -> int | None:
    """The year an event is filed under (its first possible day), None when undated."""
    return dv.start.year if dv is not None and dv.start is not None else None


def precision_note(dv: DateValue) -> str:
    """A short note on how well the date is known, shown next to it on event pages."""
    if dv.precision is Precision.INTERVAL and dv.start and dv.end:
        return f"between {dv.start.isoformat()} and {dv.end.isoformat()}"
    if dv.start and dv.end and dv.start != dv.end:
        return f"{dv.precision.value}: between {dv.start.isoformat()} and {dv.end.isoformat()}"
    return dv.precision.value


def http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL that may become a link, otherwise None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


@dataclass(frozen=True, slots=True)
class FigureRange:
    """The span of one kind of figure across sources: lowest floor, highest ceiling."""

    kind: str
    low: int
    high: int | None  # None: at least one source gives an open figure ("at least 15")
    differ: bool
    open_floor: int | None = None  # the highest "at least" figure, when one is open

    @property
    def text(self) -> str:
        if self.high is None:
            floor = self.open_floor if self.open_floor is not None else self.low
            if floor <= self.low:
                return f"{self.low:,}+ {self.kind}"
            return f"{self.low:,}–{floor:,}+ {self.kind}"
        if self.high == self.low:
            return f"{self.low:,} {self.kind}"
        return f"{self.low:,}–{self.high:,} {self.kind}"


def figure_ranges(figures: list[Figure] | tuple[Figure, ...]) -> list[FigureRange]:
    """One range per kind of figure, never an average; `differ` marks disagreeing sources."""
    by_kind: dict[str, list[Figure]] = {}
    for f in figures:
        by_kind.setdefault(f.kind, []).append(f)
    ranges = []
    for kind, group in by_kind.items():
        low = min(f.min for f in group)
        open_ended = any(f.max is None for f in group)
        high = None if open_ended else max(f.max for f in group if f.max is not None)
        distinct = {(f.min, f.max) for f in group}
        floor = max((f.min for f in group if f.max is None), default=None)
        ranges.append(FigureRange(kind, low, high, len(distinct) > 1, floor))
    return ranges
