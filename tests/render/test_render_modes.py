"""Rendering options users rely on: links that work from file://, parallel rendering that
writes the same site, pagination of long chronologies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sitegen.model import DateValue, Precision
from sitegen.render import RenderSettings, render_site, site
from tests.render.linkcheck import check_site


def test_file_urls_mode_links_to_index_files(timeline, tmp_path):
    render_site(timeline, tmp_path, RenderSettings(title="T", directory_urls=False))
    text = (tmp_path / "events/2017-12-09-victory/index.html").read_text(encoding="utf-8")
    assert 'href="../../people/abadi/index.html"' in text
    assert 'href="../../index.html"' in text
    broken, foreign = check_site(tmp_path)
    assert broken == [] and foreign == []


def _many(timeline, count: int):
    first = timeline.events[1]
    events = []
    for i in range(count):
        d = date(2014, 1, 1) + timedelta(days=i)
        events.append(replace(first, id=f"e{i:04d}", date=DateValue(d.isoformat(), Precision.DAY, d, d)))
    return replace(timeline, events=tuple(events))


def test_long_chronology_is_paginated(timeline, tmp_path):
    big = _many(timeline, 250)
    render_site(big, tmp_path, RenderSettings(title="T", per_page=100))
    assert (tmp_path / "page/2/index.html").is_file() and (tmp_path / "page/3/index.html").is_file()
    assert not (tmp_path / "page/4").exists()
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert home.count('<li class="entry') == 100
    assert 'href="page/2/"' in home
    assert (tmp_path / "places/mosul/page/3/index.html").is_file()
    assert not (tmp_path / "places/mosul/page/4").exists()
    broken, _ = check_site(tmp_path)
    assert broken == []


def test_long_source_list_is_paginated(timeline, tmp_path):
    from sitegen.model import Article

    extra = tuple(Article(f"a{i:03d}", f"a{i:03d}.md", f"Article {i}", "P", None, date(2015, 1, 1), "x")
                  for i in range(7))
    render_site(replace(timeline, articles=timeline.articles + extra), tmp_path,
                RenderSettings(title="T", per_page=5))
    first = (tmp_path / "sources/index.html").read_text(encoding="utf-8")
    assert first.count("<li><time") + first.count('<li><span class="date">') == 5
    assert 'href="../sources/page/2/"' in first
    third = (tmp_path / "sources/page/3/index.html").read_text(encoding="utf-8")
    assert '<ol class="sources" start="11">' in third
    broken, _ = check_site(tmp_path)
    assert broken == []


def test_parallel_render_writes_the_same_files(timeline, tmp_path, monkeypatch):
    big = _many(timeline, 120)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    first = render_site(big, one, RenderSettings(title="T"), jobs=1)
    monkeypatch.setattr(site.os, "cpu_count", lambda: 2)
    second = render_site(big, two, RenderSettings(title="T"), jobs=2)
    assert sorted(first.files) == sorted(second.files)
    for rel in first.files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
