"""General English rules for values that depend on tense, the report's date and units.

Expected values are worked out from the sentence and the document date by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitegen.temporal import tag


def _value(text: str, expr: str, dct: date) -> tuple[str, str]:
    found = [t for t in tag(text, dct) if t.text == expr]
    assert found, f"{expr!r} not found in {[t.text for t in tag(text, dct)]}"
    return found[0].type, found[0].value


# 3 December 1991 was a Tuesday, 20 August 1998 a Thursday.
@pytest.mark.parametrize(("text", "dct", "value"), [
    ("Sununu was told Wednesday by Bush's son that he had alienated members of Congress.",
     date(1991, 12, 3), "1991-11-27"),
    ("New Zealand said Friday that the United States had the right to defend its citizens.",
     date(1998, 8, 20), "1998-08-14"),
    ("Protesters were in the streets Friday demanding his release.", date(1998, 8, 20), "1998-08-14"),
])
def test_a_weekday_told_in_the_past_tense_is_not_tomorrow(text, dct, value):
    weekday = next(w for w in ("Wednesday", "Friday") if w in text)
    assert _value(text, weekday, dct) == ("DATE", value)


@pytest.mark.parametrize(("text", "dct", "value"), [
    # no tense shown: the day after the report is still read as tomorrow
    ("Talks between the two sides resume Wednesday in Geneva.", date(1991, 12, 3), "1991-12-04"),
    # a future cue outweighs the past tense of the reporting verb
    ("Officials said it will reopen Wednesday.", date(1991, 12, 3), "1991-12-04"),
])
def test_a_weekday_without_past_tense_keeps_its_reading(text, dct, value):
    assert _value(text, "Wednesday", dct) == ("DATE", value)


@pytest.mark.parametrize(("text", "expr", "dct", "value"), [
    # a January report on the fourth quarter reports the one that just ended
    ("AT&T also announced an eighteen percent drop in profits for the fourth quarter.",
     "the fourth quarter", date(1998, 1, 26), "1997-Q4"),
    ("Earnings fell sharply in the second half, the company said.",
     "the second half", date(1998, 2, 10), "1997-H2"),
    # the quarter the report is in, or one already over this year, is this year's
    ("Third-quarter profit rose 8% on higher sales.", "Third-quarter", date(1989, 10, 26), "1989-Q3"),
    ("Sales in the first quarter were flat.", "the first quarter", date(1998, 1, 26), "1998-Q1"),
    # a quarter the clause looks forward to is this year's
    ("The company expects to recover in the fourth quarter.", "the fourth quarter",
     date(1998, 1, 26), "1998-Q4"),
])
def test_a_quarter_without_a_year_is_the_latest_one_unless_ahead(text, expr, dct, value):
    assert _value(text, expr, dct) == ("DATE", value)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Eight trading days after Oct. 12, the Nasdaq index was still down.", "Eight trading days", "P8D"),
    ("Holders have ten business days to tender their shares.", "ten business days", "P10D"),
    ("The strike lasted three working days.", "three working days", "P3D"),
])
def test_days_of_a_working_calendar_are_days(text, expr, value):
    assert _value(text, expr, date(1989, 10, 30)) == ("DURATION", value)
