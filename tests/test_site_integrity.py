"""The built site stands on its own: links resolve, nothing comes from another host."""

from __future__ import annotations

from tests.render.linkcheck import check_site


def test_every_internal_link_and_anchor_resolves(built_site):
    assert check_site(built_site)[0] == []


def test_no_page_requests_anything_from_another_host(built_site):
    assert check_site(built_site)[1] == []


def test_site_has_the_pages_a_reader_expects(built_site, events_json):
    assert (built_site / "index.html").exists()
    assert (built_site / "events.json").exists()
    for event in events_json["events"]:
        assert (built_site / "events" / event["id"] / "index.html").exists()
    for article in events_json["articles"]:
        assert (built_site / "sources" / article["id"] / "index.html").exists()
    years = {e["date"]["start"][:4] for e in events_json["events"] if e["date"]["start"]}
    for year in years:
        assert (built_site / "years" / year / "index.html").exists()
    assert (built_site / "about" / "index.html").exists()
    assert (built_site / "method" / "index.html").exists()


def test_links_work_under_a_project_path(built_site):
    """GitHub Pages serves a project site under /REPO/: no link may start at the host root."""
    import re

    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:href|src)="/(?!/)', html), f"{page}: root-relative link"
