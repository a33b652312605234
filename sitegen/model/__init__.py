"""The data model: frozen dataclasses only, no I/O and no imports from the stages."""

from sitegen.model.article import Analysis, Article, Block
from sitegen.model.entity import Entity, EntityKind, EntityRef
from sitegen.model.event import Event, Figure, Mention
from sitegen.model.text import Span
from sitegen.model.time import DateValue, Precision, Timex
from sitegen.model.timeline import Era, Timeline

__all__ = [
    "Analysis", "Article", "Block", "DateValue", "Entity", "EntityKind", "EntityRef", "Era", "Event",
    "Figure", "Mention", "Precision", "Span", "Timeline", "Timex",
]
