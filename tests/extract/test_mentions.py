"""Which time expressions date an event, what the event is, and who says so."""

from datetime import date

from tests.extract.helpers import analysis


def mentions(text: str, published: date | None = date(2024, 5, 15)):
    return analysis(text, published).mentions


def test_a_date_next_to_a_reporting_verb_dates_the_statement_not_the_report():
    (m,) = mentions("The ministry said on Monday that militants attacked a checkpoint in Kirkuk.")
    assert (m.date.value, m.type, m.modality) == ("2024-05-13", "statement", "announced")


def test_a_date_next_to_the_event_dates_the_event():
    (m,) = mentions("Militants attacked a checkpoint in Kirkuk on Monday, the ministry said.")
    assert (m.date.value, m.date.precision.value) == ("2024-05-13", "day")
    assert (m.type, m.modality) == ("attack", "happened")
    assert "kirkuk" in {r.entity_id for r in m.entities}


def test_durations_frequencies_vague_and_covered_periods_are_not_events():
    text = ("Iraqi forces reclaimed the city after three years of fighting. "
            "Every day, attacks grow rarer in Iraq. "
            "Iraq has seen relative stability in recent years. "
            "In its report for the fourth quarter of 2023, the inspector general described ISIS "
            "as contained.")
    assert [m.timex.text for m in mentions(text)] == []


def test_future_dates_are_not_events():
    assert mentions("Iraq will hold a vote on the coalition in June 2025.") == ()


def test_two_days_after_the_raid_is_two_days_after_the_raids_date():
    text = ("The US military raid was carried out on August 29 in Iraq. Two days after the raid, "
            "the US military announced that seven American soldiers had been wounded.")
    raid, announcement = mentions(text, date(2024, 9, 14))
    assert (raid.date.value, raid.type) == ("2024-08-29", "raid")
    assert (announcement.date.value, announcement.date.precision.value) == ("2024-08-31", "day")
    assert announcement.type == "announcement"
    assert announcement.anchor == raid.id


def test_the_same_month_is_the_month_just_named():
    text = ("The US ambassador Alina Romanowski told Reuters in March that ISIS remained a threat. "
            "General Michael Kurilla told Congress the same month that 1,000 fighters were at large.")
    first, second = mentions(text)
    assert (first.date.value, second.date.value) == ("2024-03", "2024-03")
    assert (first.claimed_by, second.claimed_by) == ("alina-romanowski", "michael-kurilla")


def test_a_claim_of_responsibility_follows_the_attack_it_claims():
    claim, attack = mentions("ISIS claimed responsibility on Tuesday for an attack on Monday in Diyala.")
    assert (attack.date.value, attack.type, attack.modality, attack.claimed_by) == (
        "2024-05-13", "attack", "claimed", "islamic-state")
    assert (claim.date.value, claim.follows) == ("2024-05-14", attack.id)


def test_a_claim_of_an_undated_bombing_dates_the_bombing():
    (m,) = mentions("In January, the group claimed responsibility for two suicide bombings in Iran.")
    assert (m.date.value, m.type, m.modality) == ("2024-01", "bombing", "claimed")


def test_casualties_in_the_next_sentence_go_to_the_attack():
    (m,) = mentions("Militants attacked an army post in Diyala late on Monday. "
                    "Four soldiers were killed and five wounded, the army said.")
    assert [(f.kind, f.min, f.max) for f in m.figures] == [("killed", 4, 4), ("wounded", 5, 5)]


def test_casualties_go_to_the_event_told_just_before_them_even_an_older_one():
    ms = mentions("Last week, gunmen attacked a checkpoint in Kirkuk, killing three policemen. "
                  "In March, a car bomb exploded in a market in Mosul. "
                  "At least 20 people were killed and 45 wounded in the blast.",
                  published=date(2024, 6, 10))
    figures = {m.date.value: sorted((f.kind, f.min) for f in m.figures) for m in ms}
    assert figures["2024-03"] == [("killed", 20), ("wounded", 45)]
    assert figures["2024-W23"] == [("killed", 3)]  # the week before 10 June 2024


def test_without_a_publication_date_relative_dates_stay_unresolved():
    (m,) = mentions("Militants attacked a checkpoint in Kirkuk on Monday.", None)
    assert m.date.resolved is False


def test_mention_ids_are_article_sentence_and_timex_offsets():
    text = "Intro line.\nMilitants attacked a checkpoint in Kirkuk on Monday."
    (m,) = mentions(text)
    assert m.id == f"a/{text.index('Militants')}-{text.index('Monday')}"


def test_a_source_named_after_a_comma_does_not_take_the_date_of_the_event():
    bombing, statement = mentions("A suicide bomber killed at least 20 people in Kabul on Saturday night, "
                                  "the interior ministry said on Sunday.", date(2019, 8, 19))
    assert (bombing.date.value, bombing.trigger) == ("2019-08-17", "killed")
    assert (statement.date.value, statement.type) == ("2019-08-18", "statement")
    assert statement.follows == bombing.id


def test_condemning_the_attack_on_monday_dates_the_condemnation():
    attack, condemnation = mentions("Gunmen attacked a checkpoint in Kirkuk on Saturday. "
                                    "The president condemned the attack on Monday.")
    assert (attack.date.value, attack.type) == ("2024-05-11", "attack")
    assert (condemnation.date.value, condemnation.type) == ("2024-05-13", "statement")


def test_the_attack_took_place_is_an_attack():
    (m,) = mentions("The attack took place late on Monday in Diyala.")
    assert (m.date.value, m.type) == ("2024-05-13", "attack")


def test_a_day_later_counts_from_the_last_event_dated_to_the_day():
    recapture, visit = mentions("Iraqi forces recaptured Ramadi on Monday, months after it fell in May. "
                                "A day later, the prime minister visited the city.", date(2015, 12, 30))
    assert recapture.date.value == "2015-12-28"
    assert (visit.date.value, visit.anchor) == ("2015-12-29", recapture.id)


def test_a_when_clause_is_dated_by_the_time_before_it():
    (m,) = mentions("The militants had held parts of Anbar since early 2014, when they seized Fallujah.",
                    date(2015, 12, 30))
    assert (m.date.value, m.date.mod, m.type) == ("2014", "START", "capture")


def test_a_deadline_someone_hopes_to_meet_is_not_an_event():
    assert mentions("By the end of 2015, the government hopes to have restored services, officials said.",
                    date(2015, 12, 30)) == ()


def test_later_that_month_dates_the_event_of_its_own_clause():
    # "that" before a unit of time points to a time; it does not open a clause
    text = ("The Islamic State group seized Mosul on June 10, 2014, and its leader declared a "
            "caliphate from the city's Great Mosque later that month.")
    found = [(m.type, m.date.value, m.date.mod, m.timex.text, m.summary)
             for m in mentions(text, date(2023, 3, 20))]
    assert found == [
        ("capture", "2014-06-10", None, "June 10, 2014", "The Islamic State group seized Mosul."),
        ("declaration", "2014-06", "END", "later that month",
         "Its leader declared a caliphate from the city's Great Mosque.")]


def test_a_month_of_that_year_keeps_its_month_in_the_year_referred_to():
    text = ("Iraqi forces retook Mosul in July 2017 after a nine-month battle. "
            "Raqqa fell to the SDF in October of that year.")
    found = [(m.type, m.date.value, m.timex.text) for m in mentions(text, date(2019, 3, 23))]
    assert found == [("capture", "2017-07", "July 2017"), ("capture", "2017-10", "October of that year")]


def test_an_anniversary_dates_the_event_it_recalls():
    (m,) = mentions("Twenty years ago on Monday, US-led forces invaded Iraq.", date(2023, 3, 20))
    assert (m.type, m.date.value) == ("invasion", "2003-03-20")


def test_fell_tells_of_a_capture_only_after_a_place():
    text = ("The war began in March 2003; Baghdad fell on April 9, 2003. "
            "Oil prices fell on Monday. Shares of the company fell on Friday.")
    found = [(m.type, m.date.value, m.summary) for m in mentions(text, date(2024, 3, 18))
             if m.type == "capture"]
    assert found == [("capture", "2003-04-09", "Baghdad fell.")]


def test_a_relative_clause_after_the_subject_tells_its_own_event():
    found = [(m.date.value, m.summary) for m in mentions(
        "The offensive, which began on 17 October 2016, ended in July 2017.", date(2024, 3, 18))]
    assert found == [("2016-10-17", "The offensive began."), ("2017-07", "The offensive ended.")]
    (war,) = mentions("The war that began on March 20, 2003 toppled Saddam Hussein within weeks.",
                      date(2023, 3, 20))
    assert war.summary == "The war began."
    # "that" after a verb opens its complement, not a relative clause
    (said,) = mentions("“We want to ensure that Iraqi forces win,” the governor said on Monday.")
    assert said.summary.startswith("“We want to ensure that Iraqi forces")


def test_two_dated_verbs_sharing_a_subject_each_keep_their_own_words():
    found = [(m.type, m.date.value, m.summary) for m in mentions(
        "Saddam was captured near Tikrit in December 2003 and hanged on December 30, 2006.",
        date(2023, 3, 20))]
    assert found == [("capture", "2003-12", "Saddam was captured near Tikrit."),
                     ("killing", "2006-12-30", "Saddam was hanged.")]


def test_surrenders_arrests_releases_flight_and_decisions_are_events():
    text = ("Adel Abdul Mahdi took office as prime minister on October 25, 2018. "
            "At least 1,300 militants surrendered on Tuesday. "
            "Police detained 12 suspects in Kirkuk on Monday. "
            "The hostages were freed on Wednesday after a week in captivity. "
            "More than 500,000 people fled Mosul in June 2014. "
            "Iraq's parliament approved the new cabinet on October 27, 2018.")
    found = [(m.type, m.date.value) for m in mentions(text, date(2019, 3, 26))]
    assert found == [("appointment", "2018-10-25"),
                     ("defeat", "2019-03-26"), ("capture", "2019-03-25"), ("release", "2019-03-20"),
                     ("displacement", "2014-06"), ("decision", "2018-10-27")]


def test_to_death_tells_how_the_verb_before_it_ended():
    text = "A court in Baghdad sentenced five men to death on Sunday. A guard was stabbed to death on Monday."
    found = [(m.type, m.date.value) for m in mentions(text, date(2019, 3, 26))]
    # a death sentence is no killing; a stabbing to death is, though "stabbed" is no trigger
    assert found == [("other", "2019-03-24"), ("killing", "2019-03-25")]


def test_what_came_of_an_event_after_a_comma_is_an_event_of_its_own():
    text = ("A drone strike killed three US soldiers at a base in Jordan on Jan. 28, prompting "
            "retaliatory US strikes in Iraq and Syria early the next month.")
    found = [(m.type, m.date.value, m.trigger, m.summary) for m in mentions(text, date(2024, 9, 28))]
    # the date before the comma dates the killing, not the strikes the comma goes on to tell
    assert found == [
        ("killing", "2024-01-28", "killed", "A drone strike killed three US soldiers at a base in Jordan."),
        ("attack", "2024-02", "strikes", "Retaliatory US strikes in Iraq and Syria.")]


def test_a_clause_after_after_tells_an_event_counted_back_from_the_one_before():
    text = ("The coalition was formed in September 2014, three months after the group seized Mosul. "
            "The vote was held on May 12, 2024, two weeks before the new cabinet was sworn in.")
    found = [(m.type, m.date.value, m.timex.text, m.summary) for m in mentions(text, date(2024, 9, 28))]
    assert found == [
        ("formation", "2014-09", "September 2014", "The coalition was formed."),
        ("capture", "2014-06", "three months after", "The group seized Mosul."),
        ("election", "2024-05-12", "May 12, 2024", "The vote was held."),
        ("appointment", "2024-05-26", "two weeks before", "The new cabinet was sworn in.")]


def test_a_relative_clause_after_an_object_tells_of_that_object():
    text = ("The two sides agreed to set up a higher military commission, which met for the first "
            "time on Aug. 4. The deal, reached after months of negotiations that began in January, "
            "ends the mission. The ministry said that militants attacked a checkpoint on Monday.")
    found = [(m.date.value, m.summary) for m in mentions(text, date(2024, 9, 28))]
    assert found == [("2024-08-04", "A higher military commission met for the first time."),
                     ("2024-01", "Negotiations began."),
                     # "that" after a verb opens what was said, not a relative clause
                     ("2024-09-23", "Militants attacked a checkpoint.")]


def test_the_entries_of_a_timeline_are_events():
    text = ("June 10, 2014: Islamic State fighters seize Mosul.\n"
            "June 29, 2014 - The group declares a caliphate.\n"
            "Oct. 17, 2016: Iraqi forces launch an offensive to retake Mosul.\n"
            "2004: Detained by US forces at Camp Bucca.")
    found = [(m.type, m.date.value, m.summary) for m in mentions(text, date(2019, 10, 27))]
    assert found == [("capture", "2014-06-10", "Islamic State fighters seize Mosul."),
                     ("declaration", "2014-06-29", "The group declares a caliphate."),
                     # "launch" takes its kind from the offensive it launches
                     ("attack", "2016-10-17", "Iraqi forces launch an offensive to retake Mosul."),
                     ("capture", "2004", "Detained by US forces at Camp Bucca.")]


def test_a_base_form_after_to_or_a_modal_tells_no_event():
    text = ("In 2014 the group vowed to seize Baghdad. The US did not sign the treaty in 1999. "
            "In 2011, US troops withdraw from Iraq.")
    assert [(m.type, m.date.value) for m in mentions(text, date(2019, 10, 27))] == [("withdrawal", "2011")]


def test_a_recalled_story_is_dated_from_the_times_it_gives_even_before_any_event():
    text = ("In 2014, the group swept across northern Iraq. In June of that year, it seized Mosul. "
            "Two months later, its fighters attacked Sinjar. By December 2017, Iraq had declared victory.")
    found = [(m.type, m.date.value, m.summary) for m in mentions(text, date(2024, 5, 14))]
    assert found == [("capture", "2014-06", "It seized Mosul."),
                     ("attack", "2014-08", "Its fighters attacked Sinjar."),
                     ("declaration", "2017-12", "Iraq had declared victory.")]


def test_an_event_told_in_the_past_on_the_weekday_after_the_report_is_the_one_gone_by():
    # a Saturday report: "on Sunday" with a past verb is six days before, not tomorrow
    text = ("Gunmen abducted three engineers in Kirkuk on Sunday, police said. "
            "The minister will visit Kirkuk on Sunday.")
    found = [(m.type, m.date.value) for m in mentions(text, date(2019, 3, 23))]
    assert found == [("attack", "2019-03-17")]


def test_a_time_of_no_named_day_dates_no_event():
    text = ("On Monday, militants attacked the village at night. "
            "The group keeps mounting night-time assaults in remote areas. "
            "The hangings took place on Tuesday.")
    found = [(m.type, m.date.value) for m in mentions(text, date(2024, 1, 10))]
    assert found == [("attack", "2024-01-08"), ("killing", "2024-01-09")]


def test_a_clause_joined_by_but_is_not_part_of_the_event_before_it():
    text = "Islamic State has been weakened since its defeat in 2017 but still carries out sporadic attacks."
    (m,) = mentions(text, date(2023, 12, 28))
    # the subordinate clause alone ("since its defeat") is too short to stand as the summary,
    # and the clause after "but" is not part of it: the sentence is told whole
    assert m.summary == ("Islamic State has been weakened since its defeat but still carries out "
                         "sporadic attacks.")


def test_a_claim_of_an_event_the_sentence_dates_stays_a_claim_that_follows_it():
    text = ("Islamic State claimed responsibility on Thursday for two explosions that killed nearly 100 "
            "people at a ceremony in Kerman on Wednesday.")
    claim, killing = mentions(text, date(2024, 1, 4))
    assert (claim.type, claim.date.value, claim.follows) == ("claim", "2024-01-04", killing.id)
    assert (killing.type, killing.date.value) == ("killing", "2024-01-03")


def test_the_time_a_superlative_measures_from_dates_no_event():
    text = ("It was the deadliest attack in Iran since the 1979 Islamic Revolution. "
            "It was the worst violence since 2017.")
    assert mentions(text, date(2024, 1, 4)) == ()
