"""theme/main.html works as a MkDocs 1.6 theme: a hand-written page gets the site's layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.linkcheck import parse

THEME = Path(__file__).resolve().parents[2] / "theme"


def test_mkdocs_renders_a_page_with_the_shared_layout(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "index.md").write_text("# Welcome\n\nHello.\n", encoding="utf-8")
    (docs / "notes" / "about.md").write_text("Plain page, no heading.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: 'War <chronology>'\ndocs_dir: docs\nsite_dir: site\n"
        f"theme:\n  name: null\n  custom_dir: '{THEME.as_posix()}'\nplugins: []\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    build(config)
    page = tmp_path / "site" / "notes" / "about" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'href="../../css/site.css"' in text
    assert (tmp_path / "site" / "css" / "site.css").is_file()
    assert "War &lt;chronology&gt;" in text
    assert 'href="../../years/"' in text and 'class="skip-link"' in text
    assert parse(page).h1 == 1
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert home.count("<h1") == 1 and "Welcome" in home


@pytest.mark.parametrize("name", ["base.html", "main.html", "layout.html", "404.html"])
def test_theme_templates_exist(name):
    assert (THEME / name).is_file()


def test_mkdocs_pages_start_with_the_doctype(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: S\ndocs_dir: docs\nsite_dir: site\ntheme:\n  name: null\n"
        f"  custom_dir: '{THEME.as_posix()}'\nplugins: []\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>")
    assert '<a href="./" aria-current="page">Chronology</a>' in text
