"""The seed corpus end to end: the backbone events of EXPECTED.md in events.json and in the HTML."""

from __future__ import annotations

import re

import pytest

# (EXPECTED id, TIMEX3 value, precision, seed articles that must be among its sources)
BACKBONE = [
    ("S2", "2014-SU", "season", {"002", "004"}),
    ("S4", "2017-12", "month", {"000", "001", "002", "003", "004"}),
    ("S10", "2020-07-28", "day", {"000"}),
    ("S18", "2024-05-13", "day", {"001", "002"}),
    ("S19", "2024-08-29", "day", {"003", "004"}),
]


def _events_on(events_json, value):
    return [e for e in events_json["events"] if e["date"]["value"] == value]


@pytest.mark.parametrize(("sid", "value", "precision", "sources"), BACKBONE, ids=[b[0] for b in BACKBONE])
def test_backbone_event_found_with_its_date_and_all_sources(events_json, seed_ids, sid, value, precision,
                                                            sources):
    candidates = _events_on(events_json, value)
    assert candidates, f"{sid}: no event dated {value}"
    wanted = {seed_ids[n] for n in sources}
    best = max(candidates, key=lambda e: len(wanted & {m["article"] for m in e["mentions"]}))
    assert best["date"]["precision"] == precision
    assert wanted <= {m["article"] for m in best["mentions"]}, f"{sid}: sources missing"


def test_mention_offsets_point_at_their_text(events_json):
    """Every sentence and time expression quoted in events.json is the text at its offsets."""
    from sitegen.load.corpus import load_corpus
    from tests.conftest import CONTENT

    articles, _ = load_corpus(CONTENT / "articles")
    text = {a.id: a.text for a in articles}
    for event in events_json["events"]:
        for m in event["mentions"]:
            body = text[m["article"]]
            s, t = m["sentence"], m["timex"]
            assert body[s["start"]:s["end"]] == s["text"]
            assert body[t["start"]:t["end"]] == t["text"]
            assert s["start"] <= t["start"] and t["end"] <= s["end"]


def _event_page(built_site, events_json, value, must_have):
    event = max(_events_on(events_json, value),
                key=lambda e: len(must_have & {m["article"] for m in e["mentions"]}))
    return (built_site / "events" / event["id"] / "index.html").read_text(encoding="utf-8")


def _sources_linked(html: str) -> set[str]:
    """Article ids whose sentence anchors the page links to."""
    return set(re.findall(r'href="[./]*sources/([^/"#]+)/#s-\d+"', html))


def test_s4_page_quotes_five_sources(built_site, events_json, seed_ids):
    wanted = {seed_ids[n] for n in ("000", "001", "002", "003", "004")}
    html = _event_page(built_site, events_json, "2017-12", wanted)
    assert _sources_linked(html) >= wanted
    assert "December 2017" in html


def test_s18_page_quotes_two_sources(built_site, events_json, seed_ids):
    wanted = {seed_ids["001"], seed_ids["002"]}
    html = _event_page(built_site, events_json, "2024-05-13", wanted)
    assert _sources_linked(html) >= wanted
    assert "Khalid Naji Wassak" in html
