"""Merging mentions across sources: precision-aware dates, places, reprints, ids, order."""

from datetime import date

from sitegen.merge import merge
from tests.extract.helpers import analysis, article, gazetteer

MAY_15 = date(2024, 5, 15)


def build(*texts: tuple[str, str, date | None]):
    articles = [article(text, published, id) for id, text, published in texts]
    analyses = [analysis(text, published, id) for id, text, published in texts]
    return merge(analyses, articles, gazetteer())


def test_a_month_level_mention_joins_the_day_level_event_inside_that_month():
    result = build(("a", "Last month, Iraqi forces and American troops conducted a raid in Anbar province.",
                    date(2024, 9, 14)),
                   ("b", "The US military raid was carried out on August 29 in Anbar.", date(2024, 9, 14)))
    (event,) = result.events
    assert (event.date.value, event.date.precision.value) == ("2024-08-29", "day")
    assert event.articles == ("a", "b")
    assert event.id == "2024-08-29-raid-anbar"


def test_two_different_days_never_merge():
    result = build(("a", "Militants attacked an army post in Diyala on Monday.", MAY_15),
                   ("b", "Militants attacked an army post in Diyala on Tuesday.", MAY_15))
    assert [e.date.value for e in result.events] == ["2024-05-13", "2024-05-14"]


def test_same_day_events_in_different_places_stay_apart():
    result = build(("a", "A car bomb exploded in Kirkuk on Monday.", MAY_15),
                   ("b", "A car bomb exploded in Basra on Monday.", MAY_15))
    assert sorted(e.id for e in result.events) == ["2024-05-13-bombing-basra", "2024-05-13-bombing-kirkuk"]
    assert any("kept" in line and "different places" in line for line in result.explain)


def test_the_same_event_from_two_outlets_merges_and_reprints_count_once():
    text = "Militants attacked an army post in Diyala on Monday, killing four soldiers."
    result = build(("a", text, MAY_15), ("b", "An army post in Diyala was attacked on Monday.", MAY_15),
                   ("c", text, MAY_15))
    (event,) = result.events
    assert event.articles == ("a", "b", "c")
    assert event.independent_sources == 2
    assert any(line.startswith("merged") for line in result.explain)


def test_statements_by_different_people_in_one_month_stay_apart():
    text = ("The US ambassador Alina Romanowski told Reuters in March that ISIS remained a threat. "
            "General Michael Kurilla told Congress in March that 1,000 fighters were at large.")
    result = build(("a", text, MAY_15))
    assert len(result.events) == 2


def test_a_claim_the_next_day_joins_the_attack_without_moving_its_date():
    result = build(("a", "ISIS claimed responsibility on Tuesday for an attack on Monday in Diyala.", MAY_15))
    (event,) = result.events
    assert event.date.value == "2024-05-13"
    assert len(event.mentions) == 2 and event.conflicts == ()


def test_events_sort_by_start_with_a_year_before_its_days():
    result = build(("a", "Iraq declared victory over ISIS in 2017. ISIS attacked Kirkuk on January 5, 2017.",
                    MAY_15))
    assert [e.date.value for e in result.events] == ["2017", "2017-01-05"]


def test_undated_articles_give_undated_events_never_a_guessed_date():
    result = build(("a", "Militants attacked a checkpoint in Kirkuk on Monday.", None))
    assert result.events == []
    (event,) = result.undated
    assert event.date.resolved is False


def test_an_event_introduced_as_another_stays_apart_on_the_same_day():
    result = build(("a", "Turkey launched a military offensive in northeast Syria on Wednesday. "
                         "Separately, a roadside bomb killed two soldiers in Idlib on Wednesday.",
                    date(2019, 10, 10)))
    assert len(result.events) == 2
    assert any("introduces it as another event" in line for line in result.explain)


def test_a_date_relative_to_an_undated_event_is_undated_too():
    text = ("The US military raid was carried out on August 29 in Iraq. Two days after the raid, "
            "the US military announced that seven American soldiers had been wounded.")
    result = build(("a", text, None))
    assert result.events == []
    assert sorted(e.type for e in result.undated) == ["announcement", "raid"]
    assert all(not e.date.resolved for e in result.undated)


def test_different_kinds_of_violence_on_one_day_need_a_town_in_common_to_merge():
    result = build(("a", "Gunmen attacked an army checkpoint in Iraq on Monday.", MAY_15),
                   ("b", "A car bomb exploded in Baghdad on Monday.", MAY_15))
    assert len(result.events) == 2


def test_figures_that_differ_between_sources_give_a_range_not_an_average():
    from sitegen.render.filters import figure_ranges

    july = date(2017, 7, 10)
    result = build(("a", "A suicide bombing in Samarra on Saturday killed at least 12 people.", july),
                   ("b", "A suicide bombing in Samarra on Saturday killed 14 people.", july))
    (event,) = result.events
    (killed,) = figure_ranges([f for _, f in event.figures])
    assert (killed.kind, killed.low, killed.high, killed.differ) == ("killed", 12, None, True)
    assert killed.text == "12+ killed"  # 14 lies within "at least 12"
    assert len(event.articles) == 2 and event.disputed


def test_a_claim_of_the_attack_it_names_joins_that_attack_not_the_latest_one():
    text = ("A double car bombing in Sadr City on Thursday killed 23 people, officials said on Friday. "
            "Also on Thursday, a roadside bomb killed three soldiers near Tarmiyah. "
            "Islamic State claimed the Sadr City attack in a statement on Friday.")
    result = build(("a", text, date(2021, 4, 16)))
    sadr = next(e for e in result.events if "sadr-city" in e.places)
    tarmiyah = next(e for e in result.events if "tarmiyah" in e.places)
    assert len(sadr.mentions) == 3 and len(tarmiyah.mentions) == 1
    assert sadr.date.value == tarmiyah.date.value == "2021-04-15"


def test_a_place_of_another_event_told_later_does_not_move_an_event():
    day = date(2021, 4, 16)
    first = ("Two car bombs exploded in Sadr City on Thursday, killing at least 20 people. "
             "The blasts came two days after a suicide bomber killed eight people in Samarra.")
    second = "A double car bombing in Sadr City on Thursday killed 23 people."
    result = build(("a", first, day), ("b", second, day))
    samarra, sadr = result.events
    assert (sadr.date.value, sadr.articles) == ("2021-04-15", ("a", "b"))
    assert (samarra.date.value, samarra.articles) == ("2021-04-13", ("a",))  # two days before


def test_a_broad_statement_about_a_month_does_not_swallow_a_dated_event_in_a_town():
    broad_text = "The group rose to power in June 2014, seizing territory in Iraq and Syria."
    result = build(("a", "Mosul fell to Islamic State on June 10, 2014.", MAY_15), ("b", broad_text, MAY_15),
                   ("c", "Islamic State seized Mosul in June 2014.", MAY_15))
    mosul, broad = sorted(result.events, key=lambda e: e.date.precision.rank)
    assert (mosul.date.value, mosul.articles) == ("2014-06-10", ("a", "c"))
    assert (broad.date.value, broad.articles) == ("2014-06", ("b",))


def test_late_in_a_month_still_merges_with_a_day_of_that_month():
    result = build(("a", "Ramadi fell to the militants on May 17, 2015.", MAY_15),
                   ("b", "Ramadi fell to the militants in late May 2015.", MAY_15))
    (event,) = result.events
    assert event.date.value == "2015-05-17"


def test_the_day_of_a_date_before_the_event_is_no_count_of_events():
    # "3, an explosive device" is the 3rd of September, not three devices
    result = build(("a", "A bomb hit a military convoy in Maysan on Saturday, killing four soldiers.",
                    date(2022, 9, 4)),
                   ("b", "On Saturday September 3, an explosive device hit a convoy in Maysan, killing four "
                         "soldiers.", date(2022, 9, 5)))
    (event,) = result.events
    assert (event.date.value, event.articles) == ("2022-09-03", ("a", "b"))


def test_an_indefinite_subject_of_a_passive_verb_does_not_introduce_another_event():
    # "a convoy were killed": "a convoy" is who was killed, not "another attack"
    result = build(("a", "A bomb hit a military convoy near Kirkuk on Monday. Six members of a convoy were "
                         "killed on Monday near Kirkuk.", MAY_15))
    (event,) = result.events
    assert event.date.value == "2024-05-13"
