"""Data exports: events.json (schema-valid, offsets true), CSV, TimelineJS, Atom, sitemap."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from sitegen.render import RenderSettings, render_site
from sitegen.render.datasets import events_csv, timelinejs
from sitegen.render.exports import SCHEMA_PATH, events_json

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def data(timeline):
    return events_json(timeline)


def test_events_json_validates_against_its_schema(data):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_written_events_json_is_the_export_and_the_schema_is_published(site, data):
    assert json.loads((site / "events.json").read_text(encoding="utf-8")) == data
    published = (site / "events.schema.json").read_text(encoding="utf-8")
    assert published == SCHEMA_PATH.read_text(encoding="utf-8")


def test_every_offset_points_at_its_text(timeline, data):
    texts = {a.id: a.text for a in timeline.articles}
    for event in data["events"] + data["undated"]:
        for m in event["mentions"]:
            text = texts[m["article"]]
            for part in ("sentence", "timex"):
                span = m[part]
                assert text[span["start"]:span["end"]] == span["text"]
        for c in event["casualties"]:
            assert texts[c["article"]][c["start"]:c["end"]] == c["text"]


def test_event_record_carries_sources_dispute_and_dates(data):
    mosul = next(e for e in data["events"] if e["id"] == "2014-06-10-mosul-captured")
    assert mosul["sources_count"] == {"articles": 2, "independent": 2}
    assert mosul["disputed"] is True
    assert mosul["date"] == {"value": "2014-06-10", "precision": "day", "start": "2014-06-10",
                             "end": "2014-06-10", "mod": None, "inferred": False}
    assert mosul["era"] == "rise"
    assert [(c["min"], c["max"]) for c in mosul["casualties"]] == [(500, None), (1000, 1000)]
    assert [m["timex"]["text"] for m in mosul["mentions"]] == ["10 June 2014", "10 June 2014"]


def test_undated_events_and_eras_are_exported(data):
    assert [e["id"] for e in data["undated"]] == ["undated-checkpoint-attack"]
    assert data["undated"][0]["mentions"][0]["article"] == "undated-checkpoint"
    assert [e["id"] for e in data["eras"]] == ["rise", "defeat"]
    assert data["eras"][1]["end"] == "2017-12-31"


def test_csv_has_acled_like_columns_and_conservative_fatalities(timeline):
    rows = list(csv.DictReader(io.StringIO(events_csv(timeline))))
    assert len(rows) == 5
    mosul = next(r for r in rows if r["event_id"] == "2014-06-10-mosul-captured")
    assert mosul["event_date"] == "2014-06-10" and mosul["date_precision"] == "day"
    assert mosul["fatalities_min"] == "500" and mosul["fatalities_max"] == ""
    assert mosul["location"] == "Mosul" and mosul["admin1"] == "Iraq"
    assert mosul["latitude"] == "36.34"
    assert "Figures differ" in mosul["notes"]
    season = next(r for r in rows if r["event_id"] == "2014-summer-offensive")
    assert season["date_precision"] == "season" and season["date_value"] == "2014-SU"


def test_timelinejs_omits_unknown_date_parts(timeline):
    data = timelinejs(timeline, "T")
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["2017-late-hawija-fighting"]["start_date"] == {"year": 2017, "display_date": "late 2017"}
    assert by_id["2014-06-10-mosul-captured"]["start_date"]["day"] == 10
    assert by_id["2020-07-drawdown"]["end_date"] == {"year": 2020, "month": 7, "day": 22}
    assert by_id["2014-summer-offensive"]["group"] == "Rise of ISIS"
    assert [e["text"]["headline"] for e in data["eras"]] == ["Rise of ISIS", "Defeat"]


def test_atom_feed_is_well_formed_with_absolute_links(site):
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    assert entries[0].find(f"{ATOM}link").get("href") == "https://user.github.io/repo/events/2020-07-drawdown/"
    assert entries[0].find(f"{ATOM}updated").text == "2020-07-23T00:00:00Z"
    era = ET.parse(site / "eras/rise/feed.xml").getroot()
    assert len(era.findall(f"{ATOM}entry")) == 2


def test_sitemap_lists_absolute_urls(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://user.github.io/repo/" in locs
    assert "https://user.github.io/repo/events/2017-12-09-victory/" in locs
    assert all(loc.startswith("https://user.github.io/repo/") for loc in locs)


def test_without_base_url_no_sitemap_and_relative_feed_links(timeline, tmp_path):
    render_site(timeline, tmp_path, RenderSettings(title="T"))
    assert not (tmp_path / "sitemap.xml").exists()
    assert "Sitemap:" not in (tmp_path / "robots.txt").read_text(encoding="utf-8")
    feed = ET.parse(tmp_path / "eras/rise/feed.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == "../../events/2014-06-10-mosul-captured/"


def test_every_entity_an_event_names_is_listed(data):
    listed = {e["id"] for e in data["entities"]}
    named = {i for e in data["events"] + data["undated"] for k in ("people", "places", "organizations")
             for i in e[k]}
    assert named <= listed
    assert {"id": "ray-smith", "name": "Ray Smith", "kind": "person"}.items() <= next(
        e for e in data["entities"] if e["id"] == "ray-smith").items()


def test_sitemap_leaves_out_forwarding_pages(site):
    assert "2014-06-10-fall-of-mosul" not in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["\x0c", "\x1b[31m", "\uffff", "\x00"])
def test_feeds_stay_well_formed_xml_whatever_the_titles_hold(timeline, tmp_path, bad):
    from dataclasses import replace

    events = tuple(replace(e, title=f"x{bad}y", summary=f"s{bad}") for e in timeline.events)
    render_site(replace(timeline, events=events), tmp_path,
                RenderSettings(title=f"T{bad}", base_url="https://x.example/"))
    for feed in [tmp_path / "feed.xml", *tmp_path.glob("*/*/feed.xml")]:
        ET.parse(feed)
    ET.parse(tmp_path / "sitemap.xml")


def test_csv_cells_never_start_a_formula(timeline):
    from dataclasses import replace

    events = (replace(timeline.events[0], summary='=HYPERLINK("http://x","y")', id="@evil"),
              *timeline.events[1:])
    rows = list(csv.DictReader(io.StringIO(events_csv(replace(timeline, events=events)))))
    assert rows[0]["notes"].startswith("'=HYPERLINK")
    assert rows[0]["event_id"] == "'@evil"
    assert rows[1]["fatalities_min"] == "500"


def test_timelinejs_text_is_html_escaped(timeline):
    data = timelinejs(timeline, "<b>T</b>")
    offensive = next(e for e in data["events"] if e["unique_id"] == "2014-summer-offensive")
    assert offensive["text"]["headline"] == "The &lt;evil&gt; group advances &quot;north&quot;"
    assert data["title"]["text"]["headline"] == "&lt;b&gt;T&lt;/b&gt;"


def test_exports_made_again_from_kept_pieces_equal_exports_made_afresh(timeline):
    # `sitegen serve` keeps each event's piece of events.json, events.csv and timelinejs.json
    # between rebuilds; after an edit the files must read as if written from scratch.
    from dataclasses import replace

    from sitegen.render.datasets import timelinejs_text
    from sitegen.render.exports import dumps, events_json_text
    from sitegen.render.fragments import Fragments

    def written(tl, fragments):
        fragments.begin()
        return (events_json_text(tl, fragments), events_csv(tl, fragments),
                timelinejs_text(tl, "T", fragments))

    def afresh(tl):
        return dumps(events_json(tl)), events_csv(tl), dumps(timelinejs(tl, "T"))

    kept = Fragments()
    assert written(timeline, kept) == afresh(timeline)
    edited = replace(timeline, events=(replace(timeline.events[0], title="Renamed <event>"),
                                       *timeline.events[2:]))
    again = written(edited, kept)
    assert again == afresh(edited)
    assert "Renamed &lt;event&gt;" in again[2] and "Renamed <event>" in again[0]
    assert written(timeline, kept) == afresh(timeline)
