"""Rendering again only the pages an edit changed.

A page's output is a function of its template, its context and what its `deps` say it reads
from the site-wide indexes, plus what every page shares (the theme, the settings). A process
that renders the same site again and again (`sitegen serve`) keeps each page's
`fingerprint` from the last published render; a page whose fingerprint is equal, and whose
file the published site still holds, is linked from that site instead of rendered. Equality
is cheap because unchanged model objects are the very same objects between rebuilds (Python
compares identical objects without looking inside them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.model import Entity, Era, Event, Timeline
from sitegen.render.environment import CompiledTemplates
from sitegen.render.fragments import Fragments
from sitegen.render.indexes import SiteIndex
from sitegen.render.pages import Changes, PageSpec
from sitegen.render.settings import RenderSettings


@dataclass(frozen=True)
class Basis:
    """What one render read from the model, kept with its page records so that the next
    render can tell what changed since (see `changes_since`)."""

    index: SiteIndex
    chronology: Sequence[Event]
    events: dict[str, Event]  # dated and undated, by id
    eras: tuple[Era, ...]


def basis_of(timeline: Timeline, ix: SiteIndex) -> Basis:
    return Basis(ix, timeline.events, {e.id: e for e in (*timeline.events, *timeline.undated)},
                 timeline.eras)


@dataclass
class RenderMemory:
    """What the last published render of one site was made from: the site-wide key (theme
    files and settings) and each page's fingerprint, by path. `pending` holds the render not
    yet published, which `commit()` makes the last one once its site is in place; a failed
    build leaves the memory of the site still published."""

    site_key: str | None = None
    prints: dict[str, tuple] = field(default_factory=dict)
    basis: Basis | None = None  # what the render that made `prints` read from the model
    pending: tuple[str, dict[str, tuple], Basis] | None = None
    published_key: str | None = None  # the build key of the site these pages are in
    files: set[str] = field(default_factory=set)  # every file of that site
    exported: set[str] = field(default_factory=set)  # its data exports and feeds, among `files`
    fragments: Fragments = field(default_factory=Fragments)  # pieces of the data exports and feeds
    compiled: CompiledTemplates = field(default_factory=CompiledTemplates)  # the theme's templates
    entities: dict[str, Entity] = field(default_factory=dict)  # see `same_entities`
    # what the last render no longer needs, for the process to free when nothing waits on it
    dropped: list = field(default_factory=list)

    def commit(self, published_key: str | None, files: set[str], exported: set[str]) -> None:
        """The pending render is now the published site, built from `published_key`, which
        holds `files`, of which `exported` are the data exports and feeds."""
        if self.pending is not None:
            self.dropped.append((self.prints, self.basis))
            self.site_key, self.prints, self.basis = self.pending
            self.pending = None
            self.published_key, self.files, self.exported = published_key, files, exported

    def forget(self) -> None:
        self.site_key, self.prints, self.pending, self.published_key = None, {}, None, None
        self.basis = None
        self.files, self.exported = set(), set()


def same_entities(entities: dict[str, Entity], memory: RenderMemory) -> None:
    """Put in `entities` the very objects of the last render for the entities that are
    equal to them. Entities are made again by every merge (people found by pattern, stand-ins
    for names without an entry), and a page record naming one would otherwise compare it
    field by field: a hundred thousand times at 10,000 articles, against a few thousand here."""
    last = memory.entities
    for entity_id, entity in entities.items():
        old = last.get(entity_id)
        if old is not None and old is not entity and old == entity:
            entities[entity_id] = old
    memory.entities = entities


def changes_since(last: Basis | None, now: Basis) -> Changes | None:
    """What differs between the model `last` render read and the one `now` reads, by
    identity (unchanged model objects are the very same objects between rebuilds); None
    when there is no last render or the eras differ, which may move any event."""
    if last is None or last.eras != now.eras:
        return None
    old, new = last.index, now.index
    entities = {i for i in old.entities.keys() | new.entities.keys()
                if old.entities.get(i) is not new.entities.get(i)}
    articles = {a for a in old.articles.keys() | new.articles.keys()
                if old.articles.get(a) is not new.articles.get(a)
                or old.analyses.get(a) is not new.analyses.get(a)}
    cited: set[str] = set()  # articles that a changed, added or removed event cites
    for events, other in ((now.events, last.events), (last.events, now.events)):
        for event_id, event in events.items():
            if other.get(event_id) is not event:
                cited.update(event.articles)
    threads: set[str] = set()
    for entity_id, listed in new.by_entity.items():
        before = old.by_entity.get(entity_id, [])
        if before != listed:
            threads |= _moved(before, listed)
    return Changes(entities, articles, cited, _moved(last.chronology, now.chronology), threads)


def _moved(old: Sequence[Event], new: Sequence[Event]) -> set[str]:
    """The ids of the events of `new` whose neighbours differ from those they had in `old`
    (or that `old` lacks)."""
    at = {e.id: i for i, e in enumerate(old)}
    last_old, last_new = len(old) - 1, len(new) - 1
    moved = set()
    for i, event in enumerate(new):
        j = at.get(event.id)
        if (j is None or (old[j - 1] if j else None) is not (new[i - 1] if i else None)
                or (old[j + 1] if j < last_old else None) is not (new[i + 1] if i < last_new else None)):
            moved.add(event.id)
    return moved


def site_key(settings: RenderSettings, theme: Path) -> str:
    """A hash of what every page depends on besides its own data: the settings and every
    file of the theme."""
    digest = hashlib.sha256(repr(settings).encode())
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(f"\0{path.relative_to(theme).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(spec: PageSpec, last: tuple | None = None) -> tuple:
    """What `spec`'s page is rendered from: equal fingerprints (under one site key), equal
    pages. `last`, the page's fingerprint in the render the page's `same` check compares
    with, lends its record of what the page reads when that check vouches for it."""
    if spec.deps is None:
        return (spec.template, spec.context, None)
    if last is not None and spec.same is not None and last[2] is not None and spec.same(last[2]):
        return (spec.template, spec.context, last[2])
    return (spec.template, spec.context, spec.deps())
