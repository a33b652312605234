"""What a render kept from the last one in the same process may reuse."""

from __future__ import annotations

from sitegen.model import Entity, EntityKind
from sitegen.render.incremental import RenderMemory, same_entities


def test_equal_entities_are_taken_from_the_last_render_and_changed_ones_are_not():
    memory = RenderMemory()
    first = {"mosul": Entity("mosul", EntityKind.PLACE, "Mosul"),
             "abadi": Entity("abadi", EntityKind.PERSON, "Haider al-Abadi")}
    same_entities(first, memory)
    again = {"mosul": Entity("mosul", EntityKind.PLACE, "Mosul"),
             "abadi": Entity("abadi", EntityKind.PERSON, "Haidar al-Abadi"),  # respelled
             "hit": Entity("hit", EntityKind.PLACE, "Hit", parent="anbar")}
    same_entities(again, memory)
    assert again["mosul"] is first["mosul"]  # equal: the page records compare it by identity
    assert again["abadi"].name == "Haidar al-Abadi" and again["abadi"] is not first["abadi"]
    assert again["hit"].parent == "anbar"
    assert memory.entities is again
