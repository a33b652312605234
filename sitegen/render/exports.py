"""`events.json`: the whole chronology as data, every claim traceable to an article sentence.

Independent of rendering (the CLI prints it too). Offsets point into each article's plain
text and every `text` field is read from the article at those offsets, never copied.
The structure is described by `sitegen/resources/schema/events.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.model import Article, DateValue, Event, Mention, Timeline
from sitegen.render.fragments import Fragments, piece
from sitegen.render.indexes import complete_entities

SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "resources" / "schema" / "events.schema.json"


def _date(dv: DateValue) -> dict:
    return {"value": dv.value, "precision": dv.precision.value,
            "start": dv.start.isoformat() if dv.start else None,
            "end": dv.end.isoformat() if dv.end else None,
            "mod": dv.mod, "inferred": dv.inferred}


def _article(a: Article) -> dict:
    return {"id": a.id, "path": a.path, "title": a.title, "publisher": a.publisher, "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "published_inferred": a.published_inferred,
            "agency": a.meta.get("agency"), "syndication_of": a.meta.get("syndication_of")}


def _text(articles: dict[str, Article], article_id: str, start: int, end: int, fallback: str) -> str:
    article = articles.get(article_id)
    return article.text[start:end] if article is not None else fallback


def _mention(m: Mention, articles: dict[str, Article]) -> dict:
    s, t = m.sentence, m.timex
    return {
        "id": m.id, "article": m.article_id, "role": m.role, "type": m.type,
        "modality": m.modality, "claimed_by": m.claimed_by,
        "sentence": {"start": s.start, "end": s.end,
                     "text": _text(articles, m.article_id, s.start, s.end, m.sentence_text)},
        "timex": {"start": t.start, "end": t.end,
                  "text": _text(articles, m.article_id, t.start, t.end, t.text),
                  "value": t.value, "type": t.type, "mod": t.mod, "anchor": t.anchor},
        "date": _date(m.date),
    }


def _event(e: Event, articles: dict[str, Article], era: str | None) -> dict:
    casualties = []
    for m, f in e.figures:
        casualties.append({"article": m.article_id, "mention": m.id, "kind": f.kind, "min": f.min,
                           "max": f.max, "qualifier": f.qualifier, "group": f.group,
                           "text": _text(articles, m.article_id, f.start, f.end, f.text),
                           "start": f.start, "end": f.end, "claimed_by": f.claimed_by})
    return {
        "id": e.id, "title": e.title, "summary": e.summary, "type": e.type, "modality": e.modality,
        "date": _date(e.date), "era": era,
        "people": list(e.people), "places": list(e.places), "organizations": list(e.organizations),
        "casualties": casualties, "disputed": e.disputed,
        "sources_count": {"articles": len(e.articles), "independent": e.independent_sources},
        "conflicts": list(e.conflicts), "aliases": list(e.aliases), "notes": list(e.notes),
        "mentions": [_mention(m, articles) for m in e.mentions],
    }


def events_json(timeline: Timeline) -> dict:
    """The chronology as a JSON-ready dict: articles, events, undated, entities, eras.

    Every entity id an event names is listed under `entities`, including those the
    timeline names without defining (then with the fullest name the articles use)."""
    articles = {a.id: a for a in timeline.articles}
    events = []
    for e in timeline.events:
        era = timeline.era_of(e)
        events.append(_event(e, articles, era.id if era else None))
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_article(a) for a in timeline.articles],
        "events": events,
        "undated": [_event(e, articles, None) for e in timeline.undated],
        **_catalogue(timeline),
    }


def events_json_text(timeline: Timeline, fragments: Fragments | None = None) -> str:
    """`dumps(events_json(timeline))`, with each event's text (and the articles') taken from
    `fragments` when made before from the same objects."""
    articles = {a.id: a for a in timeline.articles}

    def event_text(e: Event, era: str | None) -> str:
        made_from = (e, era, tuple(articles.get(a) for a in e.articles))
        return piece(fragments, ("events.json", e.id), made_from,
                     lambda: json.dumps(_event(e, articles, era), ensure_ascii=False))

    head = json.dumps({"schema_version": SCHEMA_VERSION}, ensure_ascii=False)[:-1]
    listed = piece(fragments, ("events.json", "articles"), tuple(timeline.articles),
                   lambda: json.dumps([_article(a) for a in timeline.articles], ensure_ascii=False))
    dated = ", ".join(event_text(e, era.id if (era := timeline.era_of(e)) else None) for e in timeline.events)
    undated = ", ".join(event_text(e, None) for e in timeline.undated)
    tail = json.dumps(_catalogue(timeline), ensure_ascii=False)[1:]
    return (f'{head}, "articles": {listed}, "events": [{dated}], "undated": [{undated}], {tail}\n')


def _catalogue(timeline: Timeline) -> dict:
    """The entities, eras and redirects of events.json."""
    return {
        "entities": [{"id": x.id, "kind": x.kind.value, "name": x.name, "aliases": list(x.aliases),
                      "native_names": list(x.native_names), "parent": x.parent, "country": x.country,
                      "lat": x.lat, "lon": x.lon}
                     for x in sorted(complete_entities(timeline).values(), key=lambda x: x.id)],
        "eras": [{"id": r.id, "title": r.title, "start": r.start.isoformat(),
                  "end": r.end.isoformat() if r.end else None, "summary": r.summary}
                 for r in timeline.eras],
        "redirects": dict(sorted(timeline.redirects.items())),
    }


def dumps(data: dict) -> str:
    """Stable, readable JSON text (UTF-8, keys in the order built)."""
    return json.dumps(data, ensure_ascii=False) + "\n"  # no indent: keeps the fast C encoder


def schema_text() -> str:
    """The JSON Schema of events.json, as shipped."""
    return SCHEMA_PATH.read_text(encoding="utf-8")
