"""Event titles read like a current-events list (who did what where) and say nothing the
mentions do not: no actor, place or count that no source states."""

from datetime import date

from sitegen.merge import merge
from sitegen.merge.titles import clause_title
from tests.extract.helpers import analysis, article, gazetteer

MAY_15 = date(2024, 5, 15)


def title(*texts: str, published: date = MAY_15) -> str:
    ids = [f"a{i}" for i in range(len(texts))]
    articles = [article(t, published, i) for i, t in zip(ids, texts, strict=True)]
    analyses = [analysis(t, published, i) for i, t in zip(ids, texts, strict=True)]
    (event,) = merge(analyses, articles, gazetteer()).events
    return event.title


def test_an_attack_with_a_toll_names_the_actor_the_place_and_the_count():
    assert title("ISIS militants attacked an army post in Hit on Monday. At least 15 soldiers died.") \
        == "ISIS attack in Hit kills at least 15 soldiers"


def test_a_killing_says_who_killed_whom_where():
    assert title("ISIS militants attacked an army post in Hit on Monday, killing at least 15 soldiers.") \
        == "ISIS kills at least 15 soldiers in Hit"


def test_small_counts_are_spelled_out_and_wounded_are_added():
    assert title("ISIS attacked a checkpoint near Tikrit on Monday. Four soldiers were killed "
                 "and 12 were wounded.") == "ISIS attack near Tikrit kills four soldiers and wounds 12 people"


def test_a_place_between_two_others_is_said_as_written():
    assert title("Islamic State claimed responsibility on Tuesday for an attack on Monday in a rural area "
                 "between Diyala and Salahuddin provinces that killed five soldiers.") \
        == "Islamic State claims attack between Diyala and Salahuddin that killed five soldiers"


def test_a_nationality_before_the_event_noun_says_whose_raid_it_was():
    assert title("The US military raid on Monday in Anbar province killed 14 militants.") \
        == "US raid in Anbar province kills 14 militants"


def test_no_actor_is_invented_when_the_sentence_names_none():
    assert title("An attack on an army post in Hit on Monday killed three soldiers.") \
        == "Three soldiers killed in Hit"
    assert title("A car bomb exploded in a market in Kirkuk on Monday. Nine people died.") \
        == "Bombing in Kirkuk kills nine people"


def test_the_one_who_suffers_a_passive_verb_is_not_the_actor():
    got = title("ISIS fighters were attacked in Hit on Monday, and six of them were killed.")
    assert not got.startswith("ISIS attack")


def test_without_enough_parts_the_clause_is_the_title_without_its_attribution():
    assert clause_title("The attack took place in a rural area between Diyala and Salahuddin provinces, "
                        "the government said.") \
        == "The attack took place in a rural area between Diyala and Salahuddin provinces"
    assert clause_title("Iraq declared victory over ISIS, the prime minister said on Saturday.") \
        == "Iraq declared victory over ISIS"


def test_a_long_clause_is_cut_at_a_clause_boundary():
    assert clause_title("The group claimed responsibility for two suicide bombings in Iran as thousands of "
                        "mourners gathered to mark the anniversary of a general's death.") \
        == "The group claimed responsibility for two suicide bombings in Iran"


def test_a_quotation_goes_under_its_speakers_name():
    said = "“Their finances are drying up,” Mark Hughes, UK ambassador to Iraq, told Congress."
    assert clause_title(said) == "Mark Hughes: “Their finances are drying up”"


def test_a_vague_count_stays_in_words():
    assert title("Militants attacked a village near Tikrit on Monday. Dozens of civilians were killed.") \
        == "Attack near Tikrit kills dozens of civilians"


def test_a_place_that_qualifies_a_noun_is_where_the_event_was():
    assert title("A car bomb exploded in a Baghdad market on Monday. Twenty people were killed.") \
        == "Bombing in Baghdad kills 20 people"


def test_a_claim_is_titled_as_a_claim():
    assert title("ISIS claimed responsibility on Tuesday for a bombing in Kirkuk on Monday that killed "
                 "eight people.") == "ISIS claims bombing in Kirkuk that killed eight people"


def test_the_actor_is_found_before_the_trigger_the_date_dates_not_another_use_of_the_word():
    # "attacked" twice: the date goes with the first, whose subject is ISIS
    assert title("ISIS attacked a checkpoint near Tikrit on Monday as Iraqi forces attacked villages.") \
        == "ISIS attack near Tikrit"


def test_what_a_speaker_said_stays_in_the_title_of_the_statement():
    text = "Gen. Abdulamir Yarallah, the commander, said on Sunday that troops had reached the Tigris."
    assert title(text) == "Gen. Abdulamir Yarallah, the commander, said that troops had reached the Tigris"


def test_the_owner_of_the_object_is_not_the_actor():
    text = ("Iraqi forces killed the Islamic State group's top commander in Kirkuk in an air strike on "
            "Monday. Four other militants were also killed.")
    assert title(text) == "Attack in Kirkuk kills four militants"
    # the owner of the subject is
    assert title("Islamic State's fighters attacked a checkpoint in Kirkuk on Monday.") \
        == "Islamic State attack in Kirkuk"
