"""A reader's path through the built site in headless Chromium: the home page, a place's
events, an event, the source sentence it cites, and a search for a name; nothing may be
requested from any host but the local server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.pages import url_of


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")


def _results(page):
    """The result list once the search page has finished the search in progress."""
    page.wait_for_selector('.search-results[aria-busy="false"]', state="attached")
    return page.locator(".search-results li")


def test_home_place_event_source_sentence(page, server):
    page.goto(server)
    _settle(page)
    assert page.locator("h1").first.is_visible()
    entries = page.locator(".entry")
    assert entries.count() > 0

    # filter by a place: the place links in the chronology lead to that place's events
    place_link = page.locator('.entry-who a[href*="places/"]').first
    place_name = place_link.inner_text().strip()
    place_link.click()
    _settle(page)
    assert "/places/" in page.url
    assert place_name in page.locator("h1").inner_text()
    listed = page.locator(".entry")
    assert listed.count() > 0
    for i in range(listed.count()):
        assert place_name in listed.nth(i).locator(".entry-who").inner_text(), \
            f"entry {i} on the page for {place_name} does not name it"

    # open an event
    listed.first.locator("a.entry-summary").click()
    _settle(page)
    assert "/events/" in page.url
    quote = page.locator("section.evidence figure.quote").first
    sentence = " ".join(quote.locator("blockquote").inner_text().split())
    assert sentence

    # follow the source link to the sentence it cites
    quote.locator('figcaption a[href*="sources/"]').first.click()
    _settle(page)
    parts = urlsplit(page.url)
    assert "/sources/" in parts.path and parts.fragment.startswith("s-")
    target = page.locator(f'[id="{parts.fragment}"]')
    assert target.count() == 1
    assert " ".join(target.inner_text().split()) == sentence
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    in_view = box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert in_view, "the sentence is not scrolled into view"

    assert page.requests.foreign(server) == []
    assert page.js_errors == []


def _open_search(page, server, query: str = "") -> None:
    page.goto(url_of(server, "search/index.html") + query)
    page.wait_for_function("() => document.documentElement.classList.contains('search-ready')"
                           " || document.querySelector('.search-status').textContent", timeout=60_000)
    ready = page.evaluate("() => document.documentElement.classList.contains('search-ready')")
    assert ready, (f"search did not start: {page.locator('.search-status').inner_text()!r}; "
                   f"script errors {page.js_errors}; requests {page.requests.urls}")


def test_search_for_a_name_and_narrow_by_place(page, server, site):
    from sitegen.search import BUNDLE_DIR

    if not (site / BUNDLE_DIR / "pagefind.js").is_file():
        pytest.fail("no Pagefind index: install 'pagefind[bin]' so sitegen.search.add_search can build it")
    _open_search(page, server)
    # the ambush at a checkpoint in Hit, Anbar (seed 000) was confirmed by Yehia Rasool
    page.fill("#search-q", "Rasool")
    page.press("#search-q", "Enter")
    results = _results(page)
    assert results.count() >= 1
    assert "Rasool" in results.first.inner_text()
    assert page.url.endswith("?q=Rasool")
    # a place where nothing he said happened cannot be chosen; the place of the ambush can
    assert page.locator('#facet-place option[value="Iran"]').is_disabled()
    assert page.locator('#facet-place option[value="Anbar"]').is_enabled()

    # a result leads to the event page, which reports the name
    results.first.locator("a").click()
    _settle(page)
    assert "/events/" in page.url
    assert "Rasool" in page.locator("article.event").inner_text()
    assert page.requests.foreign(server) == []
    assert page.js_errors == []


def test_a_facet_narrows_results_and_is_kept_in_the_address(page, server):
    _open_search(page, server, "?q=Iraq")
    everywhere = _results(page).count()
    assert everywhere >= 2
    page.select_option("#facet-place", "Anbar")
    narrowed = _results(page)
    in_anbar = narrowed.count()
    assert 1 <= in_anbar < everywhere
    for i in range(in_anbar):
        assert "Anbar" in narrowed.nth(i).locator(".result-where").inner_text()
    assert "place=Anbar" in page.url

    # the address alone restores the same search
    _open_search(page, server, "?q=Iraq&place=Anbar")
    assert page.locator("#search-q").input_value() == "Iraq"
    assert page.locator("#facet-place").input_value() == "Anbar"
    assert _results(page).count() == in_anbar
    assert page.requests.foreign(server) == []
    assert page.js_errors == []


def test_search_page_says_so_without_an_index(page, server, site, tmp_path):
    """Without Pagefind's bundle the search page explains and points to the facet pages."""
    page.route("**/pagefind/pagefind.js", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(url_of(server, "search/index.html"))
    page.wait_for_function("() => document.querySelector('.search-status').textContent.length > 0")
    assert "not available" in page.locator(".search-status").inner_text()
    assert page.locator('.search-browse a[href*="places/"]').count() == 1
