"""One test per family of time expressions, with values worked out by hand from the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from sitegen.model import Precision
from sitegen.temporal import tag
from sitegen.temporal.tagger import tag_timex3


def _find(text: str, expr: str, dct: date | None = None, domain: str = "news"):
    found = [t for t in tag(text, dct, domain=domain) if t.text == expr]
    assert found, f"{expr!r} not found in {[t.text for t in tag(text, dct, domain=domain)]}"
    return found[0]


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("It happened on 13 September 2024.", "13 September 2024", "2024-09-13"),
    ("It happened on September 13, 2024.", "September 13, 2024", "2024-09-13"),
    ("It happened on Sept. 13, 2024.", "Sept. 13, 2024", "2024-09-13"),
    ("The file is dated 2024-09-13.", "2024-09-13", "2024-09-13"),
    ("It was filed 9/13/2024 in court.", "9/13/2024", "2024-09-13"),
])
def test_full_dates_in_common_written_forms(text, expr, value):
    t = _find(text, expr)
    assert (t.type, t.value, t.anchor) == ("DATE", value, "absolute")
    assert t.date.precision is Precision.DAY


@pytest.mark.parametrize(("expr", "value", "precision", "first", "last"), [
    ("March 2019", "2019-03", Precision.MONTH, date(2019, 3, 1), date(2019, 3, 31)),
    ("2014", "2014", Precision.YEAR, date(2014, 1, 1), date(2014, 12, 31)),
    ("the 1990s", "199", Precision.DECADE, date(1990, 1, 1), date(1999, 12, 31)),
    ("the 19th century", "18", Precision.CENTURY, date(1800, 1, 1), date(1899, 12, 31)),
    ("the second quarter of 2023", "2023-Q2", Precision.QUARTER, date(2023, 4, 1), date(2023, 6, 30)),
    ("the first half of 2023", "2023-H1", Precision.HALF, date(2023, 1, 1), date(2023, 6, 30)),
    ("spring 2015", "2015-SP", Precision.SEASON, date(2015, 3, 1), date(2015, 6, 21)),
])
def test_coarse_dates_have_strict_bounds(expr, value, precision, first, last):
    t = _find(f"It was in {expr} that it began.", expr)
    assert t.value == value
    assert (t.date.precision, t.date.start, t.date.end) == (precision, first, last)


@pytest.mark.parametrize(("expr", "mod"), [
    ("early 2015", "START"), ("mid-2015", "MID"), ("late 2015", "END"), ("the end of 2015", "END"),
    ("the beginning of 2015", "START"),
])
def test_modifiers_change_mod_not_bounds(expr, mod):
    t = _find(f"It began in {expr}, officials said.", expr)
    assert (t.value, t.mod) == ("2015", mod)
    assert (t.date.start, t.date.end) == (date(2015, 1, 1), date(2015, 12, 31))


@pytest.mark.parametrize(("text", "expr", "dct", "value"), [
    ("He arrived yesterday.", "yesterday", date(2024, 5, 15), "2024-05-14"),
    ("They meet tomorrow.", "tomorrow", date(2024, 5, 15), "2024-05-16"),
    ("It was signed last week.", "last week", date(2024, 5, 15), "2024-W19"),
    ("Prices rose last year.", "last year", date(2024, 5, 15), "2023"),
    ("Talks resume next month.", "next month", date(2024, 12, 15), "2025-01"),
    ("It happened three days ago.", "three days ago", date(2024, 3, 2), "2024-02-28"),
    ("It happened five years ago.", "five years ago", date(2024, 3, 2), "2019"),
    ("On Friday the talks ended.", "Friday", date(2024, 5, 15), "2024-05-10"),
    ("He resigned last Friday.", "last Friday", date(2024, 5, 17), "2024-05-10"),
])
def test_deictic_expressions_resolve_against_the_document_date(text, expr, dct, value):
    t = _find(text, expr, dct)
    assert (t.value, t.anchor) == (value, "dct")


def test_future_clause_reads_weekday_forward():
    # 2024-05-15 is a Wednesday; "will meet on Monday" is the coming Monday
    assert _find("The ministers will meet on Monday.", "Monday", date(2024, 5, 15)).value == "2024-05-20"


@pytest.mark.parametrize(("text", "dct", "value"), [
    # 2000-01-07 and 1989-10-27 are Fridays
    ("Protesters were planning to march on Monday.", date(2000, 1, 7), "2000-01-10"),
    ("The stock is to resume trading Tuesday.", date(1989, 10, 27), "1989-10-31"),
    ("The group would leave as soon as Tuesday.", date(2000, 4, 3), "2000-04-04"),
    ("They intend to vote on Monday.", date(2000, 1, 7), "2000-01-10"),
    # a scheduled event told in the present; 2013-02-21 is a Thursday
    ("The museum reopens on Saturday.", date(2013, 2, 21), "2013-02-23"),
    ("The law expires at the end of September.", date(2013, 2, 21), "2013-09"),
    ("The trial begins Monday.", date(2013, 2, 21), "2013-02-25"),
    # the noun is no such cue: the March just gone
    ("Prices have doubled since the start of March.", date(2013, 2, 21), "2012-03"),
])
def test_plans_and_intentions_read_weekday_forward(text, dct, value):
    assert [t.value for t in tag(text, dct)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    # 2013-02-21: a March named in February is the coming one, unless the clause tells of
    # the past; the end of a span stays ahead
    ("The vote is in March.", "2013-03"),
    ("Prices rose in March.", "2012-03"),
    ("Prices have doubled since March.", "2012-03"),
    ("The deadline was extended to March 10.", "2013-03-10"),
])
def test_a_month_just_ahead_is_the_coming_one_unless_told_of_the_past(text, value):
    assert [t.value for t in tag(text, date(2013, 2, 21))] == [value]


def test_month_without_year_in_news_is_the_last_one():
    # an article of 15 May 2024 speaking of "October" means October 2023
    assert _find("The deal was struck in October.", "October", date(2024, 5, 15)).value == "2023-10"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The siege began in May 1940. The following year the city fell.", "The following year", "1941"),
    ("Troops landed on June 6, 1944. The next day they advanced.", "The next day", "1944-06-07"),
    ("The war began in 1914. That summer the front stalled.", "That summer", "1914-SU"),
    ("Troops landed on June 6, 1944. Two days later they advanced.", "Two days later", "1944-06-08"),
])
def test_narratives_resolve_against_the_story_time(text, expr, value):
    t = _find(text, expr, date(2009, 12, 19), domain="narratives")
    assert (t.value, t.anchor) == (value, "previous")


def test_narrative_month_takes_the_story_year_not_the_download_date():
    text = "The offensive opened in 1916. In July the army attacked."
    assert _find(text, "July", date(2009, 12, 19), domain="narratives").value == "1916-07"


@pytest.mark.parametrize("text, aside, last", [
    ("On 10 March 1975 the army attacked, opening the way for a campaign planned for 1976. "
     "Its lines collapsed on 11 March.", "1976", ("11 March", "1975-03-11")),
    ("In May 1954 the French surrendered; elections would be held in 1956. "
     "On 21 July, the accords were signed.", "1956", ("21 July", "1954-07-21")),
    ("Attacks fell to 490 in November 2008 as against 3,500 in January 2007. A March offensive followed.",
     "January 2007", ("March", "2008-03")),
    ("In May 1944 the army attacked troops that had invaded in late 1943. By June, it had won.",
     "late 1943", ("June", "1944-06")),
    ("In February 2008 troops crossed, the first incursion since 1995. They withdrew on February 29.",
     "1995", ("February 29", "2008-02-29")),
])
def test_a_narrative_aside_does_not_move_the_story_time(text, aside, last):
    # a look ahead, a comparison or a look back is tagged, and the story goes on from before it
    found = tag(text, None, domain="narratives")
    assert aside in [t.text for t in found]
    assert (found[-1].text, found[-1].value) == last


@pytest.mark.parametrize("text, expr, value", [
    ("The offensive began in April 1940. On May 10, 1940 it reached the coast; the army left by the end of "
     "the month.", "the end of the month", "1940-05"),
    ("Talks failed in March 1790. On 4 November 1791 the assembly met; by the end of the year it had split.",
     "the end of the year", "1791"),
])
def test_narrative_unit_named_after_a_day_is_the_one_that_day_is_in(text, expr, value):
    assert _find(text, expr, None, domain="narratives").value == value



@pytest.mark.parametrize(("text", "expr", "value"), [
    ("They fought for three years.", "three years", "P3Y"),
    ("The talks lasted two hours.", "two hours", "PT2H"),
    ("It took a decade to rebuild.", "a decade", "P10Y"),
    ("He waited about six months.", "about six months", "P6M"),
    ("a two-week visit", "two-week", "P2W"),
    ("The gunfight lasted half an hour.", "half an hour", "PT30M"),
])
def test_durations_are_typed_and_never_dated(text, expr, value):
    t = _find(text, expr, date(2024, 5, 15))
    assert (t.type, t.value, t.date) == ("DURATION", value, None)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The paper is published every day.", "every day", "P1D"),
    ("The council meets weekly.", "weekly", "P1W"),
    ("The market is held each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("Elections are held every four years.", "every four years", "P4Y"),
    ("Patrols pass every 20 minutes.", "every 20 minutes", "PT20M"),
])
def test_frequencies_are_sets(text, expr, value):
    t = _find(text, expr, date(2024, 5, 15))
    assert (t.type, t.value, t.date) == ("SET", value, None)


def test_clock_time_with_date():
    t = _find("The blast came at 10:35 a.m. on Friday.", "10:35 a.m. on Friday", date(1998, 8, 10))
    assert (t.type, t.value) == ("TIME", "1998-08-07T10:35")


def test_part_of_day():
    t = _find("Shelling resumed on Tuesday night.", "Tuesday night", date(2024, 5, 15))
    assert (t.type, t.value) == ("TIME", "2024-05-14TNI")


def test_holiday_fixes_a_date():
    assert _find("They attacked on Christmas Day 1776.", "Christmas Day 1776").value == "1776-12-25"


def test_ranges_are_intervals_in_tag_and_two_ends_in_timex3():
    text = "Output grew from 2014 to 2017 across the region."
    t = _find(text, "2014 to 2017")
    assert t.value == "2014/2017"
    assert (t.date.precision, t.date.start, t.date.end) == (Precision.INTERVAL, date(2014, 1, 1),
                                                            date(2017, 12, 31))
    assert [(x["text"], x["value"]) for x in tag_timex3(text)] == [("2014", "2014"), ("2017", "2017")]


@pytest.mark.parametrize("between", ["\n", " "])
def test_page_furniture_is_tagged_as_what_it_is(between):
    found = tag(f"Updated: May 15, 2024, 5:08 AM{between}Reading time: 1 min", date(2024, 5, 15))
    assert [(t.text, t.type, t.value) for t in found] == [
        ("May 15, 2024, 5:08 AM", "TIME", "2024-05-15T05:08"), ("1 min", "DURATION", "PT1M")]


@pytest.mark.parametrize("sentence", [
    "They may march on the capital.",
    "There are 2500 troops in the country.",
    "Prices will fall sharply, analysts said.",
    # counts after the words that introduce a three-digit year
    "The odds of winning are one in 500.",
    "Fighters were seen in 300, 400 and more vehicles.",
    "About 1 in 250. Most survived.",
    "After the fall of Mosul, the army regrouped.",
])
def test_ordinary_words_are_not_dates(sentence):
    assert tag(sentence, date(2024, 5, 15)) == []


def test_narrative_january_after_december_is_the_next_year():
    text = "Japan attacked on December 7, 1941. In January the army landed."
    assert _find(text, "January", date(2009, 12, 19), domain="narratives").value == "1942-01"


def test_narrative_look_back_does_not_move_the_story_time():
    text = "The offensive began in June 1916. The previous year had been quiet. In July the army attacked."
    assert _find(text, "July", date(2009, 12, 19), domain="narratives").value == "1916-07"


@pytest.mark.parametrize("text, aside, expr, value", [
    ("Peasants revolted in 1793, against the Civil Constitution of the Clergy (1790). "
     "On 17 August the Convention voted for conscription.", "1790", "17 August", "1793-08-17"),
    ("The Eighth Army held the Pusan Perimeter in September 1950, as the Marines had held "
     "Guadalcanal [1942]. In late November the Chinese attacked.", "1942", "late November", "1950-11"),
])
def test_narrative_time_in_brackets_dates_a_name_not_the_story(text, aside, expr, value):
    dct = date(2009, 12, 19)
    assert _find(text, aside, dct, domain="narratives").value == aside  # still a date itself
    assert _find(text, expr, dct, domain="narratives").value == value


@pytest.mark.parametrize("text, expr, value", [
    ("The war began in 1950. Two days later, Seoul fell.", "Two days later", "1950-XX-XX"),
    ("The army crossed in May 1940. Three weeks later it reached the sea.", "Three weeks later", "1940-WXX"),
    ("The siege began on 3 May 1940. Two days later the town fell.", "Two days later", "1940-05-05"),
])
def test_days_or_weeks_after_a_month_or_year_keep_what_is_known(text, expr, value):
    # the story's time is a month or a year: which day or week came after it is unknown,
    # its year is not
    assert _find(text, expr, date(2009, 12, 19), domain="narratives").value == value


def test_before_and_after_an_event_make_a_duration_not_a_date():
    t = _find("Two days after the raid, the army withdrew.", "Two days", date(2024, 2, 3))
    assert (t.type, t.value) == ("DURATION", "P2D")


@pytest.mark.parametrize("text, expr, value", [
    ("The vote is on Friday, September 13.", "Friday, September 13", "2024-09-13"),  # not 2023's
    ("The talks of Monday, June 12 failed.", "Monday, June 12", "2023-06-12"),  # not 2024's
    ("He left on Tuesday, December 12.", "Tuesday, December 12", "2023-12-12"),
])
def test_weekday_written_with_a_date_picks_its_year(text, expr, value):
    assert _find(text, expr, date(2024, 5, 15)).value == value


@pytest.mark.parametrize("text, expr, value", [
    ("In the winter of 2016-17 the offensive stalled.", "the winter of 2016-17", "2017-WI"),
    ("Aid ran short in the winter of 2014/2015.", "the winter of 2014/2015", "2015-WI"),
])
def test_a_winter_across_new_year_is_one_winter(text, expr, value):
    t = _find(text, expr, date(2024, 5, 15))
    assert t.value == value  # a winter is named by the year it ends in, as "winter 1918" is
    end_year = int(value[:4])
    assert t.date.start <= date(end_year - 1, 12, 1) and date(end_year, 2, 28) <= t.date.end


@pytest.mark.parametrize("text, dct, domain, expr, value", [
    # the Sadr City market bombing of 19 July 2021
    ("A bomb hit a market on the eve of Eid al-Adha.", date(2021, 7, 20), "news",
     "the eve of Eid al-Adha", "2021-07-19"),
    ("Attacks rose during Ramadan.", date(2024, 5, 15), "news", "Ramadan", "2024-03-11/2024-04-09"),
    ("Attacks will rise during Ramadan.", date(2024, 5, 15), "news", "Ramadan", "2025-03-01/2025-03-29"),
    ("Security was tightened before Ramadan.", date(2024, 2, 20), "news", "Ramadan",
     "2024-03-11/2024-04-09"),  # three weeks ahead: the coming one
    ("Eid al-Fitr 2017 passed quietly.", date(2024, 5, 15), "news", "Eid al-Fitr 2017", "2017-06-25"),
    ("Mosul fell in June 2014. At the start of Ramadan the caliphate was declared.", None,
     "narratives", "the start of Ramadan", "2014-06-28/2014-07-27"),
    ("Crowds gathered for Ashura.", None, "news", "Ashura", "XXXX-XX-XX"),  # no date to go by
])
def test_islamic_holidays_follow_the_islamic_calendar(text, dct, domain, expr, value):
    assert _find(text, expr, dct, domain=domain).value == value


def test_names_built_on_time_words_are_not_times_but_months_before_lowercase_words_are():
    dct = date(1989, 10, 27)
    assert [t.text for t in tag("Marchers joined the March for Life on Capitol Hill.", dct)] == []
    assert [t.text for t in tag('He said on "This Week," that talks would go on.', dct)] == []
    assert [(t.text, t.value) for t in tag("He resigned in March for health reasons.", dct)] == \
        [("March", "1989-03")]


def test_news_conventions_differ_from_narratives_for_ages_and_rates():
    # TimeML news annotation leaves ages and rates after an amount out; narratives keep them
    assert tag("Mr. Reupke, 52 years old, resigned.", date(1989, 10, 27)) == []
    aged = tag("He was 18 years old when he enlisted.", domain="narratives")
    assert [(t.text, t.type, t.value) for t in aged] == [("18 years old", "DURATION", "P18Y")]
    assert tag("The plan saves $500 million a year.", date(1989, 10, 27)) == []


def test_quarterly_report_compares_with_the_same_quarter_a_year_before():
    text = ("Third-quarter profit rose 8%, the company said. Sales fell to $9 million from "
            "$12 million a year ago. Year-earlier results were restated.")
    found = {t.text: t.value for t in tag(text, date(1989, 10, 26))}
    assert found["Third-quarter"] == "1989-Q3"
    assert found["a year ago"] == "1988-Q3"
    assert found["Year-earlier"] == "1988-Q3"


def test_quoted_speech_that_opens_with_a_date_keeps_it():
    found = tag('"Last Friday," she said, "we left."', date(1998, 3, 4))
    assert [(t.text, t.value) for t in found] == [("Last Friday", "1998-02-27")]


def test_a_frequency_after_a_count_of_times_is_a_set_in_news():
    found = tag("They meet three times a week.", date(1998, 3, 4))
    assert [(t.text, t.type, t.value) for t in found] == [("a week", "SET", "P1W")]


def test_bare_clock_time_in_news_is_on_the_day_just_told():
    text = "Revenue fell in the quarter ended Sept. 30. Late Friday night, the storm hit at 10 p.m."
    found = {t.text: t.value for t in tag(text, date(2013, 10, 30))}
    assert found["10 p.m."] == "2013-10-25T22:00"
    assert {t.text: t.value for t in tag("The fire began at 9 a.m.", date(2013, 10, 30))} == \
        {"9 a.m.": "2013-10-30T09:00"}


@pytest.mark.parametrize(("text", "expected"), [
    # a month or season written without a year takes the year of the date after it
    ("The group advanced in June and July 2014.", [("June", "2014-06"), ("July 2014", "2014-07")]),
    ("Raids in late June or early July 2014 failed.",
     [("late June", "2014-06"), ("early July 2014", "2014-07")]),
    ("Sieges in June, July and August 2014 followed.",
     [("June", "2014-06"), ("July", "2014-07"), ("August 2014", "2014-08")]),
    ("Fighting in December and January 2015 slowed.", [("December", "2014-12"), ("January 2015", "2015-01")]),
    ("They spent the spring and early summer of 1943 preparing.",
     [("the spring", "1943-SP"), ("early summer of 1943", "1943-SU")]),
    # not across a sentence or an unrelated word
    ("Talks stalled in June. Elections came in July 2014.", [("June", "2024-06"), ("July 2014", "2014-07")]),
])
def test_a_date_without_a_year_takes_the_year_of_the_next_in_a_series(text, expected):
    found = tag(text, date(2024, 9, 14))
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("From January to March 2015 the siege went on.", "January to March 2015", "2015-01/2015-03"),
    ("The June-August 2014 offensive stalled.", "June-August 2014", "2014-06/2014-08"),
    ("Mosul fell on the night of 9-10 June 2014.", "9-10 June 2014", "2014-06-09/2014-06-10"),
    ("It lasted from March 28 to April 3, 2015.", "March 28 to April 3, 2015", "2015-03-28/2015-04-03"),
    ("Talks ran from 28 December to 3 January 2015.", "28 December to 3 January 2015",
     "2014-12-28/2015-01-03"),
])
def test_ranges_that_write_the_month_or_year_once(text, expr, value):
    t = _find(text, expr)
    assert (t.type, t.value) == ("DATE", value)
    assert t.date.precision is Precision.INTERVAL


def test_two_ends_of_a_day_range_are_two_timex3_expressions():
    found = tag_timex3("Mosul fell on the night of 9-10 June 2014.")
    assert [(x["text"], x["value"]) for x in found] == [("9", "2014-06-09"), ("10 June 2014", "2014-06-10")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The attack came at around 11 pm on Saturday.",
     {"around 11 pm": "2024-05-11T23:00", "Saturday": "2024-05-11"}),
    ("The law took effect at midnight on Dec. 31.",
     {"midnight": "2023-12-31T24:00", "Dec. 31": "2023-12-31"}),
    ("The polls closed at 8 p.m. ET, on May 7.", {"8 p.m. ET, on May 7": "2024-05-07T20:00"}),
])
def test_time_of_day_takes_the_day_written_after_it(text, expected):
    assert {t.text: t.value for t in tag(text, date(2024, 5, 14))} == expected


def test_a_history_marks_a_time_and_its_day_apart_but_dates_the_time_by_the_day():
    text = "The armistice took effect at 11 a.m. on 11 November 1918."
    assert [(t.text, t.value) for t in tag(text, None, domain="narratives")] == [
        ("11 a.m.", "1918-11-11T11:00"), ("11 November 1918", "1918-11-11")]
    assert [(t.text, t.value) for t in tag(text, date(1918, 11, 12))] == [
        ("11 a.m. on 11 November 1918", "1918-11-11T11:00")]


@pytest.mark.parametrize(("text", "expr", "type_", "value"), [
    ("The blast hit at 1230 GMT near the bridge.", "1230 GMT", "TIME", "2024-05-14T12:30"),
    ("The offensive began at 0600 hours.", "0600 hours", "TIME", "2024-05-14T06:00"),
    ("The city fell in the spring of '03.", "the spring of '03", "DATE", "2003-SP"),
    ("He left Baghdad in June '14.", "June '14", "DATE", "2014-06"),
    ("Profits fell in the third quarter of FY2023.", "the third quarter of FY2023", "DATE", "2023-Q3"),
    ("Spending in FY2024 rose.", "FY2024", "DATE", "2024"),
    ("The caliph died in AD 632.", "AD 632", "DATE", "0632"),
    ("Baghdad was founded in 762 CE.", "762 CE", "DATE", "0762"),
    ("Mosul fell on 10.6.2014 to the group.", "10.6.2014", "DATE", "2014-06-10"),
    ("They met the day before yesterday.", "the day before yesterday", "DATE", "2024-05-12"),
    ("They meet the day after tomorrow.", "the day after tomorrow", "DATE", "2024-05-16"),
    ("The vote is two weeks from now.", "two weeks from now", "DATE", "2024-05-28"),
])
def test_less_common_written_forms(text, expr, type_, value):
    t = _find(text, expr, date(2024, 5, 14))
    assert (t.type, t.value) == (type_, value)


def test_hours_of_work_are_not_a_clock_time():
    assert all(t.type != "TIME" for t in tag("He logged 1200 hours of overtime.", date(2024, 5, 14)))


@pytest.mark.parametrize(("text", "parts"), [
    ("The first invasion of Greece (492-490 BC) failed.", [("492", "BC0492"), ("490 BC", "BC0490")]),
    ("The Third Punic War (149-146 B.C) ended.", [("149", "BC0149"), ("146 B.C", "BC0146")]),
])
def test_a_range_of_years_before_the_common_era_writes_the_era_once(text, parts):
    assert [(x["text"], x["value"]) for x in tag_timex3(text, None, domain="narratives")] == parts
    assert tag(text, None, domain="narratives")[0].date.precision is Precision.INTERVAL


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2014 militants seized Mosul.", [("2014", "DATE", "2014")]),
    ("By 2015 fighters held half the province.", [("2015", "DATE", "2015")]),
    ("Some 1500 troops were deployed.", []),
    ("2500 troops arrived at the base.", []),
    ("The shrine has stood for 2000 years.", [("2000 years", "DURATION", "P2000Y")]),
])
def test_a_year_before_a_plural_noun_is_a_year_after_a_time_preposition_and_a_count_otherwise(text, expected):
    assert [(t.text, t.type, t.value) for t in tag(text, date(2024, 5, 14))] == expected


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The battle lasted from October 2016 to July 2017.", "October 2016 to July 2017", "2016-10/2017-07"),
    ("It held the city from 10 June 2014 to 9 July 2017.", "10 June 2014 to 9 July 2017",
     "2014-06-10/2017-07-09"),
])
def test_ranges_of_full_dates(text, expr, value):
    t = _find(text, expr)
    assert t.value == value and t.date.precision is Precision.INTERVAL


def test_a_history_goes_on_from_the_end_of_a_span_of_days():
    text = ("The campaign lasted from November 21, 1948 to January 31, 1949. "
            "On April 21, the army crossed the river.")
    assert _find(text, "April 21", domain="narratives").value == "1949-04-21"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("In the early hours of Tuesday, gunmen attacked a checkpoint.", "the early hours of Tuesday",
     "2024-05-14TMO"),
    ("At dawn on Sunday, militants struck.", "dawn", "2024-05-12TMO"),
    ("The convoy left at dusk.", "dusk", "2024-05-15TEV"),
])
def test_parts_of_a_day(text, expr, value):
    assert _find(text, expr, date(2024, 5, 15)).value == value


def test_dawn_of_an_era_is_not_a_time():
    assert tag("It marked the dawn of a new era.", date(2024, 5, 15)) == []


@pytest.mark.parametrize(("text", "dct", "value"), [
    # a Monday report: the weekend just past (Saturday 11 and Sunday 12 May 2024, ISO week 19)
    ("Talks broke down over the weekend.", date(2024, 5, 13), "2024-W19-WE"),
    # a Wednesday report speaking of what is to come: the next Saturday and Sunday
    ("The leaders will meet at the weekend.", date(2024, 5, 15), "2024-W20-WE"),
    # a report written on a Sunday: that weekend
    ("Thousands marched over the weekend.", date(2024, 5, 19), "2024-W20-WE"),
    # naming a year first does not move the weekend away from the report's date
    ("Profit fell in 1988. Over the weekend, the board met.", date(1989, 10, 30), "1989-W43-WE"),
])
def test_the_weekend_in_news_is_the_one_nearest_the_report(text, dct, value):
    assert _find(text, "the weekend", dct).value == value


def test_the_weekend_without_a_document_date_stays_unresolved():
    assert _find("Talks broke down over the weekend.", "the weekend").value == "XXXX-WXX-WE"


@pytest.mark.parametrize(("text", "expr", "dct", "value"), [
    # Monday 6 March 2000 opens ISO week 10
    ("The hearing is set for the week of March 6.", "the week of March 6", date(2000, 2, 24), "2000-W10"),
    # Sunday 7 January 2001 still belongs to ISO week 1, which began on 1 January
    ("Ballots were counted in the week of 7 January 2001.", "the week of 7 January 2001", None, "2001-W01"),
    ("The hearing is set for the week of March 6.", "the week of March 6", None, "XXXX-WXX"),
])
def test_the_week_of_a_day_is_that_calendar_week(text, expr, dct, value):
    t = _find(text, expr, dct)
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize(("text", "expr", "value", "mod"), [
    ("By mid-afternoon, the police had left.", "mid-afternoon", "2024-05-15TAF", "MID"),
    ("The rally began in the early evening.", "the early evening", "2024-05-15TEV", "START"),
    ("Late morning traffic was light.", "Late morning", "2024-05-15TMO", "END"),
    # the day just told, as for a clock time
    ("The vote was held on Monday. In the afternoon, the results came in.", "the afternoon",
     "2024-05-13TAF", None),
])
def test_a_part_of_the_day_named_alone_is_on_the_day_under_discussion(text, expr, value, mod):
    t = _find(text, expr, date(2024, 5, 15))
    assert (t.type, t.value, t.mod) == ("TIME", value, mod)


@pytest.mark.parametrize(("text", "expected"), [
    ("The army crossed the river in 1940. At dusk the town had fallen.",
     {"1940": "1940", "dusk": "XXXX-XX-XXTEV"}),
    ("The army crossed the river in June 1940. By noon the town had fallen.",
     {"June 1940": "1940-06", "noon": "XXXX-XX-XXT12:00"}),
    ("The army crossed the river on 3 June 1940. By noon the town had fallen.",
     {"3 June 1940": "1940-06-03", "noon": "1940-06-03T12:00"}),
])
def test_a_time_of_day_after_a_year_or_month_is_on_an_unnamed_day(text, expected):
    assert {t.text: t.value for t in tag(text, domain="narratives")} == expected


@pytest.mark.parametrize("text", [
    "The early morning hours were quiet.",
    "He read the morning papers.",
])
def test_a_part_of_the_day_before_a_noun_it_describes_is_not_tagged_alone(text):
    assert all(t.text.lower() not in ("early morning", "the morning") for t in tag(text, date(2024, 5, 15)))


@pytest.mark.parametrize(("text", "parts"), [
    ("The summit meets on April 24 and 25.", [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
    ("The lines were breached on the 28 and 29 August 1918.",
     [("the 28", "1918-08-28"), ("29 August 1918", "1918-08-29")]),
    ("Voting is on May 3 or 4, 1999.", [("May 3", "1999-05-03"), ("4, 1999", "1999-05-04")]),
    # the second number counts something
    ("On March 3 and 4 soldiers were hurt.", [("March 3", "1999-03-03")]),
])
def test_two_days_of_one_month_written_once(text, parts):
    assert [(x["text"], x["value"]) for x in tag_timex3(text, date(1999, 3, 10))] == parts


def test_a_leap_day_in_a_year_read_as_a_common_one_is_kept_unresolved():
    # 2007 is no leap year: the day is still a date, its year unknown
    assert [(t.text, t.value) for t in tag("On February 29, troops left.", date(2007, 5, 1))] == [
        ("February 29", "XXXX-02-29")]
    assert tag("On February 30, troops left.", date(2007, 5, 1)) == []


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("In April Iraqi forces attacked the town.", "April", "2012-04"),
    ("By June Baghdad had fallen.", "June", "2013-06"),
    ("The rains will come in March, April and May.", "April", "2013-04"),
    ("Clashes began in late August. Kurdish forces retreated.", "late August", "2012-08"),
])
def test_a_month_that_is_also_a_given_name_stays_a_month_after_a_time_word(text, expr, value):
    assert _find(text, expr, date(2013, 3, 21)).value[:7] == value


def test_a_month_that_is_also_a_given_name_before_a_surname_is_no_time():
    text = "In 1990 Saddam met the ambassador April Glaspie; the singer June Carter later wrote."
    assert [t.text for t in tag(text, None, domain="narratives")] == ["1990"]


def test_two_units_joined_by_and_are_one_duration():
    assert _find("The war lasted two years and eight months.", "two years and eight months").value == "P2Y8M"
    # a range of two amounts is no sum
    assert [t.value for t in tag("It takes between two years and five years.", None)] == ["P2Y", "P5Y"]


@pytest.mark.parametrize(("text", "expr", "value"), [
    # a Saturday report: a regular past form puts the Sunday before it, not the next day
    ("Police arrested three men on Sunday.", "Sunday", "2013-03-17"),
    ("Rebels attacked the town in April.", "April", "2012-04"),
    # ... but not a participle after an auxiliary of the present, nor a word that only
    # ends like a past form, nor a word cut by the clause window ("preferred")
    ("The game is televised on Sunday.", "Sunday", "2013-03-24"),
    ("A hundred people march on Sunday.", "Sunday", "2013-03-24"),
    ("He will not be repatriated to Cuba between now and April.", "April", "2013-04"),
    ("The firm sold preferred shares, to be completed around April 1.", "around April 1", "2013-04-01"),
])
def test_a_regular_past_form_tells_of_the_past(text, expr, value):
    assert _find(text, expr, date(2013, 3, 23)).value == value


@pytest.mark.parametrize(("text", "value"), [
    # a Wednesday report: the tense of the verb after a date that opens the clause decides
    ("On Monday the army launched a major assault on the town.", "2019-10-21"),
    ("On Monday, the president will visit Baghdad.", "2019-10-28"),
    ("On Friday, the government planned to pay the first claims.", "2019-10-18"),
    ("On Friday, the minister is expected to visit the city.", "2019-10-25"),
    # the preposition before the date gives way to the verb after it
    ("Until Monday, the police had not called him.", "2019-10-21"),
    ("By Monday, troops will have left the town.", "2019-10-28"),
])
def test_a_weekday_opening_its_clause_takes_the_tense_of_the_verb_after_it(text, value):
    (t,) = tag(text, date(2019, 10, 23))
    assert t.value == value


def test_a_decade_ago_is_about_a_year_and_two_decades_ago_a_decade():
    assert _find("The wall fell a decade ago.", "a decade ago", date(1999, 11, 9)).value == "1989"
    assert _find("Two decades ago it was a village.", "Two decades ago", date(1999, 11, 9)).value == "197"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The war lasted 22.8 years.", "22.8 years", "P22.8Y"),
    ("The talks lasted half a day.", "half a day", "PT12H"),
    ("The flight took 1.5 hours.", "1.5 hours", "PT1H30M"),
])
def test_a_fraction_of_a_unit_is_counted_in_the_next_unit_only_when_it_comes_out_whole(text, expr, value):
    assert _find(text, expr).value == value


def test_a_date_heading_dates_the_days_and_months_under_it():
    text = ("2014\n\nOn 10 June, ISIL captured Mosul. The next day it took Tikrit.\n\n"
            "June 2017\n\nOn 29 June, troops retook the mosque. Last year, the report said, it was worse.\n\n"
            "Background\n\nOn 3 August, the minister resigned.")
    found = [(t.text, t.value) for t in tag(text, date(2020, 1, 1))]
    assert found == [("2014", "2014"), ("10 June", "2014-06-10"), ("The next day", "2014-06-11"),
                     ("June 2017", "2017-06"), ("29 June", "2017-06-29"),
                     # the report's own deixis stays on its date
                     ("Last year", "2019"),
                     # a heading that is no date ends the section: the report's year again
                     ("3 August", "2019-08-03")]


@pytest.mark.parametrize(("text", "expr", "value"), [
    # a winter is named by the year it ends in: the one after the autumn is next year's
    ("The army reached the river in October 1914 and in winter the offensive froze.", "winter", "1915-WI"),
    ("Valley Forge was occupied in December 1777. Over the winter, 2,500 men died.", "the winter", "1778-WI"),
    ("The siege began in January 1777. Raids went on throughout the winter.", "the winter", "1777-WI"),
    # and after the winter the story is in the year the winter ends in
    ("The troops spent the winter of 1916-17 in the trenches. In March the attack came.", "March", "1917-03"),
])
def test_a_winter_in_a_history_is_named_by_the_year_it_ends_in(text, expr, value):
    assert _find(text, expr, domain="narratives").value == value


def test_a_month_of_the_islamic_calendar_in_apposition_neither_gives_a_year_nor_moves_the_story():
    # "29 June, the first day of Ramadan": the Umm al-Qura calendar puts that day on 28 June,
    # which read as the year's source put "29 June" a year back
    text = ("ISIL captured Mosul on 10 June 2014. On 29 June, the first day of Ramadan, the group "
            "proclaimed a caliphate. A week later, Abu Bakr al-Baghdadi appeared in Mosul.")
    found = {t.text: t.value for t in tag(text, None, domain="narratives")}
    assert found["29 June"] == "2014-06-29"
    assert found["A week later"] == "2014-07-05"  # a week after that day, as after any day
    # the month itself describes when: the story does not jump to its last day
    text = text.replace("the first day of Ramadan", "at the start of Ramadan")
    assert {t.text: t.value for t in tag(text, None, domain="narratives")}["A week later"] == "2014-07-06"
