"""Without a document date, deictic expressions stay unresolved: the clock is never read."""

from __future__ import annotations

from sitegen.temporal import tag


def _one(text: str, expr: str):
    found = [t for t in tag(text) if t.text == expr]
    assert found, f"{expr!r} not tagged in {text!r}"
    return found[0]


def test_last_month_without_dct_is_unresolved():
    t = _one("Last month, the army attacked.", "Last month")
    assert "X" in t.value
    assert t.date is not None and t.date.start is None and t.date.end is None


def test_weekday_without_dct_is_unresolved():
    t = _one("The attack happened on Monday.", "Monday")
    assert t.value == "XXXX-WXX-1"
    assert not t.date.resolved


def test_month_without_year_and_dct_keeps_month():
    t = _one("He spoke to Reuters in March.", "March")
    assert t.value == "XXXX-03"
    assert not t.date.resolved


def test_absolute_dates_resolve_without_dct():
    t = _one("Iraq declared victory in December 2017.", "December 2017")
    assert t.value == "2017-12"
    assert t.date.resolved


def test_now_is_present_ref():
    assert _one("Baghdad is now looking to reduce it.", "now").value == "PRESENT_REF"


def test_document_date_at_the_ends_of_the_calendar_leaves_overflowing_dates_unresolved():
    from datetime import date
    first = [t for t in tag("It happened yesterday, last week and last year.", date(1, 1, 1))]
    assert [t.text for t in first] == ["yesterday", "last week", "last year"]
    assert all("X" in t.value for t in first)
    last = tag("It happens tomorrow.", date(9999, 12, 31))
    assert [(t.text, t.value) for t in last] == [("tomorrow", "XXXX-XX-XX")]


def test_far_future_document_date_is_not_read_as_bc():
    from datetime import date
    assert [t.value for t in tag("It happened today.", date(9999, 12, 30))] == ["9999-12-30"]
