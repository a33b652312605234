"""Assemble the whole model (Timeline) from articles, their analyses, merged events and eras."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sitegen.kept import kept
from sitegen.model import Analysis, Article, Entity, Era, Event, Timeline


def build_timeline(
    articles: Iterable[Article],
    analyses: Mapping[str, Analysis],
    events: Iterable[Event],
    undated: Iterable[Event],
    entities: Mapping[str, Entity],
    eras: Iterable[Era] = (),
    named: dict[int, tuple[Analysis, frozenset[str]]] | None = None,
) -> Timeline:
    """Keep the entities the corpus actually mentions (and the places containing them).
    `named`, kept by a process that builds again and again, holds the ids each analysis
    names, by the analysis's identity; it is left holding this corpus's only."""
    events, undated = tuple(events), tuple(undated)
    used: set[str] = set()
    last = named.copy() if named is not None else {}
    fresh = named if named is not None else {}
    fresh.clear()
    for analysis in analyses.values():
        used |= kept(last, fresh, analysis, lambda a: frozenset(ref.entity_id for ref in a.entities))
    for event in events + undated:
        used.update(event.people)
        used.update(event.places)
        used.update(event.organizations)
    for entity_id in list(used):  # a place page links to the places that contain it
        parent = entities[entity_id].parent if entity_id in entities else None
        while parent and parent in entities and parent not in used:
            used.add(parent)
            parent = entities[parent].parent
    redirects = {alias: e.id for e in events + undated for alias in e.aliases if alias != e.id}
    return Timeline(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        analyses=dict(sorted(analyses.items())),
        events=events,
        entities={k: entities[k] for k in sorted(used) if k in entities},
        eras=tuple(sorted(eras, key=lambda e: e.start)),
        undated=undated,
        redirects=redirects,
    )
