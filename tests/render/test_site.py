"""The rendered fixture site: escaping, links, landmarks, one h1 per page, the pages users
navigate by (chronology, event, source, entity, undated, eras)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.render.conftest import HOSTILE_ALIAS, HOSTILE_NAME, HOSTILE_PUBLISHER, HOSTILE_TITLE, HOSTILE_URL
from tests.render.linkcheck import check_site, parse


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_user_strings_never_appear_unescaped(site):
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        for hostile in (HOSTILE_TITLE, HOSTILE_PUBLISHER, HOSTILE_NAME, HOSTILE_ALIAS,
                        "<evil>", "<script>alert", "<b>Bad</b>", "<i>Co</i>", "<this>", "<b>hand</b>"):
            assert hostile not in text, f"{path.relative_to(site)} prints {hostile!r} raw"


def test_hostile_title_is_shown_escaped(site):
    text = read(site, "sources/2014-06-13-mosul-report/index.html")
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Mosul &#34;report&#34;" in text


def test_javascript_urls_never_become_links(site):
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'(href|src|cite)="\s*javascript:', text, re.I), path
        assert HOSTILE_URL not in re.findall(r'href="([^"]*)"', text)


def test_every_internal_link_and_anchor_resolves(site):
    broken, _ = check_site(site)
    assert broken == []


def test_no_resource_comes_from_another_host(site):
    _, foreign = check_site(site)
    assert foreign == []


def test_every_page_has_exactly_one_h1_and_the_landmarks(site):
    for path in html_files(site):
        page = parse(path)
        assert page.h1 == 1, f"{path.relative_to(site)} has {page.h1} h1"
        for tag in ("header", "nav", "main", "footer"):
            assert tag in page.tags, f"{path.relative_to(site)} lacks <{tag}>"
        assert 'class="skip-link" href="#main"' in path.read_text(encoding="utf-8")


def test_links_are_relative_so_the_site_works_under_a_project_path(site):
    text = read(site, "events/2017-12-09-victory/index.html")
    assert 'href="../../css/site.css"' in text
    assert 'href="../../people/abadi/"' in text
    assert 'href="/' not in text


def test_chronology_groups_by_era_and_year_and_keeps_events_outside_eras(site):
    text = read(site, "index.html")
    rise, defeat, outside = (text.index("Rise of ISIS</a></h2>"), text.index("Defeat</a></h2>"),
                             text.index("Outside the eras</a></h2>"))
    assert rise < defeat < outside
    assert text.index("summer 2014") < text.index("10 June 2014") < text.index("late 2017")
    assert '<time datetime="2014-06-10">10 June 2014</time>' in text
    assert '<time datetime="2020-07">16–22 July 2020</time>' in text
    assert "1 undated event" in text


def test_disputed_event_shows_each_source_figure_and_the_range(site):
    text = read(site, "events/2014-06-10-mosul-captured/index.html")
    assert "At least 500 people" in text and "About 1,000 people" in text
    assert "500+ killed (figures differ)" in text
    assert 'class="disputed"' in text


def test_event_quotes_each_sentence_with_a_link_to_its_anchor(site):
    text = read(site, "events/2014-06-10-mosul-captured/index.html")
    assert "ISIS fighters seized Mosul on 10 June 2014, officials said." in text
    assert 'href="../../sources/2014-06-12-mosul-falls/#s-' in text
    assert 'cite="https://example.com/mosul?a=1&amp;b=2"' in text
    assert "{{cite news |title=Mosul falls to ISIS |url=https://example.com/mosul?a=1&amp;b=2" in text


def test_event_jsonld_start_date_is_cut_to_precision(site):
    text = read(site, "events/2017-late-hawija-fighting/index.html")
    assert '"startDate": "2017"' in text
    text = read(site, "events/2014-summer-offensive/index.html")
    assert '"startDate": "2014"' in text


def test_source_page_anchors_sentences_and_marks_time_expressions(site):
    text = read(site, "sources/2014-06-12-mosul-falls/index.html")
    sentence = "ISIS fighters seized Mosul on 10 June 2014, officials said."
    assert re.search(r'<span class="sentence" id="s-\d+">', text)
    assert re.search(r'<mark class="timex" id="t-\d+" title="2014-06-10"><a href="../../events/'
                     r'2014-06-10-mosul-captured/"><time datetime="2014-06-10">10 June 2014</time>'
                     r'</a></mark>', text)
    assert '<span class="furniture">Share this article.</span>' in text
    assert sentence.split(" on ")[1].split(",")[1] in text  # the rest of the sentence is kept


def test_entity_page_lists_aliases_native_names_and_events(site):
    text = read(site, "organizations/isis/index.html")
    assert "ISIL" in text and "Daesh" in text
    assert '<bdi dir="auto">داعش</bdi>' in text
    assert "ISIS captures Mosul" not in text or "events/2014-06-10-mosul-captured/" in text
    assert "events/2017-12-09-victory/" in text


def test_undated_event_is_listed_with_its_source(site):
    text = read(site, "undated/index.html")
    assert "Checkpoint attacked" in text
    assert "sources/undated-checkpoint/" in text


def test_hand_written_page_uses_the_layout_with_escaped_title(site):
    text = read(site, "about/index.html")
    assert "<h1>About &lt;this&gt; site</h1>" in text
    assert "Written by &lt;b&gt;hand&lt;/b&gt;." in text
    assert "<h3>Scope</h3>" in text


def test_exports_and_feeds_are_written(site):
    for rel in ("events.json", "events.schema.json", "events.csv", "timelinejs.json", "feed.xml",
                "eras/rise/feed.xml", "organizations/isis/feed.xml", "sitemap.xml", "robots.txt",
                "404.html", "css/site.css"):
        assert (site / rel).is_file(), rel


def test_hand_written_page_title_from_its_first_heading_is_not_repeated(tmp_path):
    from sitegen.render.markdown_pages import render_page

    page = render_page("# Method\n\nHow dates are read.\n\n## Limits\n", tmp_path / "method.md")
    assert page.title == "Method"
    assert "Method" not in page.html
    assert "<h3>Limits</h3>" in page.html


def test_hand_written_page_cannot_inject_markup(tmp_path):
    from sitegen.render.markdown_pages import render_page

    page = render_page('<script>alert(1)</script>\n\n[x](javascript:alert(1))\n', tmp_path / "x.md")
    assert "<script>" not in page.html
    assert "href=\"javascript" not in page.html


def test_home_describes_the_dataset_and_its_time_span(site):
    text = read(site, "index.html")
    assert '"@type": "Dataset"' in text
    assert '"temporalCoverage": "2014-06-01/2020-07-22"' in text
    assert '"contentUrl": "https://user.github.io/repo/events.json"' in text


def test_a_person_named_by_an_event_but_not_defined_still_gets_a_page(site):
    text = read(site, "people/ray-smith/index.html")
    assert "<h1><bdi>Ray Smith</bdi></h1>" in text
    assert "events/2020-07-drawdown/" in text
    assert 'href="../../people/ray-smith/"' in read(site, "events/2020-07-drawdown/index.html")


def test_figure_links_to_the_sentence_that_states_it(site):
    # "At least 500 people were killed." starts at offset 81 of the Reuters text, while the
    # mention's own sentence ("ISIS fighters seized Mosul ...") starts at 21.
    text = read(site, "events/2014-06-10-mosul-captured/index.html")
    figures = text[text.index('class="figures"'):text.index('class="evidence"')]
    assert 'href="../../sources/2014-06-12-mosul-falls/#s-81"' in figures
    evidence = text[text.index('class="evidence"'):]
    assert 'href="../../sources/2014-06-12-mosul-falls/#s-21"' in evidence


def test_a_sentence_supporting_two_mentions_is_quoted_once(timeline, tmp_path):
    from dataclasses import replace

    from sitegen.render import RenderSettings, render_site

    event = timeline.events[1]
    twice = replace(event, mentions=(event.mentions[0], replace(event.mentions[0], id="again")))
    render_site(replace(timeline, events=(timeline.events[0], twice, *timeline.events[2:])), tmp_path,
                RenderSettings(title="T"))
    text = (tmp_path / "events/2014-06-10-mosul-captured/index.html").read_text(encoding="utf-8")
    assert text.count("ISIS fighters seized Mosul on 10 June 2014, officials said.</p></blockquote>") == 1
    assert text.count("this report dates it") == 2


def test_a_merged_event_old_address_forwards_to_its_page(site):
    text = read(site, "events/2014-06-10-fall-of-mosul/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../../events/2014-06-10-mosul-captured/">' in text


def test_source_page_says_which_events_rest_on_it_alone(site):
    shared = read(site, "sources/2014-06-12-mosul-falls/index.html")
    assert "events/2014-06-10-mosul-captured/" in shared and "(this article alone)" not in shared
    alone = read(site, "sources/2020-07-23-drawdown/index.html")
    assert "(this article alone)" in alone


def test_event_type_marks_come_from_the_inline_sprite(site):
    text = read(site, "index.html")
    assert '<use href="#mark-capture"></use>' in text and 'id="mark-capture"' in text
    assert '<use href="#mark-offensive"' not in text  # no such mark: the generic one is used
    assert '<use href="#mark-event"></use>' in text


def test_nav_marks_the_current_section(site):
    assert '<a href="../../people/" aria-current="page">People</a>' in read(site, "people/abadi/index.html")
    assert '<a href="./" aria-current="page">Chronology</a>' in read(site, "index.html")
    assert read(site, "events/2017-12-09-victory/index.html").count('aria-current="page"') == 0
