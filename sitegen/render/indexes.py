"""Lookups the pages need (events by entity, year, era, type and article; neighbours;
co-occurring entities), built in one pass per render instead of a scan per page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sitegen.model import Article, Entity, EntityKind, Era, Event, Timeline
from sitegen.model.article import Analysis


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """Read-only indexes over a timeline; every list keeps chronological order."""

    articles: dict[str, Article]
    entities: dict[str, Entity]  # the timeline's, plus any an event names without defining
    band: dict[str, tuple[Era | None, int | None]]  # dated event id -> its era and year
    by_entity: dict[str, list[Event]]
    by_year: dict[int, list[Event]]
    by_era: dict[str, list[Event]]
    outside_eras: list[Event]
    by_type: dict[str, list[Event]]
    by_article: dict[str, list[Event]]  # dated and undated events an article supports
    event_of_timex: dict[tuple[str, int], str]  # (article id, timex start) -> event id
    cooccurring: dict[str, Counter]  # entity id -> other entity id -> shared events
    analyses: dict[str, Analysis] = field(default_factory=dict)

    # id of a list `neighbours` was asked about -> (the list, each event's place in it)
    places_in: dict[int, tuple[list[Event], dict[str, int]]] = field(default_factory=dict)

    named_by: dict[str, tuple[Entity | None, ...]] = field(default_factory=dict)  # see `entities_of`

    def era_of(self, event: Event) -> Era | None:
        """The era `event` falls in (None: outside every era, or undated)."""
        known = self.band.get(event.id)
        return known[0] if known is not None else None

    def entities_of(self, event: Event) -> tuple[Entity | None, ...]:
        """The entities `event` names, as page records hold them: worked out once per event
        (event ids are unique in a timeline), not once per page that lists it."""
        known = self.named_by.get(event.id)
        if known is None:
            known = self.named_by[event.id] = tuple(self.entities.get(i) for i in entity_ids(event))
        return known

    def neighbours(self, events: list[Event], event: Event) -> tuple[Event | None, Event | None]:
        """The events before and after `event` in `events` (a list holding it, which must
        not change afterwards: where each event is in it is kept)."""
        known = self.places_in.get(id(events))
        if known is None:  # the list is kept with its places, so its id stays its own
            known = self.places_in[id(events)] = (events, {e.id: i for i, e in enumerate(events)})
        at = known[1][event.id]
        return events[at - 1] if at > 0 else None, events[at + 1] if at + 1 < len(events) else None


def entity_ids(event: Event) -> tuple[str, ...]:
    """Every entity an event names, people first, without repeats."""
    return tuple(dict.fromkeys((*event.people, *event.places, *event.organizations)))


def complete_entities(timeline: Timeline) -> dict[str, Entity]:
    """The timeline's entities, plus a stand-in for every id an event names but the timeline
    does not define, named as the text first calls it, so no name is silently dropped."""
    entities = dict(timeline.entities)
    named = (*timeline.events, *timeline.undated)
    missing = {i for e in named for i in (*e.people, *e.places, *e.organizations)} - entities.keys()
    if not missing:  # the usual case: no need to read every name the texts use
        return entities
    longest: dict[str, str] = {}  # the fullest form of each name the texts use
    refs = [r for a in timeline.analyses.values() for r in a.entities]
    refs += [r for e in named for m in e.mentions for r in m.entities]
    for r in refs:
        if r.entity_id in missing and len(r.text) > len(longest.get(r.entity_id, "")):
            longest[r.entity_id] = r.text
    for event in (*timeline.events, *timeline.undated):
        for kind, ids in ((EntityKind.PERSON, event.people), (EntityKind.PLACE, event.places),
                          (EntityKind.ORGANIZATION, event.organizations)):
            for entity_id in ids:
                if entity_id in entities:
                    continue
                name = longest.get(entity_id) or entity_id.replace("-", " ").title()
                entities[entity_id] = Entity(entity_id, kind, name)
    return entities


def build_index(timeline: Timeline) -> SiteIndex:
    """Index `timeline` in one pass over its events."""
    articles = {a.id: a for a in timeline.articles}
    by_entity: dict[str, list[Event]] = {}
    by_year: dict[int, list[Event]] = {}
    by_era: dict[str, list[Event]] = {era.id: [] for era in timeline.eras}
    outside: list[Event] = []
    by_type: dict[str, list[Event]] = {}
    by_article: dict[str, list[Event]] = {}
    event_of_timex: dict[tuple[str, int], str] = {}
    cooccurring: dict[str, Counter] = {}
    band: dict[str, tuple[Era | None, int | None]] = {}
    for event in timeline.events:
        era = timeline.era_of(event)
        (by_era[era.id] if era else outside).append(event)
        year = event.date.start.year if event.date.start is not None else None
        band[event.id] = (era, year)
        if year is not None:
            by_year.setdefault(year, []).append(event)
        by_type.setdefault(event.type, []).append(event)
        ids = entity_ids(event)
        for entity_id in ids:
            listed = by_entity.get(entity_id)
            if listed is None:
                by_entity[entity_id], cooccurring[entity_id] = [event], Counter(ids)
            else:
                listed.append(event)
                cooccurring[entity_id].update(ids)  # itself too: taken out below
    for entity_id, counter in cooccurring.items():
        del counter[entity_id]  # ids have no repeats: the others keep the order they came in
    for event in timeline.undated:
        by_type.setdefault(event.type, []).append(event)
    for event in (*timeline.events, *timeline.undated):
        for article_id in event.articles:
            by_article.setdefault(article_id, []).append(event)
        for mention in event.mentions:
            event_of_timex.setdefault((mention.article_id, mention.timex.start), event.id)
    return SiteIndex(articles, complete_entities(timeline), band, by_entity, by_year, by_era,
                     outside, by_type, by_article, event_of_timex, cooccurring, dict(timeline.analyses))
