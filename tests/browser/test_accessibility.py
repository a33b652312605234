"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in the light and dark colour
schemes; a screenshot of each page type is written to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.pages import page_types, url_of

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Page types checked in the dark scheme too (their colours differ most between schemes).
DARK = ("home", "event", "source", "search")
# Every page type sitegen writes; a type missing from the build is a failure, not a skip.
EXPECTED = ("home", "event", "source", "person", "place", "organisation", "year", "era", "type",
            "people-index", "places-index", "organisations-index", "sources-index", "years-index",
            "eras-index", "types-index", "undated", "about", "method", "not-found", "search")


def _violations(page, axe_source: str) -> list[str]:
    """axe's violations on the loaded page, one line per failing element: rule, selector, fix."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""async (tags) => {
        const only = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
        const r = await axe.run(document, only);
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), fix: n.failureSummary}))}));
    }""", WCAG)
    lines = []
    for v in result:
        for node in v["nodes"]:
            fix = " ".join((node["fix"] or "").split())
            lines.append(f"{v['id']} ({v['impact']}) at {node['target']}: {v['help']}. {fix}")
    return lines


def _open(page, server, rel: str) -> None:
    page.goto(url_of(server, rel))
    page.wait_for_load_state("networkidle")
    if rel.startswith("search/"):
        # check the search page with results and facets shown, as a reader sees it
        page.wait_for_selector("html.search-ready, .search-status:not(:empty)")
        if page.locator("#search-q").count():
            page.fill("#search-q", "Iraq")
            page.press("#search-q", "Enter")
            page.wait_for_selector(".search-results li", timeout=5000)


def test_every_page_type_is_built(site):
    missing = [name for name in EXPECTED if name not in page_types(site)]
    assert not missing, f"no page of these types in the built site: {missing}"


def test_the_check_reports_a_violation(page, axe_source):
    """The harness itself: a page with an unlabelled image and field must fail."""
    page.set_content('<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
                     '<img src="data:,"><input type="text"></main></body></html>')
    found = _violations(page, axe_source)
    assert any(line.startswith("image-alt ") for line in found)
    assert any(line.startswith("label ") for line in found)


@pytest.mark.parametrize(("kind", "scheme"), [(k, "light") for k in EXPECTED] + [(k, "dark") for k in DARK])
def test_no_axe_violations(page, server, site, axe_source, kind, scheme):
    rel = page_types(site).get(kind)
    if rel is None:
        pytest.fail(f"no {kind} page in the built site")
    page.emulate_media(color_scheme=scheme)
    _open(page, server, rel)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = kind if scheme == "light" else f"{kind}-dark"
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    found = _violations(page, axe_source)
    where = f"{kind} page ({rel}, {scheme} scheme)"
    assert not found, f"{where}: {len(found)} axe violations:\n" + "\n".join(found)
    assert page.requests.foreign(server) == []
