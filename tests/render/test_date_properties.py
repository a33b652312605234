"""Whatever value, precision and modifier a date carries, it is worded without error and its
machine form is never finer than its precision."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.model import DateValue, Precision
from sitegen.render.filters import display_date, machine_date

# how many characters of an ISO date each precision may show at most
MAX_ISO = {Precision.TIME: 10, Precision.PART_OF_DAY: 10, Precision.DAY: 10, Precision.WEEK: 8,
           Precision.MONTH: 7, Precision.SEASON: 4, Precision.QUARTER: 4, Precision.HALF: 4,
           Precision.YEAR: 4, Precision.DECADE: 0, Precision.CENTURY: 0, Precision.INTERVAL: 10,
           Precision.UNKNOWN: 0}

values = st.one_of(st.just(""), st.text(max_size=12), st.sampled_from(
    ["2014-06-10", "2014-06", "2014-SU", "2023-Q4", "2023-H2", "2020-W30", "2014", "201X", "19",
     "2020-07-16/2020-07-22", "XXXX-06", "2024-05-13TNI", "2024-05-13T14:30", "PRESENT_REF",
     "2024-13-45T14:30", "2014-99", "XXXX-13"]))


@st.composite
def date_values(draw) -> DateValue:
    start = draw(st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1))))
    end = None if start is None else start + timedelta(days=draw(st.integers(0, 4000)))
    return DateValue(draw(values), draw(st.sampled_from(list(Precision))), start, end,
                     draw(st.sampled_from([None, "START", "MID", "END", "APPROX", "BEFORE", "XYZ"])))


@given(date_values())
@example(DateValue("\r", Precision.TIME, None, None, None))  # whitespace alone is no wording
def test_any_date_is_worded(dv):
    text = display_date(dv)
    assert isinstance(text, str) and text.strip()


@given(date_values())
def test_machine_date_is_never_finer_than_the_precision(dv):
    assert len(machine_date(dv)) <= MAX_ISO[dv.precision]
