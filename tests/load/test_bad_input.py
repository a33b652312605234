"""Each kind of bad article gives one clear problem naming the file, the line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import ContentError
from sitegen.load import load_article, load_corpus, read_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"
BAD = FIXTURES / "bad" / "articles"

# file -> (line, column, words the message must contain); every one of these is an error.
CASES = {
    "malformed-yaml.md": (4, 13, "invalid YAML: mapping values are not allowed"),
    "no-front-matter.md": (1, 1, "no front matter"),
    "unclosed-front-matter.md": (1, 1, "front matter is not closed"),
    "missing-title.md": (1, 1, "missing required key 'title'"),
    "unparseable-date.md": (5, 1, "published: 'the fourteenth of Mayo' is not a date"),
    "impossible-date.md": (5, 1, "published: '2024-02-30' is not a date"),
    "date-without-day.md": (5, 1, "published: 'May 2024' gives no day"),
    "empty-body.md": (7, 1, "no text after its front matter"),
    "javascript-url.md": (4, 1, "javascript: addresses are refused"),
    "duplicate-key.md": (6, 1, "key 'title' is given twice (first on line 2)"),
    "not-utf8.md": (8, 8, "not valid UTF-8: byte 0xe9 at byte offset 169"),
    "binary.md": (3, 1, "binary file: NUL byte at byte offset 8"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_article_gives_one_located_error(name):
    line, col, words = CASES[name]
    article, problems = read_article(BAD / name, FIXTURES / "bad")
    assert article is None
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, [str(p) for p in errors]
    error = errors[0]
    assert (error.path, error.line, error.col) == (str(BAD / name), line, col)
    assert words in error.message
    assert error.hint


def test_wrong_types_are_all_reported_at_their_lines():
    _, problems = read_article(BAD / "wrong-type.md", FIXTURES / "bad")
    assert [(p.line, p.message) for p in problems if p.is_error] == [
        (2, "title must be text, not list ['a', 'list']"),
        (5, "published_inferred must be true or false, not 'maybe'"),
    ]


def test_load_article_raises_with_every_problem_of_the_file():
    with pytest.raises(ContentError) as caught:
        load_article(BAD / "wrong-type.md", FIXTURES / "bad")
    assert len(caught.value.problems) == 2
    assert "wrong-type.md:2:1: error: title must be text" in str(caught.value)


def test_a_bad_corpus_reports_every_file_and_skips_the_bad_ones():
    articles, problems = load_corpus(BAD)
    assert articles == []
    named = {Path(p.path).name for p in problems if p.is_error}
    assert named == set(CASES) | {"wrong-type.md"}


def test_strict_loading_raises_with_all_problems():
    with pytest.raises(ContentError) as caught:
        load_corpus(BAD, strict=True)
    assert {Path(p.path).name for p in caught.value.problems} == set(CASES) | {"wrong-type.md"}


def test_duplicate_ids_even_in_different_case_and_folders():
    folder = FIXTURES / "dup" / "articles"
    articles, problems = load_corpus(folder)
    assert [a.id for a in articles] == ["2024-05-14-same"]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == str(folder / "sub" / "2024-05-14-Same.md") and problem.line == 1
    assert problem.message.startswith("duplicate article id '2024-05-14-Same'")


def test_missing_articles_folder_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="the articles folder does not exist"):
        load_corpus(tmp_path / "articles")


def test_empty_articles_folder_is_a_warning(tmp_path):
    (tmp_path / "articles").mkdir()
    articles, problems = load_corpus(tmp_path / "articles")
    assert articles == [] and [p.severity for p in problems] == ["warning"]
