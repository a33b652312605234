"""The whole model of a chronology: articles, events, entities and eras, with indexes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitegen.model.article import Analysis, Article
from sitegen.model.entity import Entity
from sitegen.model.event import Event


@dataclass(frozen=True, slots=True)
class Era:
    """A named period set by the editor; `end` None means it is still going on."""

    id: str
    title: str
    start: date
    end: date | None = None
    summary: str = ""

    def holds(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Timeline:
    """Everything a site is rendered from. Events are sorted; undated ones are kept apart."""

    articles: tuple[Article, ...]
    analyses: dict[str, Analysis]
    events: tuple[Event, ...]
    entities: dict[str, Entity]
    eras: tuple[Era, ...] = ()
    undated: tuple[Event, ...] = ()
    redirects: dict[str, str] = field(default_factory=dict)  # old event id -> current id

    def article(self, article_id: str) -> Article:
        return self._articles_by_id[article_id]

    @property
    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def events_for(self, entity_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events
                     if entity_id in e.people or entity_id in e.places or entity_id in e.organizations)

    def events_from(self, article_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if article_id in e.articles)

    def era_of(self, event: Event) -> Era | None:
        """The era holding the event's first possible day, or None (it still appears)."""
        if event.date.start is None:
            return None
        return next((era for era in self.eras if era.holds(event.date.start)), None)
