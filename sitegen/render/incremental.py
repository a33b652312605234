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
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.model import Entity
from sitegen.render.environment import CompiledTemplates
from sitegen.render.fragments import Fragments
from sitegen.render.pages import PageSpec
from sitegen.render.settings import RenderSettings


@dataclass
class RenderMemory:
    """What the last published render of one site was made from: the site-wide key (theme
    files and settings) and each page's fingerprint, by path. `pending` holds the render not
    yet published, which `commit()` makes the last one once its site is in place; a failed
    build leaves the memory of the site still published."""

    site_key: str | None = None
    prints: dict[str, tuple] = field(default_factory=dict)
    pending: tuple[str, dict[str, tuple]] | None = None
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
            self.dropped.append(self.prints)
            self.site_key, self.prints = self.pending
            self.pending = None
            self.published_key, self.files, self.exported = published_key, files, exported

    def forget(self) -> None:
        self.site_key, self.prints, self.pending, self.published_key = None, {}, None, None
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


def site_key(settings: RenderSettings, theme: Path) -> str:
    """A hash of what every page depends on besides its own data: the settings and every
    file of the theme."""
    digest = hashlib.sha256(repr(settings).encode())
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(f"\0{path.relative_to(theme).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(spec: PageSpec) -> tuple:
    """What `spec`'s page is rendered from: equal fingerprints (under one site key), equal pages."""
    return (spec.template, spec.context, spec.deps() if spec.deps is not None else None)
