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

    def era_of(self, event: Event) -> Era | None:
        """The era holding the event's first possible day, or None (it still appears)."""
        if event.date.start is None:
            return None
        return next((era for era in self.eras if era.holds(event.date.start)), None)
