"""Event mentions (one article's sentence reporting something dated) and merged events."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.model.entity import EntityRef
from sitegen.model.text import Span
from sitegen.model.time import DateValue, Timex


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty (or other) count as one source reports it; never averaged with others.

    `min`/`max` bound the number ("at least 15" -> 15, None; "3,000 to 5,000" -> 3000, 5000;
    "four soldiers" -> 4, 4). `text` is the words as reported, at `start:end` in the article.
    """

    kind: str  # killed, wounded, captured, missing, displaced, fighters, troops
    min: int
    max: int | None
    qualifier: str | None
    group: str | None
    text: str
    start: int
    end: int
    claimed_by: str | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "min": self.min, "max": self.max, "qualifier": self.qualifier,
                "group": self.group, "text": self.text, "start": self.start, "end": self.end,
                "claimed_by": self.claimed_by}


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's report of an event: the supporting sentence, its time expression, the
    date this mention itself supports, what happened, who and where.

    `id` is `<article id>/<sentence start>-<timex start>`, stable across rebuilds.
    `modality`: happened, claimed, announced, planned, reported.
    `role`: "report" (the article's news) or "recall" (background history).
    `follows`: a claim of responsibility or confirmation belongs to the event it responds to,
    whatever its own date; merge joins it there without letting it move the event's date.
    """

    id: str
    article_id: str
    sentence: Span
    sentence_text: str
    timex: Timex
    date: DateValue
    type: str
    summary: str
    modality: str = "happened"
    claimed_by: str | None = None
    trigger: str | None = None
    entities: tuple[EntityRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    role: str = "report"
    anchor: str | None = None  # what a relative date was resolved against, for audit
    follows: str | None = None  # id of the mention this one responds to (a claim, a confirmation)
    trigger_start: int | None = None  # where `trigger` starts in the article's text

    @property
    def trigger_at(self) -> int | None:
        """Where the trigger starts in `sentence_text` (None when the mention has none)."""
        return None if self.trigger_start is None else self.trigger_start - self.sentence.start


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event, merged from every mention of it across sources.

    `date` is the most precise date compatible with all mentions; mentions whose own
    date contradicts it are listed in `conflicts` (by mention id), not hidden.
    `aliases` keeps ids this event had before a merge, so old URLs can redirect.
    """

    id: str
    title: str
    summary: str
    type: str
    date: DateValue
    mentions: tuple[Mention, ...]
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    modality: str = "happened"
    conflicts: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # editorial notes from corrections
    independent_sources: int = 0
    # ids of the articles that report this event, in order of first mention: kept, not
    # recomputed, as pages and indexes ask for them once per source of an event many recall
    articles: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(dict.fromkeys(m.article_id for m in self.mentions)))

    @property
    def figures(self) -> tuple[tuple[Mention, Figure], ...]:
        return tuple((m, f) for m in self.mentions for f in m.figures)

    @property
    def disputed(self) -> bool:
        """True when sources give different figures of the same kind, or dates conflict."""
        if self.conflicts:
            return True
        seen: dict[str, set[tuple[int, int | None]]] = {}
        for _, f in self.figures:
            seen.setdefault(f.kind, set()).add((f.min, f.max))
        return any(len(v) > 1 for v in seen.values()) and len(self.articles) > 1
