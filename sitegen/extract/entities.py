"""Entities in an article: gazetteer names, demonyms and people found by pattern.

`load_gazetteer` and `check_entities` are re-exported here: this is the module other
stages import for entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from sitegen.extract.gazetteer import Gazetteer, check_entities, load_gazetteer
from sitegen.extract.names import slugify
from sitegen.extract.people import find_people, role_before
from sitegen.model.entity import EntityKind, EntityRef
from sitegen.model.text import Span
from sitegen.text.scan import matches_by_span

__all__ = ["Gazetteer", "check_entities", "find_entities", "load_gazetteer", "person_id"]

REFERENCE = "reference"  # EntityRef.role of a place named only as a point of reference
DEMONYM = "demonym"


def person_id(name: str, gazetteer: Gazetteer) -> str:
    """The id of a person: the gazetteer's when the name is known there, else the name's slug."""
    return gazetteer.lookup(name) or slugify(name)


@cache
def _cues(cues: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The cues as one alternation when they allow it (same flags, no group references)."""
    if len({c.flags for c in cues}) != 1 or any(c.groupindex or re.search(r"\\\d", c.pattern) for c in cues):
        return cues
    try:
        return (re.compile("|".join(f"(?:{c.pattern})" for c in cues), cues[0].flags),)
    except re.error:
        return cues


def find_entities(text: str, sentences: list[Span], gazetteer: Gazetteer) -> list[EntityRef]:
    """Every entity occurrence inside the sentences, in text order.

    Places named only as a point of reference ("west of Baghdad") get role "reference";
    adjectives of nationality ("Iraqi forces") get role "demonym".
    """
    refs: list[EntityRef] = []
    assert gazetteer.matcher is not None
    names, entities, demonyms = gazetteer.names, gazetteer.entities, gazetteer.demonyms
    cues = _cues(gazetteer.reference_cues)
    place, person = EntityKind.PLACE, EntityKind.PERSON
    for sentence, matches in zip(sentences, matches_by_span(gazetteer.matcher, text, sentences), strict=True):
        taken: list[tuple[int, int]] = []
        for m in matches:
            surface = m.group()
            start, end = m.span()
            compound = text[end:end + 1] == "-" and text[end + 1:end + 2].islower()
            if compound and names.get(surface) and entities[names[surface]].kind is place:
                # "US-backed", "Iranian-led": the place qualifies someone, nothing happens there
                refs.append(EntityRef(names[surface], start, end, surface, DEMONYM))
            elif surface in demonyms:
                refs.append(EntityRef(demonyms[surface], start, end, surface, DEMONYM))
            else:
                eid = names[surface]
                if entities[eid].kind is person:
                    role = role_before(text[max(0, start - 80):start], gazetteer)[1]
                else:
                    before = text[max(0, start - 60):start]
                    role = REFERENCE if any(cue.search(before) for cue in cues) else None
                refs.append(EntityRef(eid, start, end, surface, role))
            taken.append((start, end))
        for found in find_people(text, sentence.start, sentence.end, gazetteer, taken):
            refs.append(EntityRef(person_id(found.name, gazetteer), found.start, found.end,
                                  found.name, found.role))
    return _resolve_surnames(text, sentences, sorted(refs, key=lambda r: r.start), gazetteer)


def _resolve_surnames(text: str, sentences: list[Span], refs: list[EntityRef],
                      gazetteer: Gazetteer) -> list[EntityRef]:
    """Later mentions by surname ("Rasool", "Mr Hitchen", "Col Wassak") join the full name."""
    full = {}
    for ref in refs:
        parts = ref.text.split()
        entity = gazetteer.entities.get(ref.entity_id)
        if len(parts) >= 2 and (entity is None or entity.kind.value == "person"):
            full.setdefault(parts[-1], ref.entity_id)
    out: list[EntityRef] = []
    for ref in refs:
        unknown = ref.entity_id not in gazetteer.entities
        if " " not in ref.text and unknown and ref.entity_id == slugify(ref.text):
            if ref.text not in full:
                continue  # a lone word after a title that names no one found in full
            ref = EntityRef(full[ref.text], ref.start, ref.end, ref.text, ref.role)
        out.append(ref)
    if not full:
        return out
    covered = [(r.start, r.end) for r in out]
    hits = _surname_hits(text, full)
    starts = [h[0] for h in hits]
    for sentence in sentences:
        at = bisect_left(starts, sentence.start)
        last_end = sentence.start
        while at < len(hits) and hits[at][0] < sentence.end:
            begin, options = hits[at]
            at += 1
            if begin < last_end:
                continue
            # the first name (in table order) that fits here, as an alternation would choose
            fit = next(((finish, surname) for finish, surname in options if finish == sentence.end
                        or finish < sentence.end and not _wordish(text[finish])), None)
            if fit is None:
                continue
            finish, surname = fit
            last_end = finish
            if not any(s <= begin < e for s, e in covered):
                out.append(EntityRef(full[surname], begin, finish, surname))
    return sorted(out, key=lambda r: r.start)


def _wordish(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _surname_hits(text: str, full: dict[str, str]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Where each surname is written with no word character or hyphen before it: by start,
    the (end, surname) candidates in the order of `full`."""
    found: dict[int, list[tuple[int, str]]] = {}
    for surname in full:
        at = text.find(surname)
        while at != -1:
            if at == 0 or not _wordish(text[at - 1]):
                found.setdefault(at, []).append((at + len(surname), surname))
            at = text.find(surname, at + 1)
    return sorted(found.items())
