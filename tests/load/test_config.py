"""site.yml and eras.yml: defaults when absent, each problem at its line, eras never overlapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitegen.config import SiteConfig, load_site_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def test_defaults_when_the_files_are_absent(tmp_path):
    config, problems = load_site_config(tmp_path)
    assert config == SiteConfig() and problems == []
    assert (config.title, config.language, config.base_url, config.eras) == ("Chronology", "en", None, ())


def test_good_settings_and_eras_sorted_by_start():
    config, problems = load_site_config(FIXTURES / "good")
    assert problems == []
    assert config.title == "A test chronology"
    assert config.base_url == "https://example.org/chronology/"
    assert [(e.id, e.start, e.end) for e in config.eras] == [
        ("earlier", date(2014, 1, 1), date(2017, 12, 31)), ("later", date(2018, 1, 1), None)]
    assert config.eras[0].summary == "Listed second in the file, sorted first."


def test_site_problems_name_their_lines():
    _, problems = load_site_config(FIXTURES / "bad")
    site = [(p.line, p.severity, p.message) for p in problems if p.path.endswith("site.yml")]
    assert site == [
        (2, "warning", "unknown key 'titel' (ignored)"),
        (3, "error", "language 'english!' is not a language tag"),
        (4, "error", "base_url: javascript: addresses are refused ('javascript:alert(1)')"),
    ]


def test_era_problems_name_their_lines():
    config, problems = load_site_config(FIXTURES / "bad")
    eras = {(p.line, p.severity) for p in problems if p.path.endswith("eras.yml")}
    assert eras == {(12, "error"), (16, "error"), (20, "warning"), (6, "error"), (17, "warning")}
    by_line = {p.line: p.message for p in problems if p.path.endswith("eras.yml")}
    assert "gives no month and day" in by_line[12]
    assert by_line[16] == "era 'fourth' ends (2019-01-01) before it starts (2020-01-01)"
    assert by_line[6] == "era 'second' (from 2017-06-01) overlaps era 'first' (to 2017-12-31)"
    assert by_line[17].startswith("days from 2019-04-01 to 2020-12-31 belong to no era")
    assert [e.id for e in config.eras] == ["first", "second", "after-a-gap"]


def test_an_open_era_followed_by_another_overlaps(tmp_path):
    (tmp_path / "eras.yml").write_text(
        "eras:\n  - id: a\n    title: A\n    start: 2014-01-01\n"
        "  - id: b\n    title: B\n    start: 2019-01-01\n", encoding="utf-8")
    _, problems = load_site_config(tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (5, "era 'b' (from 2019-01-01) overlaps era 'a' (to open end)")]


def test_malformed_yaml_and_duplicate_era_ids(tmp_path):
    (tmp_path / "site.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "eras.yml").write_text(
        "eras:\n  - id: a\n    title: A\n    start: 2014-01-01\n    end: 2015-01-01\n"
        "  - id: a\n    title: A again\n    start: 2016-01-01\n", encoding="utf-8")
    _, problems = load_site_config(tmp_path)
    assert [(Path(p.path).name, p.line, p.is_error) for p in problems] == [
        ("site.yml", 1, True), ("eras.yml", 6, True)]
    assert problems[1].message == "era id 'a' is used twice (first on line 2)"
