"""The payload scanner itself: it finds what would run and lets escaped text through, so a
clean scan of the hostile site means something."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.scan import scan_csv, scan_feed, scan_json_ld, scan_markup, scan_timelinejs, url_scheme

TAGS = frozenset({"html", "body", "p", "a", "img"})


def kinds(findings) -> list[str]:
    return [f.kind for f in findings]


def test_markup_payloads_are_found():
    assert kinds(scan_markup('<p><img src=x onerror=alert(1)></p>', "x.html", TAGS)) == \
        ["event-handler attribute"]
    assert kinds(scan_markup('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "x.html", TAGS)) == \
        ["javascript: address in href"]
    assert kinds(scan_markup('<iframe src="https://e.example/"></iframe>', "x.html", TAGS)) == \
        ["unexpected element"]
    assert kinds(scan_markup('<script>alert(1)</script>', "x.html", TAGS)) == ["script element"]
    assert kinds(scan_markup('<p style="width:expression(alert(1))">', "x.html", TAGS)) == ["style payload"]


def test_escaped_text_and_ordinary_links_pass():
    text = ('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; '
            '" onmouseover="x</p><a href="https://e.example/?a=1&amp;b=2">x</a>'
            '<a href="../events/x/">y</a><a href="mailto:a@e.example">z</a>')
    assert scan_markup(text, "x.html", TAGS) == []


def test_the_sites_own_scripts_are_allowed(tmp_path: Path):
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "search.js").write_text("", encoding="utf-8")
    (tmp_path / "events").mkdir()
    page = ('<script type="application/ld+json">{"a": 1}</script>'
            '<script type="module" src="../js/search.js"></script>')
    assert scan_markup(page, "events/index.html", TAGS, tmp_path) == []
    other = '<script src="https://cdn.example/x.js"></script><script src="../js/missing.js"></script>'
    assert len(scan_markup(other, "events/index.html", TAGS, tmp_path)) == 2


def test_json_ld_cut_short_is_found():
    good = '<script type="application/ld+json">{"name": "\\u003c/script\\u003e"}</script>'
    bad = '<script type="application/ld+json">{"name": "</script><script>alert(1)</script>"}</script>'
    assert scan_json_ld(good, "x.html") == []
    assert "JSON-LD block cut short (a </script> in the data?)" in kinds(scan_json_ld(bad, "x.html"))


def test_feed_timelinejs_and_csv_payloads_are_found():
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom"><link href="javascript:alert(1)"/>'
            '<summary type="html">&lt;img src=x onerror=alert(1)&gt;</summary></feed>')
    assert kinds(scan_feed(feed, "feed.xml")) == ["non-web link in feed", "unexpected element",
                                                  "event-handler attribute"]
    assert kinds(scan_feed("<feed><title>&lt;script&gt;</title></feed>", "feed.xml")) == []
    assert len(scan_timelinejs({"events": [{"text": {"headline": "<b onclick=x>h</b>"}}]}, "t.json")) == 2
    assert scan_timelinejs({"events": [{"text": {"headline": "a &lt; b"}}]}, "t.json") == []
    assert kinds(scan_csv('a,b\n=1+1,-5\n"@x",-x\n', "e.csv")) == ["formula in CSV cell"] * 3


def test_url_scheme_sees_what_a_browser_sees():
    assert url_scheme("\tjava\nscript:alert(1)") == "javascript"
    assert url_scheme("../x/") is None
    assert url_scheme("HTTPS://e.example/") == "https"
