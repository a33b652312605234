"""The temporal tagger on any text: it never raises, and every time expression it returns is
the text at its offsets, in order, without overlaps, with a type TIMEX3 knows."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitegen.temporal import tag
from tests.fuzz.strategies import SPECIAL_CHARS, hostile_text, sentence_text

FUZZ = settings(derandomize=True, max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
dcts = st.one_of(st.none(), st.dates())


def assert_well_formed(text: str, dct: date | None) -> None:
    timexes = tag(text, dct)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start:t.end] == t.text, t
        assert t.start >= last_end, f"overlap or out of order: {t}"
        last_end = t.end
        assert t.type in TIMEX_TYPES, t
        assert isinstance(t.value, str)
        if t.date is not None and t.date.resolved:
            assert t.date.start <= t.date.end, t


@FUZZ
@given(text=sentence_text, dct=dcts)
@example(text="on 14 May 2024 \u202eyesterday\u202c and last Tuesday", dct=date(2024, 5, 15))
@example(text="on 31 February 2024 in 99999", dct=None)
def test_prose_with_dates(text, dct):
    assert_well_formed(text, dct)


@FUZZ
@given(text=hostile_text, dct=dcts)
def test_any_text(text, dct):
    assert_well_formed(text, dct)


@FUZZ
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200), dct=dcts)
def test_any_unicode(text, dct):
    assert_well_formed(text, dct)


@settings(derandomize=True, max_examples=8, deadline=None)
@given(unit=st.sampled_from(["May ", "2024 ", "on 1 May 2024, ", "x", "9", "\u200b", " ", "last "]),
       count=st.integers(1000, 20000), mark=st.sampled_from(SPECIAL_CHARS))
def test_very_long_lines(unit, count, mark):
    assert_well_formed(mark + unit * count + mark, date(2024, 5, 14))


@settings(derandomize=True, max_examples=60, deadline=None)
@given(text=sentence_text, dct=st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]))
@example(text="It happened yesterday.", dct=date(1, 1, 1))
def test_document_dates_at_the_ends_of_the_calendar(text, dct):
    assert_well_formed(text, dct)
