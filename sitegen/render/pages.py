"""Timeline -> the flat list of pages to render: `PageSpec(path, template, context)`.

Contexts hold only what differs per page; the timeline, its indexes and the settings are
template globals, shared by every page (and inherited, not copied, by worker processes).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.model import Article, DateValue, Entity, EntityKind, Era, Event, Figure, Mention, Span, Timeline
from sitegen.render.citations import cite_news, plain_citation
from sitegen.render.filters import http_url, machine_date
from sitegen.render.indexes import SiteIndex
from sitegen.render.markdown_pages import HandPage, read_pages
from sitegen.render.settings import RenderSettings
from sitegen.render.sourcetext import source_view
from sitegen.render.urls import Urls, root_of


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page to write: its directory-form path, its template and what varies on it.

    `lazy`, when set, computes the costly rest of the context at render time, so that with
    several worker processes that work is shared out too instead of done up front. `deps`
    gives what the page reads besides `context` (the lazy part's inputs, the entities the
    template looks up in the indexes): with the context, it decides whether a page must be
    rendered again (see `sitegen.render.incremental`). `same`, given what `deps` gave in the
    last render, says cheaply whether it would give that again, so that it need not run."""

    path: str
    template: str
    context: dict
    lazy: Callable[[], dict] | None = None
    deps: Callable[[], tuple] | None = None
    same: Callable[[tuple], bool] | None = None

    def full_context(self) -> dict:
        return self.context if self.lazy is None else {**self.context, **self.lazy()}


@dataclass(frozen=True, slots=True)
class Changes:
    """What differs from the model the last render read (see
    `sitegen.render.incremental.changes_since`), for pages to tell whether what they read
    can have changed: entities and articles (or their analyses) that are other objects now,
    articles that a changed, added or removed event cites, events with other neighbours in
    the chronology, and events with other neighbours among the events of one of their
    entities."""

    entities: set[str]
    articles: set[str]
    cited: set[str]
    neighbours: set[str]
    threads: set[str]


@dataclass(frozen=True, slots=True)
class EventLink:
    """What a link to an event shows: its address, title and date. A page that shows only
    this of an event holds it so, and is not rendered again when the rest changes."""

    id: str
    title: str
    date: DateValue


def link_to(event: Event | None) -> EventLink | None:
    return EventLink(event.id, event.title, event.date) if event is not None else None


@dataclass(frozen=True, slots=True)
class YearGroup:
    year: int | None
    events: list[Event]


@dataclass(frozen=True, slots=True)
class EraGroup:
    """A run of chronology entries in one era (`era` None: outside every era)."""

    era: Era | None
    years: list[YearGroup]


def group_events(events: list[Event], ix: SiteIndex) -> list[EraGroup]:
    """Chronological events grouped by era band, then by year, keeping their order."""
    groups: list[EraGroup] = []
    band, outside = ix.band, (None, None)
    years: list[YearGroup] = []
    for event in events:
        era, year = band.get(event.id, outside)
        if not groups or era != groups[-1].era:
            years = [YearGroup(year, [event])]
            groups.append(EraGroup(era, years))
        elif year != years[-1].year:
            years.append(YearGroup(year, [event]))
        else:
            years[-1].events.append(event)
    return groups


def _spec(path: str, template: str, title: str, lazy: Callable[[], dict] | None = None,
          deps: Callable[[], tuple] | None = None, same: Callable[[tuple], bool] | None = None,
          **context) -> PageSpec:
    return PageSpec(path, template, {"path": path, "root": root_of(path), "page_title": title, **context},
                    lazy, deps, same)


def _listed(events: list[Event], ix: SiteIndex) -> tuple:
    """What chronology entries read from the indexes: the entities their events name."""
    return tuple(ix.entities_of(e) for e in events)


def _grouped(groups: list[EraGroup], ix: SiteIndex) -> Callable[[], tuple]:
    return lambda: _listed([e for g in groups for y in g.years for e in y.events], ix)


def _entities(ids: tuple[str, ...], ix: SiteIndex) -> list[Entity]:
    return [ix.entities[i] for i in ids if i in ix.entities]


def event_jsonld(event: Event, tl: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls) -> dict:
    """schema.org Event with dates cut to their precision and its sources as NewsArticles."""
    data: dict = {"@context": "https://schema.org", "@type": "Event", "name": event.title,
                  "description": event.summary}
    start = machine_date(event.date)
    if start and "W" not in start:
        data["startDate"] = start
    if settings.base_url:
        data["url"] = settings.base_url.rstrip("/") + "/" + urls.event(event.id)
    places = _entities(event.places, ix)
    if places:
        data["location"] = [{"@type": "Place", "name": p.name} for p in places]
    actors = _entities((*event.people, *event.organizations), ix)
    if actors:
        data["about"] = [{"@type": "Person" if a.kind is EntityKind.PERSON else "Organization",
                          "name": a.name} for a in actors]
    cited = []
    for article_id in event.articles:
        article = ix.articles.get(article_id)
        if article is None:
            continue
        item: dict = {"@type": "NewsArticle", "headline": article.title,
                      "publisher": {"@type": "Organization", "name": article.publisher}}
        if http_url(article.url):
            item["url"] = article.url
        if article.published:
            item["datePublished"] = article.published.isoformat()
        cited.append(item)
    if cited:
        data["subjectOf"] = cited
    return data


@dataclass(frozen=True, slots=True)
class Quote:
    """One supporting sentence, shown once even when several mentions rest on it."""

    article: Article | None
    article_id: str
    sentence: Span
    text: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A figure as one source reports it, with the sentence it is in and who claims it."""

    mention: Mention
    figure: Figure
    article: Article | None
    anchor: int  # start of the sentence holding the figure (its `s-<start>` anchor)
    claimant: Entity | None  # the claimant when it is a known entity


def quotes(event: Event, ix: SiteIndex) -> list[Quote]:
    """The event's supporting sentences in order of first mention, each quoted once."""
    grouped: dict[tuple[str, int], list[Mention]] = {}
    for m in event.mentions:
        grouped.setdefault((m.article_id, m.sentence.start), []).append(m)
    out = []
    for (article_id, _), group in grouped.items():
        article = ix.articles.get(article_id)
        first = group[0]
        text = first.sentence.of(article.text) if article else first.sentence_text
        out.append(Quote(article, article_id, first.sentence, text, tuple(group)))
    return out


def sentence_at(ix: SiteIndex, article_id: str, offset: int) -> int | None:
    """Start of the sentence of `article_id` that holds `offset`, if the analysis has one."""
    analysis = ix.analyses.get(article_id)
    if analysis is None:
        return None
    starts = [s.start for s in analysis.sentences]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < analysis.sentences[i].end:
        return analysis.sentences[i].start
    return None


def dataset_jsonld(tl: Timeline, settings: RenderSettings) -> dict:
    """schema.org Dataset describing the downloads, with the span of time the events cover."""
    base = settings.base_url.rstrip("/") + "/" if settings.base_url else ""
    data: dict = {"@context": "https://schema.org", "@type": "Dataset", "name": settings.title,
                  "description": settings.description or settings.title,
                  "distribution": [{"@type": "DataDownload", "encodingFormat": kind,
                                    "contentUrl": base + name}
                                   for name, kind in (("events.json", "application/json"),
                                                      ("events.csv", "text/csv"))]}
    starts = [e.date.start for e in tl.events if e.date.start]
    ends = [e.date.end for e in tl.events if e.date.end]
    if starts and ends:
        data["temporalCoverage"] = f"{min(starts).isoformat()}/{max(ends).isoformat()}"
    if base:
        data["url"] = base
    return data


def _event_page(event: Event, tl: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls,
                chronology: list[Event], dated: bool = True, changes: Changes | None = None) -> PageSpec:
    return _spec(urls.event(event.id), "event.html", event.title, og_type="article",
                 lazy=partial(_event_context, event, tl, ix, settings, urls, chronology, dated),
                 deps=partial(_event_deps, event, ix, chronology, dated),
                 same=partial(_event_same, event, changes) if changes is not None else None)


def _event_deps(event: Event, ix: SiteIndex, chronology: list[Event], dated: bool) -> tuple:
    """What `_event_context` and event.html read besides the event: its era and neighbours,
    the neighbours in each entity's thread, its sources and their sentences, its entities
    and the claimants of its mentions."""
    ids = (*event.places, *event.people, *event.organizations)
    threads = tuple(tuple(e.id if e else None for e in ix.neighbours(ix.by_entity[i], event))
                    if dated and len(ix.by_entity.get(i, ())) > 1 else None for i in ids)
    before, after = ix.neighbours(chronology, event) if dated else (None, None)
    claimants = _claimants(event)
    return (event, ix.era_of(event), link_to(before), link_to(after), threads,
            ix.entities_of(event),
            tuple(ix.entities.get(c or "") for c in sorted(claimants, key=str)),
            tuple((ix.articles.get(a), ix.analyses.get(a)) for a in event.articles))


def _claimants(event: Event) -> set[str | None]:
    claimants = {f.claimed_by or m.claimed_by for m, f in event.figures}
    return claimants | {m.claimed_by for m in event.mentions}


def _event_same(event: Event, changes: Changes, last: tuple) -> bool:
    """Whether `_event_deps` would give `last` again: the very same event, with the same
    neighbours in the chronology and in each of its entities' events, naming entities and
    citing articles that did not change (its era follows from its date and the eras, which
    `changes` vouches for)."""
    if last[0] is not event or event.id in changes.neighbours or event.id in changes.threads:
        return False
    if changes.articles and not changes.articles.isdisjoint(event.articles):
        return False
    return not changes.entities or changes.entities.isdisjoint(
        {*event.places, *event.people, *event.organizations, *_claimants(event)})


def _event_counts(articles: list[Article], ix: SiteIndex) -> tuple:
    """What a page of the sources list reads besides its context: each article's event count."""
    return tuple(len(ix.by_article.get(a.id, ())) for a in articles)


def _source_deps(article: Article, ix: SiteIndex) -> tuple:
    """What a source page reads besides its context: the article's analysis, the event each
    of its time expressions belongs to and the entities it names."""
    analysis = ix.analyses.get(article.id)
    if analysis is None:
        return (article, None)
    return (article, analysis, tuple(ix.event_of_timex.get((article.id, t.start)) for t in analysis.timexes),
            tuple(ix.entities.get(r.entity_id) for r in analysis.entities))


def _source_same(article: Article, ix: SiteIndex, changes: Changes, last: tuple) -> bool:
    """Whether `_source_deps` would give `last` again: the very same article and analysis,
    cited by no event that changed, naming no entity that changed."""
    if last[0] is not article or article.id in changes.articles or article.id in changes.cited:
        return False
    analysis = ix.analyses.get(article.id)
    return (analysis is None or not changes.entities
            or changes.entities.isdisjoint({r.entity_id for r in analysis.entities}))


def _event_context(event: Event, tl: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls,
                   chronology: list[Event], dated: bool) -> dict:
    before, after = ix.neighbours(chronology, event) if dated else (None, None)
    threads = []  # previous/next event of the same place or actor
    for entity in _entities((*event.places, *event.people, *event.organizations), ix):
        same = ix.by_entity.get(entity.id, [])
        if dated and len(same) > 1:
            prev_e, next_e = ix.neighbours(same, event)
            threads.append((entity, prev_e, next_e))
    mentions = quotes(event, ix)
    figures = [FigureRow(m, f, ix.articles.get(m.article_id), sentence_at(ix, m.article_id, f.start)
                         or m.sentence.start, ix.entities.get(f.claimed_by or m.claimed_by or ""))
               for m, f in event.figures]
    sources = [ix.articles[a] for a in event.articles if a in ix.articles]
    citations = [(a, plain_citation(a, event.title), cite_news(a)) for a in sources]
    return dict(event=event, era=ix.era_of(event),
                before=before, after=after, threads=threads, mentions=mentions, figures=figures,
                sources=sources, citations=citations,
                people=_entities(event.people, ix), places=_entities(event.places, ix),
                organizations=_entities(event.organizations, ix),
                jsonld=event_jsonld(event, tl, ix, settings, urls))


def _source_context(article: Article, ix: SiteIndex, urls: Urls) -> dict:
    root = root_of(urls.source(article.id))

    def entity_href(entity_id: str) -> str | None:
        entity = ix.entities.get(entity_id)
        return root + urls.href(urls.entity(entity.kind, entity.id)) if entity else None

    def event_href(event_id: str) -> str | None:
        return root + urls.href(urls.event(event_id))

    blocks = source_view(article, ix.analyses.get(article.id), ix.event_of_timex, entity_href, event_href)
    return {"blocks": blocks, "cite": cite_news(article)}


def _chronology_pages(tl: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls) -> list[PageSpec]:
    events = list(tl.events)
    size = max(1, settings.per_page)
    count = max(1, -(-len(events) // size))
    years = sorted(ix.by_year)
    specs = []
    for n in range(1, count + 1):
        chunk = events[(n - 1) * size:n * size]
        groups = group_events(chunk, ix)
        specs.append(_spec(urls.home(n), "chronology.html",
                           settings.title if n == 1 else f"{settings.title}: page {n}",
                           deps=_grouped(groups, ix), groups=groups, page_no=n, page_count=count,
                           years=years, eras=tl.eras, undated_count=len(tl.undated),
                           outside_count=len(ix.outside_eras), og_type="website",
                           jsonld=dataset_jsonld(tl, settings) if n == 1 else None))
    return specs


def paged(path: str, template: str, title: str, events: list[Event], ix: SiteIndex, per_page: int,
          **extra) -> list[PageSpec]:
    """A listing split into pages of `per_page` events: `path`, then `path/page/2/`, ..."""
    size = max(1, per_page)
    chunks = [events[i:i + size] for i in range(0, len(events), size)] or [[]]
    specs = []
    for n, chunk in enumerate(chunks, 1):
        groups = group_events(chunk, ix)
        specs.append(_spec(path if n == 1 else f"{path}page/{n}/", template,
                           title if n == 1 else f"{title} (page {n} of {len(chunks)})",
                           deps=_grouped(groups, ix), groups=groups, page_no=n, page_count=len(chunks),
                           base_path=path, **extra))
    return specs


def build_pages(tl: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls,
                changes: Changes | None = None) -> list[PageSpec]:
    """Every page of the site, in a stable order; refuses two pages on one path. With
    `changes` (what differs from the model the last render read), pages can tell cheaply
    whether what they read is what they read then."""
    specs = _chronology_pages(tl, ix, settings, urls)
    chronology = list(tl.events)
    specs += [_event_page(e, tl, ix, settings, urls, chronology, changes=changes) for e in tl.events]
    specs += [_event_page(e, tl, ix, settings, urls, [], dated=False, changes=changes) for e in tl.undated]
    specs.append(_spec("undated/", "undated.html", "Undated events", events=list(tl.undated),
                       deps=lambda: tuple(ix.articles.get(a) for e in tl.undated for a in e.articles)))
    links = {e.id: link_to(e) for e in (*tl.events, *tl.undated)}  # each event's, made once
    for article in tl.articles:
        supported = ix.by_article.get(article.id, [])
        alone = {e.id for e in supported if e.articles == (article.id,)}
        specs.append(_spec(urls.source(article.id), "source.html", article.title, article=article,
                           events=[links[e.id] for e in supported], alone=alone, og_type="article",
                           lazy=partial(_source_context, article, ix, urls),
                           deps=partial(_source_deps, article, ix),
                           same=partial(_source_same, article, ix, changes) if changes is not None else None))
    ordered = sorted(tl.articles, key=lambda a: (a.published is None, a.published, a.id))
    size = max(1, settings.per_page)
    chunks = [ordered[i:i + size] for i in range(0, len(ordered), size)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        specs.append(_spec("sources/" if n == 1 else f"sources/page/{n}/", "sources.html",
                           "Sources" if n == 1 else f"Sources (page {n} of {len(chunks)})",
                           articles=chunk, total=len(ordered), first=(n - 1) * size + 1,
                           deps=partial(_event_counts, chunk, ix),
                           page_no=n, page_count=len(chunks), base_path="sources/"))
    by_kind: dict[EntityKind, list[Entity]] = {kind: [] for kind in EntityKind}
    for entity in sorted(ix.entities.values(), key=lambda x: x.name.casefold()):
        by_kind[entity.kind].append(entity)
        events = ix.by_entity.get(entity.id, [])
        related = [(ix.entities[i], n) for i, n in ix.cooccurring.get(entity.id, Counter()).most_common(12)
                   if i in ix.entities]
        parent = ix.entities.get(entity.parent) if entity.parent else None
        specs += paged(urls.entity(entity.kind, entity.id), "entity.html", entity.name, events, ix,
                       settings.per_page, entity=entity, count=len(events), related=related, parent=parent)
    for kind, members in by_kind.items():
        title = {EntityKind.PERSON: "People", EntityKind.PLACE: "Places",
                 EntityKind.ORGANIZATION: "Organisations"}[kind]
        specs.append(_spec(urls.kind_index(kind), "entities.html", title, kind=kind,
                           members=[(m, len(ix.by_entity.get(m.id, []))) for m in members]))
    per_page = settings.per_page
    for year, events in sorted(ix.by_year.items()):
        specs += paged(urls.year(year), "listing.html", str(year), events, ix, per_page, feed=False)
    specs.append(_spec("years/", "years.html", "Years", deps=lambda: (len(tl.undated),),
                       years=[(y, len(ev)) for y, ev in sorted(ix.by_year.items())]))
    for era in tl.eras:
        specs += paged(urls.era(era.id), "listing.html", era.title, ix.by_era.get(era.id, []), ix, per_page,
                       era=era, feed=True)
    specs += paged("outside-eras/", "listing.html", "Outside the eras", ix.outside_eras, ix, per_page,
                   feed=False)
    specs.append(_spec("eras/", "eras.html", "Eras",
                       eras=[(r, len(ix.by_era.get(r.id, []))) for r in tl.eras],
                       outside_count=len(ix.outside_eras)))
    for type_name, events in sorted(ix.by_type.items()):
        specs += paged(urls.type(type_name), "listing.html", f"Type: {type_name}", events, ix, per_page,
                       feed=False)
    specs.append(_spec("types/", "types.html", "Event types",
                       types=[(t, len(ev)) for t, ev in sorted(ix.by_type.items())]))
    specs.append(_spec("search/", "search.html", "Search"))
    specs += hand_pages(settings.pages_dir, urls)
    specs += redirects(tl, urls, {s.path for s in specs})
    _refuse_collisions(specs)
    return specs


def redirects(tl: Timeline, urls: Urls, taken: set[str]) -> list[PageSpec]:
    """A forwarding page at each former event address (merged or renamed events), so old
    links keep working; an address now used by another page is left to that page."""
    known = {e.id for e in (*tl.events, *tl.undated)}
    moved = dict(tl.redirects)
    for event in (*tl.events, *tl.undated):
        for alias in event.aliases:
            moved.setdefault(alias, event.id)
    specs = []
    for old, new in sorted(moved.items()):
        path = urls.event(old)
        if new in known and old != new and path not in taken:
            taken.add(path)
            specs.append(_spec(path, "redirect.html", "Moved", target=urls.event(new)))
    return specs


_DEFAULT_PAGES = {"about": "About", "method": "Method"}


def hand_pages(pages_dir: Path | None, urls: Urls) -> list[PageSpec]:
    """The hand-written Markdown pages; About and Method get a stub when not written."""
    pages: list[HandPage] = read_pages(pages_dir) if pages_dir else []
    slugs = {p.slug for p in pages}
    specs = [_spec(urls.page(p.slug), "page.html", p.title, body=p.html) for p in pages]
    for slug, title in _DEFAULT_PAGES.items():
        if slug not in slugs:
            specs.append(_spec(urls.page(slug), "page.html", title, body=None))
    return specs


def _refuse_collisions(specs: list[PageSpec]) -> None:
    if len({spec.path for spec in specs}) == len(specs):
        return  # the usual case, found without naming the pages
    seen: dict[str, str] = {}
    for spec in specs:
        if spec.path in seen:
            raise SitegenError(f"two pages would be written to '{spec.path}' ({seen[spec.path]} and "
                               f"{spec.context['page_title']}); give one of them another id")
        seen[spec.path] = spec.context["page_title"]
