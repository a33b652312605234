"""Dates are worded at exactly the precision the text supports, with their modifiers."""

from datetime import date

import pytest

from sitegen.model import DateValue, Precision
from sitegen.render.filters import display_date, machine_date

D = date


@pytest.mark.parametrize(("value", "expected"), [
    (DateValue("2024-05-13", Precision.DAY, D(2024, 5, 13), D(2024, 5, 13)), "13 May 2024"),
    (DateValue("2024-05-13T14:30", Precision.TIME, D(2024, 5, 13), D(2024, 5, 13)), "13 May 2024, 14:30"),
    (DateValue("2024-05-13TNI", Precision.PART_OF_DAY, D(2024, 5, 13), D(2024, 5, 13)),
     "night of 13 May 2024"),
    (DateValue("2020-W30", Precision.WEEK, D(2020, 7, 20), D(2020, 7, 26)), "week of 20 July 2020"),
    (DateValue("2020-W30", Precision.WEEK, None, None), "week 30 of 2020"),
    (DateValue("2017-12", Precision.MONTH, D(2017, 12, 1), D(2017, 12, 31)), "December 2017"),
    (DateValue("XXXX-06", Precision.MONTH, None, None), "June"),
    (DateValue("2014-SU", Precision.SEASON, D(2014, 6, 1), D(2014, 9, 22)), "summer 2014"),
    (DateValue("2023-Q4", Precision.QUARTER, D(2023, 10, 1), D(2023, 12, 31)), "fourth quarter of 2023"),
    (DateValue("2023-H1", Precision.HALF, D(2023, 1, 1), D(2023, 6, 30)), "first half of 2023"),
    (DateValue("2014", Precision.YEAR, D(2014, 1, 1), D(2014, 12, 31)), "2014"),
    (DateValue("201X", Precision.DECADE, D(2010, 1, 1), D(2019, 12, 31)), "2010s"),
    (DateValue("19", Precision.CENTURY, D(1900, 1, 1), D(1999, 12, 31)), "20th century"),
    (DateValue("20", Precision.CENTURY, D(2000, 1, 1), D(2099, 12, 31)), "21st century"),
    (DateValue("2020-07-16/2020-07-22", Precision.INTERVAL, D(2020, 7, 16), D(2020, 7, 22)),
     "16–22 July 2020"),
    (DateValue("2020-07-30/2020-08-02", Precision.INTERVAL, D(2020, 7, 30), D(2020, 8, 2)),
     "30 July – 2 August 2020"),
    (DateValue("2019-12-30/2020-01-02", Precision.INTERVAL, D(2019, 12, 30), D(2020, 1, 2)),
     "30 December 2019 – 2 January 2020"),
    (DateValue("2020-07/2020-09", Precision.INTERVAL, D(2020, 7, 1), D(2020, 9, 30)), "July–September 2020"),
    (DateValue("2014/2016", Precision.INTERVAL, D(2014, 1, 1), D(2016, 12, 31)), "2014–2016"),
    (DateValue("", Precision.UNKNOWN, None, None), "undated"),
])
def test_every_precision_is_worded_at_its_own_grain(value, expected):
    assert display_date(value) == expected


@pytest.mark.parametrize(("mod", "expected"), [
    ("START", "early 2017"), ("MID", "mid-2017"), ("END", "late 2017"), ("APPROX", "c. 2017"),
    ("BEFORE", "before 2017"), ("AFTER", "after 2017"), ("ON_OR_BEFORE", "by 2017"), (None, "2017"),
])
def test_modifiers_change_the_wording_not_the_year(mod, expected):
    value = DateValue("2017", Precision.YEAR, D(2017, 1, 1), D(2017, 12, 31), mod=mod)
    assert display_date(value) == expected


def test_modified_day_reads_as_a_time_of_that_day():
    value = DateValue("2024-05-13", Precision.DAY, D(2024, 5, 13), D(2024, 5, 13), mod="END")
    assert display_date(value) == "late on 13 May 2024"


def test_modified_month_keeps_its_month():
    value = DateValue("2013-04", Precision.MONTH, D(2013, 4, 1), D(2013, 4, 30), mod="START")
    assert display_date(value) == "early April 2013"


@pytest.mark.parametrize(("value", "expected"), [
    (DateValue("2024-05-13", Precision.DAY, D(2024, 5, 13), D(2024, 5, 13)), "2024-05-13"),
    (DateValue("2017-12", Precision.MONTH, D(2017, 12, 1), D(2017, 12, 31)), "2017-12"),
    (DateValue("2014-SU", Precision.SEASON, D(2014, 6, 1), D(2014, 9, 22)), "2014"),
    (DateValue("2014", Precision.YEAR, D(2014, 1, 1), D(2014, 12, 31)), "2014"),
    (DateValue("2020-W30", Precision.WEEK, D(2020, 7, 20), D(2020, 7, 26)), "2020-W30"),
    (DateValue("2020-07-16/2020-07-22", Precision.INTERVAL, D(2020, 7, 16), D(2020, 7, 22)), "2020-07"),
    (DateValue("201X", Precision.DECADE, D(2010, 1, 1), D(2019, 12, 31)), ""),
    (DateValue("XXXX-06", Precision.MONTH, None, None), ""),
])
def test_machine_dates_are_never_finer_than_the_precision(value, expected):
    assert machine_date(value) == expected
