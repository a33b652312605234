"""What a mention says beyond its date: the class of its type, its places (with the places
containing them), actors, speaker, whether it counts many events ("28 attacks"), and its
content words. Merge compares these to decide whether two mentions are one event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.extract.entities import DEMONYM, REFERENCE, Gazetteer
from sitegen.extract.figures import vocabulary
from sitegen.extract.triggers import lexicon
from sitegen.model.entity import EntityKind
from sitegen.model.event import Mention
from sitegen.text.tables import compile_pattern, read_rows, resource

_AGGREGATE = 3  # "28 attacks", "three raids": a count of events, not one event


@dataclass(frozen=True)
class Evidence:
    """The comparable facts of one mention."""

    mention: Mention
    kind: str
    places: frozenset[str]  # places named, with every place containing them
    specific: frozenset[str]  # places below country level, as named
    actors: frozenset[str]  # organisations and people
    people: frozenset[str]
    speaker: str | None
    aggregate: bool
    words: frozenset[str]
    introduced: bool = False  # the article presents it as another event ("Separately, a bomb ...")


@cache
def _count_before() -> re.Pattern[str]:
    numbers = "|".join(re.escape(w) for w in vocabulary().numbers)
    # "28 attacks", "three raids", "1,200 raids"; not the "3," of "September 3, an attack"
    return re.compile(rf"\b(\d+(?:,\d{{3}})*|{numbers}|dozens of|scores of|hundreds of)\s+(?:[\w-]+\s+)?$",
                      re.IGNORECASE)


def _is_aggregate(mention: Mention) -> bool:
    if not mention.trigger:
        return False
    at = mention.trigger_at
    m = _count_before().search(mention.sentence_text[:at]) if at is not None else None
    if not m:
        return False
    word = m.group(1).lower().replace(",", "")
    count = int(word) if word.isdigit() else vocabulary().numbers.get(word, _AGGREGATE)
    return count >= _AGGREGATE


@cache
def _distinct_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = []
    for row in read_rows(resource("events", "distinct.tsv"), 3, 3):
        name, where, regex = row.fields
        if where not in ("sentence", "before"):
            raise row.fail(f"where must be 'sentence' or 'before', not {where!r}")
        rules.append((where, compile_pattern(row, regex, re.IGNORECASE)))
    return tuple(rules)


def _introduced(mention: Mention) -> bool:
    """True when the sentence presents the event as a new one."""
    text = mention.sentence_text
    at = mention.trigger_at
    for where, pattern in _distinct_rules():
        if where == "sentence" and pattern.search(text):
            return True
        if where == "before" and at is not None:
            before = text[:at]
            clause = before[before.rfind(",") + 1:]
            if pattern.search(clause):
                return True
    return False


def evidence(mention: Mention, gazetteer: Gazetteer) -> Evidence:
    places: set[str] = set()
    specific: set[str] = set()
    actors: set[str] = set()
    people: set[str] = set()
    inside = [r for r in mention.entities if mention.sentence.start <= r.start < mention.sentence.end]
    own_places = {r.entity_id for r in inside if r.role not in (REFERENCE, DEMONYM)
                  and gazetteer.place_kinds.get(r.entity_id) not in ("country", None)}
    for ref in mention.entities:
        entity = gazetteer.entities.get(ref.entity_id)
        kind = entity.kind if entity else EntityKind.PERSON
        if kind is EntityKind.PLACE:
            if ref.role == REFERENCE:
                continue
            if ref not in inside and own_places and not any(
                    p in gazetteer.ancestors(ref.entity_id) or ref.entity_id in gazetteer.ancestors(p)
                    for p in own_places):
                continue  # a later sentence's place that is not where the mention put the event
            places.update(gazetteer.ancestors(ref.entity_id))
            if ref.role != DEMONYM and gazetteer.place_kinds.get(ref.entity_id) not in ("country", None):
                specific.add(ref.entity_id)
        else:
            actors.add(ref.entity_id)
            if kind is EntityKind.PERSON:
                people.add(ref.entity_id)
    words = frozenset(w for w in re.findall(r"[a-z]{4,}", mention.summary.lower()))
    # a speaker counts only when named as an entity: "officials" and "the ministry" may be anyone
    named = {r.entity_id for r in mention.entities}
    speaker = mention.claimed_by if mention.claimed_by in named else None
    return Evidence(mention, lexicon().type_class(mention.type), frozenset(places), frozenset(specific),
                    frozenset(actors), frozenset(people), speaker, _is_aggregate(mention), words,
                    _introduced(mention))


def place_conflict(a: Evidence, b: Evidence, gazetteer: Gazetteer) -> bool:
    """True when both name places below country level and none contains or equals another."""
    if not a.specific or not b.specific:
        return False
    for x in a.specific:
        for y in b.specific:
            if x in gazetteer.ancestors(y) or y in gazetteer.ancestors(x):
                return False
    return True
