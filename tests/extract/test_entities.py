"""Entities: every name of an organisation or place resolves to one id; people are found by
pattern with their title kept as a role; the corpus's entities.yml adds names and reports
its mistakes with file and line."""

from pathlib import Path

from sitegen.extract.entities import check_entities, find_entities, load_gazetteer
from sitegen.text.sentences import segment
from tests.extract.helpers import gazetteer


def refs(text: str, gaz=None):
    spans, _ = segment(text)
    return [(r.text, r.entity_id, r.role) for r in find_entities(text, spans, gaz or gazetteer())]


def test_aliases_of_the_islamic_state_resolve_to_one_entity():
    for name in ("ISIS", "ISIL", "Daesh", "IS", "Islamic State", "the Islamic State group"):
        assert gazetteer().lookup(name) == "islamic-state", name


def test_aliases_of_central_command_and_salahuddin():
    for name in ("Centcom", "CENTCOM", "US Central Command", "the US military's Middle East Command"):
        assert gazetteer().lookup(name) == "us-central-command", name
    for name in ("Salahuddin", "Salahaddin", "Salah al-Din"):
        assert gazetteer().lookup(name) == "salahuddin", name


def test_places_know_what_contains_them():
    assert gazetteer().ancestors("hit") == ("hit", "anbar", "iraq")


def test_titles_and_ranks_are_roles_not_names():
    found = refs("Brig. Gen. Ahmed al-Lami was killed near Hit. Maj Gen Tahseen Al Khafaji spoke.")
    assert ("Ahmed al-Lami", "ahmed-al-lami", "brigadier general") in found
    assert ("Tahseen Al Khafaji", "tahseen-al-khafaji", "major general") in found


def test_a_role_after_the_name_marks_a_person_and_a_later_surname_joins_them():
    found = refs("Yehia Rasool, spokesperson for the commander-in-chief, confirmed the death. "
                 "According to Rasool, the ambush took place in Hit.")
    assert ("Yehia Rasool", "yehia-rasool", "spokesperson") in found
    assert ("Rasool", "yehia-rasool", None) in found


def test_a_place_named_as_a_reference_point_is_marked():
    found = refs("The checkpoint is in the city of Hit, 180km northwest of Baghdad.")
    assert ("Hit", "hit", None) in found
    assert ("Baghdad", "baghdad", "reference") in found


def test_entities_yml_adds_aliases(tmp_path: Path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - id: michael-kurilla\n    kind: person\n    name: Michael Erik Kurilla\n"
        "    aliases: [Erik Kurilla, Michael Kurilla]\n", encoding="utf-8")
    gaz = load_gazetteer(tmp_path)
    found = refs("Centcom chief Gen. Erik Kurilla said so.", gaz)
    assert ("Erik Kurilla", "michael-kurilla", "general") in found


def test_entities_yml_problems_name_file_and_line(tmp_path: Path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - id: x\n    kind: person\n    name: X\n  - id: y\n    kind: planet\n    name: Y\n",
        encoding="utf-8")
    problems = check_entities(tmp_path)
    assert [(Path(p.path).name, p.line) for p in problems] == [("entities.yml", 5)]
    assert "planet" in problems[0].message


def test_a_town_name_inside_a_persons_name_is_not_the_town():
    found = refs("Islamic State leader Abu Bakr al-Baghdadi declared a caliphate in Mosul.")
    assert ("Mosul", "mosul", None) in found
    assert not any(eid == "baghdadi" for _, eid, _ in found)
