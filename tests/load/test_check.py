"""check_content: every validation over a content folder, plus checks other stages register."""

from __future__ import annotations

from pathlib import Path

from sitegen.check import _CHECKERS, check_content, register_checker
from sitegen.errors import Problem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def test_bad_content_reports_articles_site_and_eras():
    problems = check_content(FIXTURES / "bad")
    files = {Path(p.path).name for p in problems if p.is_error}
    assert {"site.yml", "eras.yml", "binary.md", "not-utf8.md", "missing-title.md"} <= files


def _loader_problems(problems: list[Problem]) -> list[Problem]:
    """The loader's own problems (articles, site.yml, eras.yml), apart from other stages' checks."""
    return [p for p in problems
            if "articles" in Path(p.path).parts or Path(p.path).name in ("site.yml", "eras.yml")]


def test_good_content_has_only_warnings():
    problems = _loader_problems(check_content(FIXTURES / "good"))
    assert problems and not any(p.is_error for p in problems)


def test_a_missing_articles_folder_is_reported(tmp_path):
    problems = _loader_problems(check_content(tmp_path))
    assert [p.message for p in problems] == ["the articles folder does not exist"]


def test_registered_checkers_run(tmp_path):
    def entities_check(content_dir: Path) -> list[Problem]:
        return [Problem(str(content_dir / "entities.yml"), 3, "unknown kind 'persn'")]

    register_checker(entities_check)
    register_checker(entities_check)
    try:
        problems = check_content(FIXTURES / "good")
        assert [p.message for p in problems].count("unknown kind 'persn'") == 1
    finally:
        _CHECKERS.remove(entities_check)


def test_pages_front_matter_is_checked():
    pages = [(Path(p.path).name, p.line, p.severity) for p in check_content(FIXTURES / "bad")
             if "pages" in Path(p.path).parts]
    assert pages == [("about.md", 2, "error"), ("method.md", 3, "warning")]


def test_the_repository_pages_have_no_problem():
    content = Path(__file__).resolve().parents[2] / "content"
    assert [p for p in check_content(content) if "pages" in Path(p.path).parts] == []
