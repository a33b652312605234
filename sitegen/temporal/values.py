"""Building TIMEX3 values from a rule's normalised fields, resolved against an anchor time.

Each rule `kind` has one builder here. Builders never read the clock: without an anchor
date they return values with X in them (or PRESENT_REF and friends).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter

from sitegen.model import Precision
from sitegen.temporal.dates import SEASON_START_MONTH, add_months, bounds, week_value
from sitegen.temporal.hijri import occurrences
from sitegen.temporal.resources import Rule

# A month named without a year in news is read as the next one when it is at most this
# many months ahead of the document date, else as the last one ("in June" in a January
# article is last June; "Jan. 2" in a November article is next January).
LOOKAHEAD_MONTHS = 2
# A weekday named in news is the last one before the document date, except the day after
# it ("Tuesday" in a Monday article is tomorrow) or when the clause speaks of the future;
# not when it tells of the past ("was told Wednesday" in a Tuesday article is last week's).
WEEKDAY_LOOKAHEAD = 1
# A date the clause speaks of as future but at most this many months before the document
# date is in the document's year: a deadline just passed, not one a year away.
FUTURE_GRACE_MONTHS = 1
# In narratives, a month named shortly after the story's month across New Year is in the
# next year ("January" after December 1941 is January 1942).
STORY_WRAP_MONTHS = 1


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression can be resolved against at one point of the text."""

    dct: date | None
    previous: str | None  # value of the last time the text set (None at the start)
    domain: str
    future: bool  # the clause speaks of the future ("will", "next", ...)
    last_of: dict[Precision, str] | None = None  # the last time the text set, per precision
    last_finer: str | None = None  # the last month, day or time of day the text set
    past: bool = False  # the clause tells of the past ("said", "was") and not of the future
    said: str | None = None  # the last time the text gave, look-backs included ("last year")
    section: str | None = None  # the year or month a heading put the text under ("2014")


@dataclass(frozen=True, slots=True)
class Built:
    """The outcome of a builder: TIMEX3 type, value, mod, and what it was anchored on."""

    type: str
    value: str
    mod: str | None
    anchor: str
    spread_days: int = 0  # the value is a best guess; the bounds widen by this many days


# Years before the common era are carried through the calendar arithmetic as stand-in years
# BC_PROXY - n (Python dates start at year 1) and written back as TIMEX2/TIMEX3 "BCnnnn".
BC_PROXY = 10000
_BC = re.compile(r"BC(\d{4})")
_PROXY = re.compile(r"(?<![\dBC])([5-9]\d{3})(?!\d)")
_PROXY_DECADE = re.compile(r"[5-9]\d\d")
_PROXY_CENTURY = re.compile(r"[5-9]\d")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def to_proxy(value: str) -> str:
    """"BC0491-SU" -> "9509-SU": a BC value in stand-in years, for arithmetic."""
    return _BC.sub(lambda m: f"{BC_PROXY - int(m.group(1)):04d}", value)


def from_proxy(value: str) -> str:
    """"9509-SU" -> "BC0491-SU", decade "954" -> "BC046": stand-in years back to BC values."""
    if _PROXY_DECADE.fullmatch(value):
        return f"BC{BC_PROXY // 10 - int(value):03d}"
    if _PROXY_CENTURY.fullmatch(value):
        return f"BC{BC_PROXY // 100 - int(value):02d}"
    return _PROXY.sub(lambda m: f"BC{BC_PROXY - int(m.group(1)):04d}", value)


def _story_time(ctx: Context) -> str | None:
    """Where a history has got to, for a month or day named without a year: the time the
    text set last, or, when that was only the year of the month or day set just before,
    that month or day ("December 7, 1941 ... in 1941 ... In January" is January 1942: naming
    the year does not rewind the story to its start)."""
    previous, finer = ctx.previous, ctx.last_finer
    if not previous or not finer or ctx.domain != "narratives" or not previous.isdigit():
        return previous
    return finer if finer[:4] == previous else previous


def _anchor(rule: Rule, ctx: Context, story: bool = False) -> tuple[date | None, Precision, str]:
    """The anchor day, its precision and the anchor's name for this rule at this point;
    `story` anchors a month or day without a year on where a history has got to."""
    if rule.anchor == "said" and ctx.said:
        ctx = replace(ctx, previous=ctx.said)
    use_previous = rule.anchor in ("previous", "said") \
        or (rule.anchor == "auto" and ctx.domain == "narratives")
    if rule.anchor == "auto" and ctx.section:
        # under a heading "2014", "On 10 June" is 2014's, told as a history tells it
        use_previous = True
        if not (ctx.previous or "").startswith(ctx.section[:4]):
            ctx = replace(ctx, previous=ctx.section)
    if use_previous and ctx.previous:
        if story:
            ctx = replace(ctx, previous=_story_time(ctx))
        precision, start, _ = bounds(to_proxy(ctx.previous))
        if start is not None:
            if precision is Precision.SEASON:  # winter 1918 starts in December 1917
                prev = to_proxy(ctx.previous)
                season = prev[5:7]
                start = date(int(prev[:4]) - (season == "WI"), SEASON_START_MONTH[season], 1)
            return start, precision, "previous"
    if rule.anchor in ("previous", "said") and ctx.dct is None:
        return None, Precision.UNKNOWN, "previous"
    return ctx.dct, Precision.DAY, "dct"


def _story_season_ahead(season: str, anchor: date) -> int:
    """A winter is named by the year it ends in (TIMEX2 as WikiWars values it): in a
    history that has reached the autumn, "the winter" is next year's. (Other seasons stay
    in the story's year: "had spent the spring" after October looks back as often as "in
    the spring" looks ahead.)"""
    return 1 if season == "WI" and anchor.month >= 9 else 0


def _mod(fields: dict[str, Any]) -> str | None:
    mod = fields.get("mod")
    return str(mod) if mod else None


def _year_for(month: int, day: int | None, anchor: date, ctx: Context, how: str) -> int:
    """Year of a month (and day) given without one: same as the anchor, or the nearest
    occurrence in the direction the clause points when anchored on the document date."""
    if how != "dct":
        # a story moving through time: the year it had reached, or the next one just
        # after New Year (see STORY_WRAP_MONTHS)
        ahead = (month - anchor.month) % 12
        # in a winter, its own months and the spring after it are in the year it ends in
        wrap = 3 if (ctx.previous or "").endswith("-WI") else STORY_WRAP_MONTHS
        if 0 < ahead <= wrap and month < anchor.month:
            return anchor.year + 1
        return anchor.year
    key, ref = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if ctx.future:
        # the next occurrence, unless the date passed only weeks ago ("by Jan. 14" in a
        # report of Jan. 15 is the deadline just missed, not next year's)
        behind = (anchor.month - month) % 12
        return anchor.year + (1 if key < ref and behind > FUTURE_GRACE_MONTHS else 0)
    # the most recent occurrence, unless the next one is at most a few months ahead and
    # the clause does not tell of the past ("prices rose in March")
    ahead = (month - anchor.month) % 12
    if 0 < ahead <= LOOKAHEAD_MONTHS and not ctx.past:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year - (1 if month > anchor.month else 0)


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """Of `year` and the years either side, the one in which the day falls on `weekday`:
    "Friday, September 13" in a report of May 2024 is 2024's, not 2023's (a Wednesday).
    The weekdays of one date in three years in a row all differ; `year` if none fits."""
    for y in (year, year + 1, year - 1):
        try:
            if date(y, month, day).isoweekday() == weekday:
                return y
        except ValueError:  # February 29 outside a leap year
            continue
    return year


def _weekday_date(weekday: int, anchor: date, rel: int | None, future: bool, past: bool = False) -> date:
    delta = weekday - anchor.isoweekday()
    if rel == -1:
        return anchor + timedelta(days=delta - 7 if delta >= 0 else delta)
    if rel == 1:
        return anchor + timedelta(days=delta + 7 if delta <= 0 else delta)
    if rel == 0:
        return anchor + timedelta(days=delta)
    ahead = delta % 7
    if future or (0 < ahead <= WEEKDAY_LOOKAHEAD and not past):
        return anchor + timedelta(days=ahead)
    return anchor + timedelta(days=ahead - 7 if ahead else 0)


def _time_suffix(fields: dict[str, Any]) -> str:
    hour = fields.get("hour")
    if hour is not None:
        ampm = fields.get("ampm", fields.get("ampmword", ""))
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return f"T{hour:02d}:{int(fields.get('minute') or 0):02d}"
    pod = fields.get("pod")
    return f"T{pod}" if pod else ""


def _full_year(year: int) -> int:
    if year < 100:
        return 2000 + year if year < 50 else 1900 + year
    return year


def build_date(rule: Rule, f: dict[str, Any], end: dict[str, Any], ctx: Context) -> Built | None:
    if f.get("weekof"):
        # "the week of March 6": the ISO week of the day; "the last week of April": of a day
        # in it, counted back from the month's end (April's 27th)
        inner = {k: v for k, v in f.items() if k not in ("weekof", "weekinmonth")}
        nth = int(f.get("weekinmonth", 0))
        if nth:
            inner["day"] = nth if nth > 0 else 28 + nth + 1
        built = build_date(rule, inner, end, ctx)
        if built is not None and nth < 0 and _FULL_DAY.fullmatch(built.value):
            y, m = int(built.value[:4]), int(built.value[5:7])
            built = replace(built, value=date(y, m, calendar.monthrange(y, m)[1] + nth + 1).isoformat())
        if built is not None and _FULL_DAY.fullmatch(built.value):
            return replace(built, value=week_value(date.fromisoformat(built.value)))
        if built is not None and "X" in built.value:
            return replace(built, value="XXXX-WXX")
        return built
    mod = _mod(f)
    if f.get("season") == "WI" and end.keys() == {"year"} and "year" in f \
            and _end_year(f["year"], end["year"]) == f["year"] + 1:
        # "the winter of 2016-17": the one winter across New Year, named by its end
        return _with_year(f["year"] + 1, f, "", "DATE", mod, "absolute")
    if end:
        first = build_date(rule, f, {}, ctx)
        if first is None:
            return None
        merged = {k: v for k, v in f.items() if k not in ("mod", "mod_text")} | end
        if "year" in end and "year" in f:
            merged["year"] = _end_year(f["year"], end["year"])
        last = build_date(rule, merged, {}, ctx)
        if last is None:
            return None
        if "month" in end and "year" not in end and comes_after(first.value, last.value):
            # one year written for both ends of a range across New Year ("28 December to
            # 3 January 2015"): the start is in the year before
            first = build_date(rule, f | {"year": int(last.value[:4]) - 1}, {}, ctx) or first
        return Built("DATE", f"{first.value}/{last.value}", mod, first.anchor)
    if "decade" in f or "yy" in f or "decword" in f:
        if "decade" in f and f.get("era") == "BC":
            value = f"BC{f['decade']:03d}"
        elif "decade" in f:
            value = f"{f['decade']:03d}"
        elif "yy" in f:
            value = f"19{f['yy']}"
        else:
            value = f"19{f['decword']}"
        return Built("DATE", value, mod, "absolute")
    if "century" in f or ("ord" in f and "month" not in f):
        c = f.get("century") or f.get("ord")
        if not isinstance(c, int) or c < 1:
            return None
        return Built("DATE", ("BC" if f.get("era") == "BC" else "") + f"{c - 1:02d}",
                     mod, "absolute")
    if "bcyear" in f:
        f = f | {"year": BC_PROXY - f["bcyear"]}
    elif f.get("era") == "BC" and "year" in f:
        f = f | {"year": BC_PROXY - f["year"]}
    suffix = _time_suffix(f)
    rtype = rule.type or ("TIME" if suffix else "DATE")
    if "ord" in f and "month" in f and "day" not in f:
        f = f | {"day": f["ord"]}
    year = f.get("year", f.get("yearwords"))
    if "relyear" in f and year is None and "month" not in f:
        anchor_day = _anchor(rule, ctx)[0]
        if anchor_day is not None:
            year = anchor_day.year + int(f["relyear"])
    if year is not None and f.get("period") and _quarter_under_discussion(ctx):
        # "the 1988 period": the quarter the report is about, in that year
        quarter = _quarter_under_discussion(ctx) or ""
        return Built("DATE", f"{_full_year(year):04d}{quarter[4:]}", mod, "previous")
    if year is not None:
        # "AD 14" is the year 14; "'89" and "FY24" are short for the century in hand
        year = year if f.get("era") == "AD" else _full_year(year)
        return _with_year(year, f, suffix, rtype, mod, "absolute")
    story = rule.anchor == "auto" and ("month" in f or "day" in f)
    anchor, anchor_precision, how = _anchor(rule, ctx, story)
    if "dayrel" in f:
        if anchor is None:
            return Built(rtype, "XXXX-XX-XX" + suffix, mod, how)
        return Built(rtype, (anchor + timedelta(days=int(f["dayrel"]))).isoformat() + suffix, mod, how)
    if "rel" in f and "pod" in f and "weekday" not in f and "month" not in f:
        # "last night", "this morning": the day of the anchor, or the day before for "last"
        if anchor is None:
            return Built(rtype, "XXXX-XX-XX" + suffix, mod, how)
        shift = -1 if f["rel"] == -1 and f["pod"] == "NI" else 0
        return Built(rtype, (anchor + timedelta(days=shift)).isoformat() + suffix, mod, how)
    if anchor is None:
        return Built(rtype, _unresolved(f) + suffix, mod, how)
    if "day" in f and "month" not in f:
        built = _day_of_month(int(f["day"]), anchor, anchor_precision, ctx, how, suffix, rtype, mod)
        if built is None or "weekday" not in f:
            return built
        return _month_of_weekday(built, int(f["day"]), int(f["weekday"]))
    if "month" in f:
        month = int(f["month"])
        day = f.get("day")
        rel = f.get("rel")
        if "relyear" in f:
            y = anchor.year + int(f["relyear"])
        elif rel is not None:
            y = anchor.year
            if rel == -1 and month >= anchor.month:
                y -= 1
            elif rel == 1 and month <= anchor.month:
                y += 1
        else:
            y = _year_for(month, day, anchor, ctx, how)
            if how == "dct" and "weekday" in f and day is not None:
                y = _year_of_weekday(y, month, int(day), int(f["weekday"]))
        return _with_year(y, f, suffix, rtype, mod, how)
    if "weekday" in f:
        d = _weekday_date(int(f["weekday"]), anchor, f.get("rel"),
                          ctx.future or (how == "previous" and ctx.domain == "narratives"),
                          ctx.past and how == "dct")
        return Built(rtype, d.isoformat() + suffix, mod, how)
    if "season" in f:
        y = anchor.year
        start_month = SEASON_START_MONTH[f["season"]]
        if how == "dct" and not ctx.future and start_month > anchor.month + 1:
            y -= 1
        if how != "dct":
            y += _story_season_ahead(f["season"], anchor)
        return Built("DATE", f"{y:04d}-{f['season']}", mod, how)
    if "quarter" in f or "half" in f:
        y = anchor.year
        if how == "dct" and not ctx.future and _period_start_month(f) > anchor.month + LOOKAHEAD_MONTHS:
            # "profits for the fourth quarter" in a January report: the one just ended,
            # as for a month named without a year
            y -= 1
        return _with_year(y, f, suffix, rtype, mod, how)
    if "floating" in f:
        spec = str(f["floating"])
        near = floating_day(spec, anchor.year)
        y = _year_for(near.month, near.day, anchor, ctx, how)
        day = floating_day(spec, y)
        return Built("DATE", week_value(day) if f.get("unit") == "W" else day.isoformat(), mod, how)
    if "hijri" in f:
        return _hijri(f, occurrences(str(f["hijri"]), anchor), None, anchor, ctx, how, mod)
    if "holiday" in f:
        mm, dd = (int(x) for x in str(f["holiday"]).split("-"))
        y = _year_for(mm, dd, anchor, ctx, how)
        return Built(rtype, f"{y:04d}-{mm:02d}-{dd:02d}" + suffix, mod, how)  # "Christmas night"
    if suffix:
        day = _day_under_discussion(ctx) if how == "dct" else None
        if day:
            # "shot at 10 p.m." after "on Oct. 23": the time of day of the day just told
            return Built(rtype, day + suffix, mod, "previous")
        if anchor_precision.rank > Precision.DAY.rank:
            # "by noon" after "in June 1940": a time of some day the text has not named
            return Built(rtype, "XXXX-XX-XX" + suffix, mod, how)
        return Built(rtype, anchor.isoformat() + suffix, mod, how)
    return None


def _hijri(f: dict[str, Any], found: list[tuple[date, date]], year: int | None, anchor: date | None,
           ctx: Context | None, how: str, mod: str | None) -> Built:
    """An Islamic holiday (see `sitegen.temporal.hijri`): the one of `year` when the text
    gives it; else, in a story, the next one it reaches; in news, the last one, unless the
    next begins within LOOKAHEAD_MONTHS or the clause speaks of the future. A day, or for a
    month ("Ramadan") the interval of its days; "the eve of" moves to the day before."""
    if year is not None:
        found = [o for o in found if o[0].year == year][:1]
    elif anchor is not None and ctx is not None:
        ahead = [o for o in found if o[1] >= anchor]
        begun = [o for o in found if o[0] <= anchor]
        soon = ahead and (ahead[0][0] - anchor).days <= LOOKAHEAD_MONTHS * 30
        if how != "dct" or ctx.future or soon:
            found = ahead[:1]
        else:
            found = begun[-1:]
    if not found:
        return Built("DATE", "XXXX-XX-XX", mod, how)
    first, last = found[0]
    if f.get("eve"):
        first = last = first + timedelta(days=int(f["eve"]))
    elif f.get("periodday"):  # "the first day of Ramadan", "the last day of Ramadan"
        first = last = first if int(f["periodday"]) > 0 else last
    value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return Built("DATE", value, mod, how)


def _period_start_month(f: dict[str, Any]) -> int:
    """The first month of the quarter or half of the year in `f` (1 when not one)."""
    if "quarter" in f:
        q = int(f["quarter"])
        q = 4 if q == -1 else q
        return 3 * q - 2 if 1 <= q <= 4 else 1
    return 7 if int(f.get("half", 1)) == 2 else 1


def _day_of_month(day: int, anchor: date, precision: Precision, ctx: Context, how: str, suffix: str,
                  rtype: str, mod: str | None) -> Built | None:
    """"On the 17th": that day of the month under discussion; in news the last such day
    before the document date, or the next when the clause speaks of the future."""
    if precision.rank > Precision.MONTH.rank:
        return None  # the text has not named a month this day could be in
    year, month = anchor.year, anchor.month
    if how == "dct" and not ctx.future and day > anchor.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif how == "dct" and ctx.future and day < anchor.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Built(rtype, d.isoformat() + suffix, mod, how)


def _month_of_weekday(built: Built, day: int, weekday: int) -> Built:
    """"Saturday the 1st": of the month the day was read in and the months either side, the
    one in which that day is that weekday (the month it was read in when none is)."""
    first = date.fromisoformat(built.value[:10]).replace(day=1)
    for step in (0, -1, 1):
        month = add_months(first, step)
        if day > calendar.monthrange(month.year, month.month)[1]:
            continue
        d = month.replace(day=day)
        if d.isoweekday() == weekday:
            return replace(built, value=d.isoformat() + built.value[10:])
    return built


def _day_under_discussion(ctx: Context) -> str | None:
    """The day the text set last, when it set a day or a time of day, for a bare time of
    day ("on Oct. 23 ... at 10 p.m.")."""
    day = (ctx.previous or "")[:10]
    return day if _FULL_DAY.fullmatch(day) else None


def _end_year(start: int, end: int) -> int:
    if end < 100:  # "2009-10", "1939-45"
        end = start - start % 100 + end
        if end < start:
            end += 100
    return end


def floating_day(spec: str, year: int) -> date:
    """The day of a "MM-weekday-N[@D]" holiday in `year` (N = -1: the last such weekday;
    D: the first day counted), or of an "E+N" one, N days after Easter Sunday."""
    if spec.startswith("E"):
        return easter(year) + timedelta(days=int(spec[1:]))
    rule, _, first = spec.partition("@")
    month, weekday, nth = int(rule[:2]), int(rule[3]), int(rule[5:])
    if nth < 0:
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    start = date(year, month, int(first or 1))
    return start + timedelta(days=(weekday - start.isoweekday()) % 7 + 7 * (nth - 1))


def _unresolved(f: dict[str, Any]) -> str:
    if "month" in f:
        day = f.get("day")
        return f"XXXX-{int(f['month']):02d}" + (f"-{int(day):02d}" if day else "")
    if "weekday" in f:
        return f"XXXX-WXX-{int(f['weekday'])}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "quarter" in f:
        return f"XXXX-Q{f['quarter']}"
    if "holiday" in f:
        return f"XXXX-{f['holiday']}"
    return "XXXX-XX-XX"


def _with_year(year: int, f: dict[str, Any], suffix: str, rtype: str, mod: str | None,
               how: str) -> Built | None:
    if "month" in f:
        month, day = int(f["month"]), f.get("day")
        if day is not None:
            try:
                date(year, month, int(day))
            except ValueError:
                if (month, int(day)) == (2, 29) and how != "absolute":
                    # a leap day in a year inferred as a common one: a date, year unknown
                    return Built(rtype, f"XXXX-02-29{suffix}", mod, how)
                return None
            return Built(rtype, f"{year:04d}-{month:02d}-{int(day):02d}{suffix}", mod, how)
        return Built("DATE", f"{year:04d}-{month:02d}", mod, how)
    if "season" in f:
        return Built("DATE", f"{year:04d}-{f['season']}", mod, how)
    if "quarter" in f:
        q = int(f["quarter"])
        q = 4 if q == -1 else q
        if not 1 <= q <= 4:
            return None
        return Built("DATE", f"{year:04d}-Q{q}", mod, how)
    if "half" in f:
        return Built("DATE", f"{year:04d}-H{int(f['half'])}", mod, how)
    if "holiday" in f:
        return Built("DATE", f"{year:04d}-{f['holiday']}", mod, how)
    if "hijri" in f:
        return _hijri(f, occurrences(str(f["hijri"]), date(year, 7, 1)), year, None, None, how, mod)
    if "floating" in f:
        return Built("DATE", floating_day(str(f["floating"]), year).isoformat(), mod, how)
    return Built("DATE", f"{year:04d}", mod, how)


def _checked_year(year: int) -> int:
    """`year`, or ValueError when it falls outside the calendar (years 1 to 9999)."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    return year


def shift_value(anchor: date, precision: Precision, unit: str, rel: int) -> str | None:
    """The value of the calendar `unit` (D, W, WE, M, Q, Y, DE, CE) `rel` units from `anchor`."""
    if unit == "D":
        if precision.rank > Precision.DAY.rank:
            return None
        return (anchor + timedelta(days=rel)).isoformat()
    if unit in ("W", "WE"):
        if precision.rank > Precision.WEEK.rank:
            return None
        v = week_value(anchor + timedelta(weeks=rel))
        return v + "-WE" if unit == "WE" else v
    if unit == "M":
        if precision.rank > Precision.MONTH.rank and precision is not Precision.SEASON:
            return None
        d = add_months(anchor, rel)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        q = (anchor.month - 1) // 3 + rel
        y, q = anchor.year + q // 4, q % 4 + 1
        return f"{y:04d}-Q{q}"
    if unit == "Y":
        return f"{_checked_year(anchor.year + rel):04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + rel:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + rel:02d}"
    return None


_UNIT_PRECISION = {"Q": Precision.QUARTER, "M": Precision.MONTH, "W": Precision.WEEK, "Y": Precision.YEAR,
                   "DE": Precision.DECADE, "CE": Precision.CENTURY}


def _within_last(ctx: Context, unit: Precision | None) -> bool:
    """Whether a history's last time is finer than `unit`: "the end of the month" after
    "May 10" is May's end, whatever month the text named before. Not in news, where "the
    quarter" after "the quarter ended Sept. 30" is the fiscal quarter the report named."""
    if unit is None or not ctx.previous or ctx.domain != "narratives":
        return False
    precision = bounds(to_proxy(ctx.previous))[0]
    return precision.rank < unit.rank


def build_shift(rule: Rule, f: dict[str, Any], ctx: Context) -> Built | None:
    rel = int(f.get("rel", 0))
    mod = _mod(f)
    anchor, precision, how = _anchor(rule, ctx)
    if "pod" in f:
        pod = f["pod"]
        if anchor is None or precision.rank > Precision.DAY.rank:
            return Built("TIME", f"XXXX-XX-XXT{pod}", mod, how)
        return Built("TIME", (anchor + timedelta(days=rel)).isoformat() + f"T{pod}", mod, how)
    if "season" in f:
        season = f["season"]
        if anchor is None:
            return Built("DATE", f"XXXX-{season}", mod, how)
        y = anchor.year + rel
        if how == "dct" and rel == -1 and SEASON_START_MONTH[season] < anchor.month - 2 \
                and not f.get("calendar"):
            y += 1  # "last summer" in September is this year's
        if how != "dct" and rel == 0:
            y += _story_season_ahead(season, anchor)  # "that winter" after October
        return Built("DATE", f"{y:04d}-{season}", mod, how)
    unit = f.get("unit")
    if unit is None:
        return None
    if f.get("nearest") and unit == "WE" and anchor is not None and precision.rank <= Precision.DAY.rank:
        # "the weekend": the one the anchor day is in, else the one just past, or the
        # coming one when the clause speaks of the future
        weekday = anchor.isoweekday()
        if weekday < 6:
            anchor += timedelta(days=6 - weekday if ctx.future else -weekday)
        return Built("DATE", week_value(anchor) + "-WE", mod, how)
    same = _UNIT_PRECISION.get(str(unit))
    if f.get("last") and rel == 0 and ctx.last_of and same in ctx.last_of and not _within_last(ctx, same):
        # "the quarter", "the same month": the last quarter or month the text spoke of; weeks
        # and weekends share a precision, so "the week" after "the weekend" drops the "-WE"
        value = ctx.last_of[same]
        if unit in ("W", "WE") and value[:4].isdigit() and "W" in value:
            value = value.removesuffix("-WE") + ("-WE" if unit == "WE" else "")
        return Built("DATE", value, mod, "previous")
    if f.get("last") and rel == 0 and unit == "Q" and ctx.domain == "news" and ctx.dct:
        # "the quarter", "the latest period" in a report that named none: the quarter
        # reported on, the last one completed before the report
        return Built("DATE", shift_value(ctx.dct, Precision.DAY, "Q", -1) or "XXXX-QX", mod, "dct")
    quarter = _quarter_under_discussion(ctx) if f.get("keep") and unit == "Y" else None
    if quarter:
        # "the year-earlier period" in a quarterly report: the same quarter a year before
        return Built("DATE", f"{int(quarter[:4]) + rel:04d}{quarter[4:]}", mod, "previous")
    if f.get("keep") and how == "previous" and ctx.previous and ctx.previous[:4].isdigit() and unit == "Y":
        # "the year-earlier quarter": the period the text spoke of, a year before
        return Built("DATE", f"{int(ctx.previous[:4]) + rel:04d}" + ctx.previous[4:].split("/")[0], mod, how)
    if anchor is None:
        return Built("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
                              "Q": "XXXX-QX"}.get(unit, "XXXX"), mod, how)
    value = shift_value(anchor, precision, str(unit), rel)
    if value is None:
        return None
    return Built("DATE", value, mod, how)


def _quarter_under_discussion(ctx: Context) -> str | None:
    """In news, the last calendar quarter the report named ("1989-Q3"): what a comparison
    with "a year ago" is about in a quarterly report."""
    if ctx.domain != "news" or not ctx.last_of:
        return None
    quarter = ctx.last_of.get(Precision.QUARTER)
    return quarter if quarter and quarter[:4].isdigit() else None


def build_offset(rule: Rule, f: dict[str, Any], ctx: Context) -> Built | None:
    num, unit, direction = f.get("num"), f.get("unit"), int(f.get("dir", -1))
    anchor, precision, how = _anchor(rule, ctx)
    if unit == "2W" and isinstance(num, float):
        num, unit = num * 2, "W"  # "a fortnight later"
    if unit == "TH" and isinstance(num, float) and num == int(num):
        # "3 hours ago": the day it was then, the hour unknown
        num, unit = float(int(num) // 24), "D"
    if not isinstance(num, float) or num != int(num) or unit not in ("D", "W", "M", "Y", "DE", "CE"):
        return Built("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None, how)
    n = int(num) * direction
    if anchor is None:
        return Built("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}.get(unit, "XXXX"),
                     _mod(f), how)
    if unit == "D" or unit == "W":
        days = n * (7 if unit == "W" else 1)
        if precision.rank > Precision.DAY.rank:
            # "a week later" after "February 1913": some week of 1913, which one unknown
            return Built("DATE", _day_or_week_within(anchor, days, unit), _mod(f), how)
        d = anchor + timedelta(days=days)
        # "two weeks ago" names a day only approximately: keep the bounds to the week around it
        return Built("DATE", d.isoformat(), _mod(f), how, 3 if unit == "W" else 0)
    if unit == "M":
        d = add_months(anchor, n)
        return Built("DATE", f"{d.year:04d}-{d.month:02d}", _mod(f), how)
    years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
    _checked_year(anchor.year + years)
    if how == "dct" and ("dayrel" in f or "weekday" in f):
        # "twenty years ago on Monday": the day named, that many years before
        day = anchor + timedelta(days=int(f["dayrel"])) if "dayrel" in f \
            else _weekday_date(int(f["weekday"]), anchor, None, ctx.future, ctx.past)
        return Built("DATE", add_months(day, 12 * years).isoformat(), _mod(f), how)
    quarter = _quarter_under_discussion(ctx)
    if unit == "Y" and abs(n) == 1 and quarter:
        # "a year ago" in a quarterly report: the same quarter a year before
        return Built("DATE", f"{int(quarter[:4]) + years:04d}{quarter[4:]}", _mod(f), how)
    prev = ctx.previous
    if unit == "Y" and prev and prev[:4].isdigit() and "/" not in prev and \
            ((how == "previous" and ctx.domain == "news") or bounds(prev)[0] is Precision.QUARTER):
        # "a year earlier" after "the third quarter": the same quarter a year before
        return Built("DATE", f"{int(prev[:4]) + years:04d}{prev[4:]}", _mod(f), how)
    year = f"{anchor.year + years:04d}"
    if unit == "DE" and abs(n) == 1:
        return Built("DATE", year, _mod(f), how)  # "a decade ago": about the year ten years back
    # "two decades earlier" names a decade, "a century later" a century: no finer
    return Built("DATE", year[:{"DE": 3, "CE": 2}.get(unit, 4)], _mod(f), how)


def _day_or_week_within(start: date, days: int, unit: str) -> str:
    """A day or week `days` after some day of a period beginning on `start`: its year (the
    one it most likely falls in), the rest unknown."""
    year = (start + timedelta(days=days)).year
    return f"{year:04d}-WXX" if unit == "W" else f"{year:04d}-XX-XX"


_DURATION_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "2W": ("W", 2), "Q": ("M", 3)}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60),
            "TM": ("TS", 60)}


def duration_value(num: float | str | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT1M, PXY; decades and centuries as years; halves in smaller units."""
    if isinstance(num, float):
        unit, scale = _DURATION_SCALE.get(unit, (unit, 1))
        num *= scale
        if num > 1 and num != int(num) and unit in _SMALLER:
            # "two and a half years": P2Y6M, whole units then the rest in the next smaller one
            small, factor = _SMALLER[unit]
            rest = (num - int(num)) * factor
            if rest == int(rest):
                return _joined(((int(num), unit), (int(rest), small)))
        # "half a day" is PT12H, "1.5 hours" PT90M; a fraction no smaller unit counts in
        # whole ("22.8 years") stays a decimal, as TIMEX3 allows
        if num != int(num) and unit in _SMALLER:
            small, factor = _SMALLER[unit]
            if round(num * factor, 9) == int(round(num * factor, 9)):
                unit, num = small, round(num * factor, 9)
    n = "X" if not isinstance(num, float) else (str(int(num)) if num == int(num) else f"{num:g}")
    if unit.startswith("T"):
        return f"PT{n}{unit[1:]}"
    return f"P{n}{unit}"


def _joined(parts: tuple[tuple[int, str], ...]) -> str:
    """P2Y6M, PT1M30S, P1DT12H from (amount, unit) pairs, time units after the T."""
    date_part = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time_part = "".join(f"{n}{u[1:]}" for n, u in parts if u.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def build_duration(rule: Rule, f: dict[str, Any], ctx: Context, text: str) -> Built | None:
    if rule.value:
        return Built("DURATION", rule.value, _mod(f), "absolute")
    unit = f.get("unit")
    if unit is None:
        return None
    num = f.get("num")
    if isinstance(num, float) and "and a half" in text.lower():
        num += 0.5
    if "unit_and" in f:
        both = compound_duration(((num, str(unit)), (f.get("num_and"), str(f["unit_and"]))))
        if both:
            return Built("DURATION", both, _mod(f), "absolute")
    return Built("DURATION", duration_value(num, str(unit)), _mod(f), "absolute")


_DURATION_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def compound_duration(parts: tuple[tuple[Any, str], ...]) -> str | None:
    """One value for "two years and eight months" (P2Y8M) or "an hour and 20 minutes"
    (PT1H20M); None when a part is no whole number ("several days and nights")."""
    amounts: dict[str, int] = {}
    for num, unit in parts:
        if not isinstance(num, float) or num != int(num):
            return None
        unit, scale = _DURATION_SCALE.get(unit, (unit, 1))
        if unit not in _DURATION_ORDER:
            return None
        amounts[unit] = amounts.get(unit, 0) + int(num) * scale
    if "W" in amounts and len(amounts) > 1:
        # weeks mix with no other unit in a TIMEX3 value: "three weeks and two days" is P23D
        amounts["D"] = amounts.get("D", 0) + 7 * amounts.pop("W")
    return _joined(tuple((amounts[u], u) for u in _DURATION_ORDER if u in amounts))


def build_set(rule: Rule, f: dict[str, Any]) -> Built | None:
    if rule.value:
        return Built("SET", rule.value, None, "absolute")
    for key in ("setpattern", "everyunit", "setword"):
        if key in f:
            return Built("SET", str(f[key]), None, "absolute")
    if "weekday" in f:
        pod = f.get("pod")
        return Built("SET", f"XXXX-WXX-{int(f['weekday'])}" + (f"T{pod}" if pod else ""), None, "absolute")
    if "month" in f:
        return Built("SET", f"XXXX-{int(f['month']):02d}", None, "absolute")
    if "pod" in f:
        return Built("SET", f"XXXX-XX-XXT{f['pod']}", None, "absolute")
    unit = f.get("unit")
    if unit is None:
        return None
    num = f.get("num", f.get("every_nth"))
    if isinstance(num, int):
        num = float(num)
    if not isinstance(num, float):
        num = 1.0
    return Built("SET", duration_value(num, "D" if unit == "D" else str(unit)), None, "absolute")


def build_literal(rule: Rule, f: dict[str, Any]) -> Built | None:
    value = rule.value or f.get("literal")
    if not value:
        return None
    return Built(rule.type or "DATE", str(value), _mod(f), "absolute")


def build_same(rule: Rule, f: dict[str, Any], ctx: Context) -> Built | None:
    if ctx.previous:
        return Built("DATE", ctx.previous, None, "previous")
    return Built("DATE", "PAST_REF", None, "previous")


def comes_after(first: str, last: str) -> bool:
    """Whether calendar value `first` comes after `last` (both written from the year down)."""
    return first[:4].isdigit() and last[:4].isdigit() and first[:len(last)] > last[:len(first)]
