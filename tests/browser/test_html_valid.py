"""Every HTML file the build writes is well-formed: no element left open, closed out of order
or closed twice, no block inside a paragraph, no duplicate id. Runs without a browser."""

from __future__ import annotations

from tests.browser.htmlcheck import html_errors, site_html_errors


def test_checker_reports_what_a_browser_would_repair():
    bad = ("<!doctype html><html><body>\n<p>one<div>two</div></p>\n<b><i>x</b></i>\n"
           '<span id="a"></span><span id="a"></span>\n<div/>\n<ul><li>open\n</body></html>')
    errors = html_errors(bad)
    assert "line 2: <div> inside <p> (the paragraph would end here)" in errors
    assert "line 3: </b> while <i> from line 3 is open" in errors
    assert "line 4: duplicate id 'a' (first on line 4)" in errors
    assert "line 5: <div/> is not a void element and stays open" in errors
    assert any("<li> from line 6 is open" in e for e in errors)


def test_checker_accepts_void_elements_and_inline_svg():
    good = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
            '<p>a<br>b <img src="x.png" alt=""></p>'
            '<svg><symbol id="m"><path d="M0 0"/></symbol><use href="#m"/></svg></body></html>')
    assert html_errors(good) == []


def test_a_missing_doctype_is_reported():
    assert html_errors("<html><body></body></html>") == ["no <!doctype html>"]


def test_every_built_page_is_well_formed(site):
    errors = site_html_errors(site)
    assert not errors, f"{len(errors)} HTML problems:\n" + "\n".join(errors[:50])
