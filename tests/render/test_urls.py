"""Paths built from ids stay inside the site and can be written on any system."""

import pytest

from sitegen.render.urls import Urls, root_of, segment


@pytest.mark.parametrize(("value", "expected"), [
    ("2014-06-10-mosul", "2014-06-10-mosul"),
    ("../../etc/passwd", "etc-passwd"),
    ("a b/c?d#e", "a-b-c-d-e"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("com1", "_com1"), ("console", "console"),
    ("", "_"), ("...", "_"),
])
def test_segment_is_a_safe_single_folder_name(value, expected):
    assert segment(value) == expected


def test_links_are_relative_to_the_page():
    assert root_of("events/x/") == "../../"
    assert root_of("") == ""
    assert root_of("404.html") == ""
    assert Urls().href(Urls.event("x")) == "events/x/"
    assert Urls(directory_urls=False).href(Urls.event("x")) == "events/x/index.html"
    assert Urls().href(Urls.home()) == "./"
