"""Values a long-running process keeps between runs, by the identity of their source objects."""

from __future__ import annotations

from sitegen.kept import kept


class Source:
    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other):  # equal objects are still other objects
        return isinstance(other, Source) and other.text == self.text

    __hash__ = None


def test_a_value_is_made_again_only_for_another_object():
    made = []

    def make(obj):
        made.append(obj.text)
        return obj.text.upper()

    one, two = Source("mosul"), Source("raqqa")
    last: dict = {}
    first: dict = {}
    assert [kept(last, first, s, make) for s in (one, two)] == ["MOSUL", "RAQQA"]
    again: dict = {}
    equal = Source("mosul")  # an equal object, not the same one: a new article parsed again
    assert kept(first, again, one, make) == "MOSUL"
    assert kept(first, again, equal, make) == "MOSUL"
    assert made == ["mosul", "raqqa", "mosul"]
    # the next run keeps what this one asked for, and only that
    assert {id(source) for source, _ in again.values()} == {id(one), id(equal)}
