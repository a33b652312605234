"""Casualty figures as each source reports them: qualifier, bounds and group."""

from sitegen.extract.figures import find_figures


def figures(text: str):
    return [(f.kind, f.min, f.max, f.qualifier, f.group) for f in find_figures(text, 0, len(text))]


def test_open_ended_and_exact_counts():
    assert figures("At least 15 people were killed.") == [("killed", 15, None, "at least", "people")]
    assert figures("Four soldiers were killed.") == [("killed", 4, 4, None, "soldiers")]


def test_a_range_of_fighters_is_a_strength_not_a_toll():
    assert figures("There were between 3,000 and 5,000 ISIS fighters.") == [
        ("fighters", 3000, 5000, "between", "fighters")]


def test_a_count_after_a_killing_verb_and_approximate_wounded():
    assert figures("ISIS opened fire on a bus, killing at least 28 Syrian soldiers.") == [
        ("killed", 28, None, "at least", "Syrian soldiers")]
    assert figures("At least 91 people were killed and about 300 wounded.") == [
        ("killed", 91, None, "at least", "people"), ("wounded", 300, 300, "about", None)]


def test_deaths_of_operatives_and_vague_quantities():
    assert figures("The raid resulted in the deaths of 14 ISIS operatives.") == [
        ("killed", 14, 14, None, "militants")]
    assert figures("Dozens of civilians were wounded.") == [("wounded", 12, None, "dozens of", "civilians")]


def test_years_and_money_are_not_counts():
    assert figures("In 2017 the U.S. offered a $5 million reward.") == []


def test_members_of_a_named_body_are_that_body_s_members_not_militants():
    assert figures("Militants killed three members of the Popular Mobilisation Forces.") == [
        ("killed", 3, 3, None, "members of the Popular Mobilisation Forces")]
    # members of the group itself are its militants, however it is named
    assert figures("Troops killed 14 members of Islamic State.") == [("killed", 14, 14, None, "militants")]
    assert figures("Troops killed 14 ISIS members.") == [("killed", 14, 14, None, "militants")]


def test_members_of_any_body_counted_before_the_casualty_word():
    assert figures("Six members of a convoy were killed.") == [("killed", 6, 6, None, "members of a convoy")]
