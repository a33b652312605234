"""Dates written by editors in front matter and YAML files, parsed without inventing anything.

python-dateutil fills a missing day, month or year from a default date; a chronology must
never do that, so each string is parsed against two different defaults and any part that
changes with the default is reported as missing. Numeric day/month orders are refused as
ambiguous unless the year comes first (ISO 8601).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timezone

from dateutil import parser as dateutil_parser

_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 3, 2))  # leap years; months of 31 days
_YEAR_FIRST = re.compile(r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:$|[T\s])")
_NUMERIC_DAY_MONTH = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_NAMED_OFFSET = re.compile(r"[^\W\d_]{2,5}[+-]\d")  # "GMT+4": dateutil reads it as UTC-4 (POSIX)
_WORD = re.compile(r"[^\W\d_]+")
_PARSER_INFO = dateutil_parser.parserinfo()

FORMS = "2024-05-14, 2024-05-14T05:08:00+00:00, 2024-05-14 05:08, May 14, 2024 or 14 May 2024"


@dataclass(frozen=True, slots=True)
class DateProblem(Exception):
    """A date that cannot be used: what is wrong and how to write it instead."""

    message: str
    hint: str = f"Write a full date, for example {FORMS}."

    def __str__(self) -> str:
        return self.message


def parse_day(value: object) -> date:
    """A calendar day (a time of day, if given, is dropped); a missing day is an error."""
    moment = parse_moment(value)
    return moment.date() if isinstance(moment, datetime) else moment


def parse_moment(value: object) -> date | datetime:
    """A day or a day with a time, from a YAML date/datetime or a string in a common form."""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DateProblem(f"expected a date, found {type(value).__name__} {value!r}")
    text = str(value).strip()
    if not text:
        raise DateProblem("the date is empty")
    if re.fullmatch(r"\d{4}(?:-\d{1,2})?", text):
        raise _missing(text, "day" if "-" in text else "month and day")
    if _NUMERIC_DAY_MONTH.search(text) and not _YEAR_FIRST.match(text) and not _names_a_month(text):
        raise DateProblem(
            f"{text!r} is ambiguous: numeric dates other than year-month-day can be read "
            "day-first or month-first",
            f"Write it year first, for example 2024-05-14, or with the month's name ({FORMS}).")
    if _NAMED_OFFSET.search(text):
        raise DateProblem(f"{text!r} gives an offset after a zone name, whose sign is read both ways",
                          "Give the offset alone, for example 2024-05-14T05:08:00+04:00.")
    if _YEAR_FIRST.match(text):
        try:
            return _fixed_offset(datetime.fromisoformat(text)) if ":" in text else date.fromisoformat(text)
        except ValueError:
            pass  # not strict ISO 8601 (2024/05/14, 2024-5-14): dateutil reads it below
    first, second = (_parse(text, default) for default in _DEFAULTS)
    missing = [part for part in ("year", "month", "day")
               if getattr(first, part) != getattr(second, part)]
    if missing:
        raise _missing(text, " and ".join(missing))
    has_time = (first.hour, first.minute, first.second, first.microsecond) != (0, 0, 0, 0) \
        or first.tzinfo is not None or ":" in text
    return _fixed_offset(first) if has_time else first.date()


def _fixed_offset(moment: datetime) -> datetime:
    """The same instant with a plain UTC offset, so the result never depends on the machine."""
    try:
        offset = moment.utcoffset()
    except ValueError as err:  # dateutil accepts offsets of a day or more; datetime does not
        raise DateProblem(f"the time-zone offset of '{moment.replace(tzinfo=None).isoformat()}' is not a "
                          "real offset (a day or more)",
                          "Offsets lie between -23:59 and +23:59, for example +03:00.") from err
    return moment if offset is None else moment.replace(tzinfo=timezone(offset))


def _names_a_month(text: str) -> bool:
    return any(_PARSER_INFO.month(word) is not None for word in _WORD.findall(text))


def _parse(text: str, default: datetime) -> datetime:
    with warnings.catch_warnings():
        warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
        try:
            return dateutil_parser.parse(text, default=default)
        except dateutil_parser.UnknownTimezoneWarning as err:
            raise DateProblem(f"{text!r} names a time zone sitegen does not know",
                              "Give the offset instead, for example 2024-05-14T05:08:00+03:00.") from err
        except (ValueError, OverflowError) as err:
            raise DateProblem(f"{text!r} is not a date sitegen can read ({err})") from err


def _missing(text: str, parts: str) -> DateProblem:
    return DateProblem(
        f"{text!r} gives no {parts}; sitegen never invents the missing part",
        "Write the full date (for example 2024-05-14). If the source gives only a month or a "
        "year, leave the key out and say what is known in `notes`.")
