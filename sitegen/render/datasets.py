"""Exports for other tools: an ACLED-like CSV (one row per event) and TimelineJS3 JSON.

Both keep dates honest: the CSV carries the precision next to the first possible day,
TimelineJS gets only the date parts that are known plus the worded `display_date`.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

from sitegen.model import DateValue, Event, Precision, Timeline
from sitegen.render.filters import display_date, figure_ranges
from sitegen.render.fragments import Fragments, piece

CSV_COLUMNS = ("event_id", "event_date", "date_end", "date_precision", "date_value", "year", "event_type",
               "sub_event_type", "modality", "actor1", "actor2", "assoc_actors", "admin1", "location",
               "latitude", "longitude", "source", "source_count", "independent_sources", "notes",
               "fatalities_min", "fatalities_max", "disputed", "era")


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run as a formula: text starting with = + @ - or a
    tab gets a leading apostrophe (numbers are left alone)."""
    risky = isinstance(value, str) and value[:1] in ("=", "+", "@", "-", "\t", "\r")
    if risky and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _fatalities(event: Event) -> tuple[str, str]:
    for r in figure_ranges([f for _, f in event.figures]):
        if r.kind == "killed":
            return str(r.low), "" if r.high is None else str(r.high)
    return "", ""


def events_csv(timeline: Timeline, fragments: Fragments | None = None) -> str:
    """One row per dated event; people and organisations fill the actor columns in order,
    without implying who acted on whom (as in ACLED). With `fragments`, a row made before
    from the same objects is reused."""
    articles = {a.id: a for a in timeline.articles}
    lines = [_csv_line(CSV_COLUMNS)]
    for e in timeline.events:
        places = [timeline.entities[i] for i in e.places if i in timeline.entities]
        place = places[0] if places else None
        parent = timeline.entities.get(place.parent) if place and place.parent else None
        era = timeline.era_of(e)
        named = (*e.organizations, *e.people, *e.places)
        made_from = (e, era, tuple(timeline.entities.get(i) for i in named), parent,
                     tuple(articles.get(a) for a in e.articles))
        lines.append(piece(fragments, ("events.csv", e.id), made_from,
                           lambda e=e, place=place, parent=parent, era=era:
                           _csv_line(_csv_row(e, timeline, articles, place, parent, era))))
    return "".join(lines)


def _csv_line(values: list) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _csv_row(e: Event, timeline: Timeline, articles: dict, place, parent, era) -> list:
    actors = [timeline.entities[i].name for i in (*e.organizations, *e.people) if i in timeline.entities]
    low, high = _fatalities(e)
    notes = [e.summary, *e.notes]
    if e.disputed:
        differing = "; ".join(r.text for r in figure_ranges([f for _, f in e.figures]) if r.differ)
        notes.append(f"Figures differ between sources: {differing}." if differing
                     else "Sources disagree on the date.")
    return [_cell(v) for v in [
        e.id, e.date.start.isoformat() if e.date.start else "",
        e.date.end.isoformat() if e.date.end else "", e.date.precision.value, e.date.value,
        e.date.start.year if e.date.start else "", e.type, "", e.modality,
        actors[0] if actors else "", actors[1] if len(actors) > 1 else "", "; ".join(actors[2:]),
        parent.name if parent else "", place.name if place else "",
        "" if place is None or place.lat is None else place.lat,
        "" if place is None or place.lon is None else place.lon,
        "; ".join(articles[a].publisher for a in e.articles if a in articles),
        len(e.articles), e.independent_sources, " ".join(n for n in notes if n),
        low, high, "yes" if e.disputed else "no", era.id if era else "",
    ]]


def _tl_date(dv: DateValue, end: bool = False) -> dict | None:
    """A TimelineJS date with only the parts the precision supports."""
    day = dv.end if end else dv.start
    if day is None:
        return None
    parts: dict = {"year": day.year}
    fine = dv.precision in (Precision.DAY, Precision.TIME, Precision.PART_OF_DAY)
    if fine or dv.precision in (Precision.MONTH, Precision.WEEK, Precision.INTERVAL):
        parts["month"] = day.month
    if fine or dv.precision in (Precision.WEEK, Precision.INTERVAL):
        parts["day"] = day.day
    return parts


def timelinejs(timeline: Timeline, title: str = "") -> dict:
    """TimelineJS3 JSON: events with precision-cut dates, `display_date`, group = era; eras.

    TimelineJS shows `headline` and `text` as HTML, so they are HTML-escaped here."""
    slides = [_slide(e, timeline.era_of(e)) for e in timeline.events]
    return {"events": [s for s in slides if s is not None], **_tl_rest(timeline, title)}


def timelinejs_text(timeline: Timeline, title: str = "", fragments: Fragments | None = None) -> str:
    """The text of `timelinejs(timeline, title)` as `exports.dumps` writes it, with each
    event's slide reused from `fragments` when made before from the same event and era."""
    texts = []
    for e in timeline.events:
        era = timeline.era_of(e)
        text = piece(fragments, ("timelinejs", e.id), (e, era),
                     lambda e=e, era=era: json.dumps(_slide(e, era), ensure_ascii=False))
        if text != "null":
            texts.append(text)
    rest = json.dumps(_tl_rest(timeline, title), ensure_ascii=False)[1:]
    return '{"events": [' + ", ".join(texts) + "], " + rest + "\n"


def _slide(e: Event, era) -> dict | None:
    start = _tl_date(e.date)
    if start is None:
        return None
    slide: dict = {"unique_id": e.id, "start_date": {**start, "display_date": display_date(e.date)},
                   "text": {"headline": html.escape(e.title), "text": html.escape(e.summary)},
                   "display_date": display_date(e.date)}
    if e.date.precision is Precision.INTERVAL and e.date.end and e.date.end != e.date.start:
        slide["end_date"] = _tl_date(e.date, end=True)
    if era is not None:
        slide["group"] = era.title
    return slide


def _tl_rest(timeline: Timeline, title: str) -> dict:
    """The eras and title of the TimelineJS data."""
    eras = [{"start_date": {"year": r.start.year, "month": r.start.month, "day": r.start.day},
             "end_date": ({"year": r.end.year, "month": r.end.month, "day": r.end.day} if r.end
                          else _last_day(timeline)),
             "text": {"headline": html.escape(r.title), "text": html.escape(r.summary)}}
            for r in timeline.eras]
    data: dict = {"eras": [e for e in eras if e["end_date"] is not None]}
    if title:
        data["title"] = {"text": {"headline": html.escape(title), "text": ""}}
    return data


def _last_day(timeline: Timeline) -> dict | None:
    """TimelineJS eras need an end; an open era ends at the last day any event may reach."""
    ends = [e.date.end for e in timeline.events if e.date.end is not None]
    if not ends:
        return None
    last = max(ends)
    return {"year": last.year, "month": last.month, "day": last.day}
