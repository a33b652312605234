"""People, places and organisations, and their occurrences in text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity with every name it goes by.

    `parent` is the id of the containing place (Hit -> Anbar -> Iraq) for places.
    `native_names` holds names in other scripts (Arabic) where known.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    native_names: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    description: str = ""

    def to_json(self) -> dict:
        return {
            "id": self.id, "kind": self.kind.value, "name": self.name,
            "aliases": list(self.aliases), "native_names": list(self.native_names),
            "parent": self.parent, "country": self.country, "lat": self.lat, "lon": self.lon,
        }


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An occurrence of an entity in an article's text; `role` keeps a title or rank."""

    entity_id: str
    start: int
    end: int
    text: str
    role: str | None = None
