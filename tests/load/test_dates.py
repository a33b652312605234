"""Editors' dates: the common forms are read, and a missing part is never filled in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.load.dates import DateProblem, parse_day, parse_moment


@pytest.mark.parametrize(("written", "expected"), [
    ("2024-05-14", date(2024, 5, 14)),
    ("2024-05-14T05:08:00+00:00", datetime(2024, 5, 14, 5, 8, tzinfo=UTC)),
    ("2024-05-14T05:08:00+04:00", datetime(2024, 5, 14, 5, 8, tzinfo=timezone(timedelta(hours=4)))),
    ("2024-05-14 05:08", datetime(2024, 5, 14, 5, 8)),
    ("May 14, 2024", date(2024, 5, 14)),
    ("14 May 2024", date(2024, 5, 14)),
    ("May 15, 2024, 5:08 AM", datetime(2024, 5, 15, 5, 8)),
    ("2024/05/14", date(2024, 5, 14)),
    (date(2024, 5, 14), date(2024, 5, 14)),
])
def test_common_forms(written, expected):
    assert parse_moment(written) == expected


def test_a_day_drops_the_time():
    assert parse_day("2024-05-15 05:08") == date(2024, 5, 15)


@pytest.mark.parametrize(("written", "missing"), [
    ("May 2024", "no day"),
    ("2024-05", "no day"),
    ("2024", "no month and day"),
    (2024, "no month and day"),
    ("May 14", "no year"),
    ("14 May", "no year"),
    ("Tuesday", "no year and month and day"),
])
def test_no_part_of_a_date_is_invented(written, missing):
    with pytest.raises(DateProblem) as caught:
        parse_day(written)
    assert missing in caught.value.message
    assert "never invents" in caught.value.message


@pytest.mark.parametrize("written", ["05/06/2024", "14.05.2024", "6-5-24"])
def test_numeric_day_month_order_is_refused_as_ambiguous(written):
    with pytest.raises(DateProblem, match="ambiguous"):
        parse_day(written)


def test_a_zone_name_with_an_offset_is_refused():
    """dateutil reads "GMT+4" as four hours *behind* GMT (the POSIX convention)."""
    with pytest.raises(DateProblem, match="offset after a zone name"):
        parse_moment("May 15, 2024, 5:08 AM GMT+4")


@pytest.mark.parametrize("written", ["2024-02-30", "the fourteenth of Mayo", "", True, [2024]])
def test_not_a_date(written):
    with pytest.raises(DateProblem):
        parse_moment(written)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_month_and_year_alone_never_become_a_day(day):
    with pytest.raises(DateProblem, match="gives no day"):
        parse_day(day.strftime("%B %Y"))
    assert parse_day(day.strftime("%d %B %Y")) == day
    assert parse_day(day.isoformat()) == day
