"""Events from clusters of mentions: date, type, title, places, actors and source count."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitegen.extract.entities import DEMONYM, REFERENCE, Gazetteer
from sitegen.merge.cluster import Cluster
from sitegen.merge.ids import event_id
from sitegen.merge.titles import event_title
from sitegen.merge.windows import finest_common
from sitegen.model.entity import EntityKind
from sitegen.model.event import Event, Mention
from sitegen.text.tables import word_list


def _main_place(mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    """The most often named, most specific place of the event (never a point of reference)."""
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    locatives = word_list("gazetteer/locatives.txt")
    for m in mentions:
        for ref in m.entities:
            entity = gazetteer.entities.get(ref.entity_id)
            if entity is None or entity.kind is not EntityKind.PLACE or ref.role in (REFERENCE, DEMONYM):
                continue
            before = m.sentence_text[:max(0, ref.start - m.sentence.start)].split()
            located = any(w.lower() in locatives for w in before[-2:])  # "in northeast Syria"
            counts[ref.entity_id] += 2 if located else 1
            order.setdefault(ref.entity_id, len(order))
    if not counts:
        return None
    return max(counts, key=lambda p: (len(gazetteer.ancestors(p)) > 1, counts[p],
                                      len(gazetteer.ancestors(p)), -order[p]))


def _memo_key(cluster: Cluster, group_of: dict[str, int]) -> tuple:
    """What an event is built from: its mentions (the very objects, which a process keeps
    between merges while their articles are unchanged) and which of its articles are
    reprints of one another."""
    labels: dict[int, int] = {}
    core, articles = cluster.made_of()
    if cluster.followers:
        articles = tuple(dict.fromkeys((*articles, *(m.article_id for m in cluster.followers))))
    return (core, tuple(id(m) for m in cluster.followers),
            tuple(labels.setdefault(group_of.get(a, hash(a)), len(labels)) for a in articles))


def build_event(cluster: Cluster, gazetteer: Gazetteer, group_of: dict[str, int], taken: set[str],
                memo: tuple[dict, dict] | None = None) -> Event:
    """The event of `cluster`, with an id not in `taken` (which it joins). `memo`, kept
    between merges in one process with one gazetteer, is the events the last merge built
    and the table this one fills: an unchanged cluster gives back the very same Event
    object, so pages that show it need not be rendered again (see
    `sitegen.render.incremental`)."""
    if memo is None:
        return _build_event(cluster, gazetteer, group_of, taken)[0]
    last, fresh = memo
    key = _memo_key(cluster, group_of)
    known = last.get(key)
    if known is None:
        event, naming = _build_event(cluster, gazetteer, group_of, taken)
    else:
        event, naming = known
        new_id = event_id(*naming, taken)
        if new_id != event.id:
            event = replace(event, id=new_id)
    fresh[key] = (event, naming)
    return event


def _build_event(cluster: Cluster, gazetteer: Gazetteer, group_of: dict[str, int],
                 taken: set[str]) -> tuple[Event, tuple[str, str, str | None]]:
    core = [e.mention for e in cluster.core]
    date, conflict_idx = finest_common([m.date for m in core])
    conflicts = tuple(core[i].id for i in conflict_idx)
    lead = min(core, key=lambda m: (m.date.precision.rank, m.role != "report", -len(m.entities)))
    types = Counter(m.type for m in core)
    type_ = lead.type if types[lead.type] == max(types.values()) else types.most_common(1)[0][0]
    mentions = sorted(cluster.mentions, key=lambda m: (m.article_id, m.sentence.start, m.timex.start))
    place = _main_place(core, gazetteer)
    place_name = gazetteer.entities[place].name if place else None
    if place_name is None:
        named_orgs = [r.entity_id for m in core for r in m.entities if r.entity_id in gazetteer.entities
                      and gazetteer.entities[r.entity_id].kind is EntityKind.ORGANIZATION]
        place_name = Counter(named_orgs).most_common(1)[0][0] if named_orgs else None
    people: dict[str, None] = {}
    places: dict[str, None] = {}
    orgs: dict[str, None] = {}
    for m in mentions:
        for ref in m.entities:
            entity = gazetteer.entities.get(ref.entity_id)
            kind = entity.kind if entity else EntityKind.PERSON
            if kind is EntityKind.PERSON:
                people[ref.entity_id] = None
            elif kind is EntityKind.ORGANIZATION:
                orgs[ref.entity_id] = None
            elif ref.role not in (REFERENCE, DEMONYM):
                places[ref.entity_id] = None
    modality = "happened" if any(m.modality == "happened" for m in core) else lead.modality
    articles = list(dict.fromkeys(m.article_id for m in mentions))
    groups = {group_of.get(a, hash(a)) for a in articles}
    naming = (date.value, type_, place_name)
    return Event(
        id=event_id(*naming, taken),
        title=event_title(core, lead, type_, place, gazetteer),
        summary=lead.summary, type=type_, date=date, mentions=tuple(mentions),
        people=tuple(people), places=tuple(places), organizations=tuple(orgs), modality=modality,
        conflicts=conflicts, independent_sources=len(groups)), naming


def sort_key(event: Event) -> tuple:
    """By first possible day, coarse before fine (a year opens its year), then last day."""
    return (event.date.start, -event.date.precision.rank, event.date.end, event.id)
