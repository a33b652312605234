"""What the search index holds for an event: its address, its facets and the words it is found
by. Runs without a browser or Pagefind."""

from __future__ import annotations

import logging

from sitegen import search

EVENTS = {
    "articles": [
        {"id": "a1", "title": "Ambush at a checkpoint", "publisher": "Rudaw"},
        {"id": "a2", "title": "Officer killed <b>west</b> of Baghdad", "publisher": "The National"},
    ],
    "entities": [
        {"id": "hit", "kind": "place", "name": "Hit", "aliases": [], "native_names": ["هيت"]},
        {"id": "anbar", "kind": "place", "name": "Anbar", "aliases": ["Al Anbar"], "native_names": []},
        {"id": "rasool", "kind": "person", "name": "Yehia Rasool", "aliases": ["Yahya Rasool"],
         "native_names": []},
        {"id": "is", "kind": "organization", "name": "Islamic State", "aliases": ["ISIS"],
         "native_names": []},
    ],
    "eras": [{"id": "drawdown", "title": "Insurgency and drawdown"}],
    "events": [{
        "id": "2020-07-28-attack-hit", "title": "Commander killed in …",
        "summary": "Commander killed in ambush near Hit.",
        "type": "attack", "era": "drawdown", "people": ["rasool"], "places": ["hit", "anbar"],
        "organizations": ["is"],
        "date": {"value": "2020-07-28", "precision": "day", "start": "2020-07-28", "end": "2020-07-28",
                 "mod": None, "inferred": False},
        "mentions": [
            {"article": "a1", "sentence": {"text": "The ambush took place in the city of Hit."}},
            {"article": "a2", "sentence": {"text": "Rasool confirmed the death."}},
            {"article": "a1", "sentence": {"text": "The ambush took place in the city of Hit."}},
        ],
    }],
    "undated": [{"id": "talks", "title": "Talks", "type": "talks", "era": None, "people": [], "places": [],
                 "organizations": [], "date": None, "mentions": []}],
}
SUMMER = {"value": "2014-SU", "precision": "season", "start": "2014-06-01", "end": "2014-08-31",
          "mod": None, "inferred": False
}


def test_each_event_is_one_record_at_its_address():
    records = search.search_records(EVENTS)
    assert [r.url for r in records] == ["events/2020-07-28-attack-hit/", "events/talks/"]
    # a result shows the whole sentence, not the shortened title, and the date as pages show it
    assert records[0].title == "Commander killed in ambush near Hit."
    assert records[0].date == "28 July 2020"
    assert records[0].datetime == "2020-07-28"
    assert records[0].where == "Hit, Anbar; Yehia Rasool; Islamic State"
    assert records[1].title == "Talks"
    assert records[1].datetime == ""


def test_a_season_is_shown_in_words():
    summer = {**EVENTS, "events": [{**EVENTS["events"][0], "date": SUMMER}], "undated": []}
    record = search.search_records(summer)[0]
    assert record.date == "summer 2014"
    assert record.datetime == "2014"


def test_file_addresses_when_the_site_links_to_index_html():
    records = search.search_records(EVENTS, directory_urls=False)
    assert records[0].url == "events/2020-07-28-attack-hit/index.html"


def test_facets_hold_names_readers_see():
    record = search.search_records(EVENTS)[0]
    assert record.filters == {
        "era": ["Insurgency and drawdown"], "type": ["attack"], "place": ["Hit", "Anbar"],
        "person": ["Yehia Rasool"], "organisation": ["Islamic State"], "source": ["Rudaw", "The National"],
    }
    # an event with no era, places or sources has no empty facets
    assert search.search_records(EVENTS)[1].filters == {"type": ["talks"]}


def test_an_event_is_found_by_aliases_native_names_and_its_sentences():
    content = search.search_records(EVENTS)[0].content
    for words in ("Yahya Rasool", "Al Anbar", "هيت", "ISIS", "Rasool confirmed the death",
                  "Officer killed <b>west</b> of Baghdad"):
        assert words in content
    # a sentence two sources share is indexed once, and sentences come before the name lists
    assert content.count("The ambush took place in the city of Hit") == 1
    assert content.index("Rasool confirmed") < content.index("Yahya Rasool")


def test_without_pagefind_add_search_warns_and_writes_nothing(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(search, "pagefind_available", lambda: False)
    with caplog.at_level(logging.WARNING, logger="sitegen.search"):
        search.add_search(tmp_path)
    assert "pagefind" in caplog.text
    assert list(tmp_path.iterdir()) == []


def test_the_indexed_document_escapes_every_value():
    hostile = {**EVENTS, "entities": [{"id": "hit", "kind": "place", "name": "Hit, <script>x</script>",
                                       "aliases": [], "native_names": []}]}
    record = search.search_records(hostile)[0]
    html = search.record_html(record, "en")
    assert "<script>" not in html
    assert ('<span data-pagefind-filter="place" data-pagefind-ignore>'
            'Hit, &lt;script&gt;x&lt;/script&gt;</span>') in html
    assert '<h1 data-pagefind-meta="title">Commander killed in ambush near Hit.</h1>' in html
