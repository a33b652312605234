"""The seed articles' time expressions, read with their publication dates (EXPECTED.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitegen.model import Precision
from sitegen.temporal import tag

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

# (file prefix, publication date, expression, type, value, mod, first day, last day)
EXPECTED = [
    ("000", date(2020, 7, 29), "late Tuesday", "DATE", "2020-07-28", "END", "2020-07-28", "2020-07-28"),
    ("000", date(2020, 7, 29), "July 17", "DATE", "2020-07-17", None, "2020-07-17", "2020-07-17"),
    ("000", date(2020, 7, 29), "December 2017", "DATE", "2017-12", None, "2017-12-01", "2017-12-31"),
    ("000", date(2020, 7, 29), "Sunday", "DATE", "2020-07-26", None, "2020-07-26", "2020-07-26"),
    ("000", date(2020, 7, 29), "this month", "DATE", "2020-07", None, "2020-07-01", "2020-07-31"),
    ("000", date(2020, 7, 29), "July 16 and 22", "DATE", "2020-07-16/2020-07-22", None,
     "2020-07-16", "2020-07-22"),
    ("001", date(2024, 5, 15), "late last year", "DATE", "2023", "END", "2023-01-01", "2023-12-31"),
    ("001", date(2024, 5, 15), "March", "DATE", "2024-03", None, "2024-03-01", "2024-03-31"),
    ("001", date(2024, 5, 15), "the same month", "DATE", "2024-03", None, "2024-03-01", "2024-03-31"),
    ("001", date(2024, 5, 15), "Monday", "DATE", "2024-05-13", None, "2024-05-13", "2024-05-13"),
    ("001", date(2024, 5, 15), "the fourth quarter of 2023", "DATE", "2023-Q4", None,
     "2023-10-01", "2023-12-31"),
    ("002", date(2024, 5, 14), "the summer of 2014", "DATE", "2014-SU", None, "2014-06-01", "2014-09-22"),
    ("002", date(2024, 5, 14), "late 2017", "DATE", "2017", "END", "2017-01-01", "2017-12-31"),
    ("002", date(2024, 5, 14), "Last month", "DATE", "2024-04", None, "2024-04-01", "2024-04-30"),
    ("002", date(2024, 5, 14), "May 15, 2024, 5:08 AM", "TIME", "2024-05-15T05:08", None,
     "2024-05-15", "2024-05-15"),
    ("003", date(2024, 9, 14), "August 29", "DATE", "2024-08-29", None, "2024-08-29", "2024-08-29"),
    ("003", date(2024, 9, 14), "Friday September 13", "DATE", "2024-09-13", None, "2024-09-13", "2024-09-13"),
    ("003", date(2024, 9, 14), "the end of 2017", "DATE", "2017", "END", "2017-01-01", "2017-12-31"),
    ("004", date(2024, 9, 14), "August last year", "DATE", "2023-08", None, "2023-08-01", "2023-08-31"),
    ("004", date(2024, 9, 14), "Last month", "DATE", "2024-08", None, "2024-08-01", "2024-08-31"),
    ("004", date(2024, 9, 14), "March 2019", "DATE", "2019-03", None, "2019-03-01", "2019-03-31"),
]

NOT_DATES = [
    ("002", date(2024, 5, 14), "three years", "DURATION", "P3Y"),
    ("002", date(2024, 5, 14), "Every day", "SET", "P1D"),
    ("003", date(2024, 9, 14), "1 min", "DURATION", "PT1M"),
    ("003", date(2024, 9, 14), "Two days", "DURATION", "P2D"),
]


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (shared material beside the repository)")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", EXPECTED, ids=[f"{c[0]}:{c[2]}" for c in EXPECTED])
def test_seed_date(case):
    prefix, dct, text, ttype, value, mod, first, last = case
    found = [t for t in tag(_seed(prefix), dct) if t.text == text]
    assert found, f"{text!r} not tagged"
    t = found[0]
    assert (t.type, t.value, t.mod) == (ttype, value, mod)
    assert t.date is not None
    assert (t.date.start.isoformat(), t.date.end.isoformat()) == (first, last)


@pytest.mark.parametrize("case", NOT_DATES, ids=[f"{c[0]}:{c[2]}" for c in NOT_DATES])
def test_seed_duration_or_set_has_no_date(case):
    prefix, dct, text, ttype, value = case
    found = [t for t in tag(_seed(prefix), dct) if t.text == text]
    assert found and (found[0].type, found[0].value, found[0].date) == (ttype, value, None)


def test_offsets_index_the_text():
    text = _seed("000")
    for t in tag(text, date(2020, 7, 29)):
        assert text[t.start:t.end] == t.text


def test_range_has_interval_precision():
    t = next(t for t in tag(_seed("000"), date(2020, 7, 29)) if t.text == "July 16 and 22")
    assert t.date.precision is Precision.INTERVAL


def test_two_weeks_ago_keeps_honest_bounds():
    t = next(t for t in tag(_seed("004"), date(2024, 9, 14)) if t.text == "two weeks ago")
    assert t.value == "2024-08-31"
    assert t.date.start <= date(2024, 8, 31) <= t.date.end
    assert t.date.start < t.date.end


def test_results_sorted_and_non_overlapping():
    for prefix in ("000", "001", "002", "003", "004"):
        found = tag(_seed(prefix), date(2024, 9, 14))
        for a, b in zip(found, found[1:], strict=False):
            assert a.end <= b.start
