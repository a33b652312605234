"""Articles that load, with the warnings a user should see and the forms sitegen accepts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.load import load_corpus, read_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"
GOOD = FIXTURES / "good" / "articles"


@pytest.fixture(scope="module")
def corpus():
    articles, problems = load_corpus(GOOD)
    return {a.id: a for a in articles}, problems


def test_articles_are_sorted_by_id_from_subfolders_too(corpus):
    articles, _ = corpus
    assert list(articles) == ["2024-05-14-army-post-attack", "2024-05-20-no-date", "2024-05-21-bom-and-crlf"]
    assert articles["2024-05-20-no-date"].path == "articles/2024/2024-05-20-no-date.md"


def test_missing_published_is_a_warning_and_the_article_loads_undated(corpus):
    articles, problems = corpus
    assert articles["2024-05-20-no-date"].published is None
    undated = [p for p in problems if "no 'published' date" in p.message]
    assert [(Path(p.path).name, p.line, p.severity) for p in undated] == [
        ("2024-05-20-no-date.md", 1, "warning")]


def test_unknown_key_is_warned_with_a_guess_and_the_known_keys(corpus):
    _, problems = corpus
    unknown = [p for p in problems if p.message.startswith("unknown key")]
    assert len(unknown) == 1
    assert (unknown[0].line, unknown[0].severity) == (6, "warning")
    assert unknown[0].message == "unknown key 'publishd' (ignored)"
    assert unknown[0].hint.startswith(
        "Did you mean 'published'? Known keys: title, publisher, url, published")


def test_a_url_that_is_not_http_is_a_warning(corpus):
    articles, problems = corpus
    ftp = [p for p in problems if "ftp://" in p.message]
    assert [(p.line, p.severity) for p in ftp] == [(4, "warning")]
    assert articles["2024-05-20-no-date"].url == "ftp://example.org/undated"


def test_bom_crlf_and_html_as_text(corpus):
    articles, _ = corpus
    article = articles["2024-05-21-bom-and-crlf"]
    assert article.title == "Windows file"
    assert article.published == date(2024, 5, 21)
    assert article.text == "First paragraph.\n\nSecond <b>paragraph</b> & more."
    assert [b.line for b in article.blocks] == [6, 8]


def test_markup_reduced_to_text_and_a_list_number_kept(corpus):
    articles, _ = corpus
    article = articles["2024-05-14-army-post-attack"]
    assert article.text == ("The attack took place late on Monday, the ministry said.\n\n"
                            "2017. Iraq declared victory.\n\n"
                            "Updated: May 15, 2024, 5:08 AM")
    assert [(b.line, b.kind) for b in article.blocks] == [
        (9, "paragraph"), (11, "list_item"), (13, "paragraph")]
    assert article.updated == datetime(2024, 5, 15, 5, 8)
    assert article.meta == {"agency": "Reuters"}


def test_heading_and_lines_joined_by_a_soft_break(corpus):
    articles, _ = corpus
    article = articles["2024-05-20-no-date"]
    assert article.text == "A heading\n\nISIS claimed the attack on Tuesday.\nIt said so on Telegram."
    assert [(b.line, b.kind) for b in article.blocks] == [(8, "heading"), (10, "paragraph")]
    second_line = article.text.index("It said")
    assert article.line_of(second_line) == 10


@pytest.mark.parametrize(("written", "expected"), [
    ("2024-05-14", date(2024, 5, 14)),
    ("2024-05-14T05:08:00+00:00", date(2024, 5, 14)),
    ("'2024-05-14 05:08'", date(2024, 5, 14)),
    ("May 14, 2024", date(2024, 5, 14)),
    ("14 May 2024", date(2024, 5, 14)),
])
def test_published_date_forms(tmp_path, written, expected):
    path = tmp_path / "articles" / "a.md"
    path.parent.mkdir()
    path.write_text(f"---\ntitle: T\npublisher: P\npublished: {written}\n---\nText.\n", encoding="utf-8")
    article, problems = read_article(path, tmp_path)
    assert problems == [] and article is not None
    assert article.published == expected


def _write(tmp_path, front: str, body: str = "Text.\n"):
    path = tmp_path / "articles" / "a.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return read_article(path, tmp_path)


def test_updated_before_published_is_a_warning(tmp_path):
    article, problems = _write(tmp_path,
                               "title: T\npublisher: P\npublished: 2024-05-14\nupdated: 2024-05-13\n")
    assert article is not None
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (5, "warning", "'updated' (2024-05-13) is before 'published' (2024-05-14)")]


def test_inferred_without_a_date_is_a_warning(tmp_path):
    article, problems = _write(tmp_path, "title: T\npublisher: P\npublished_inferred: true\n")
    assert article is not None and article.published is None
    assert sorted((p.line, p.severity) for p in problems) == [(1, "warning"), (4, "warning")]


def test_optional_keys_are_kept_in_meta(tmp_path):
    article, problems = _write(tmp_path, (
        "title: T\npublisher: P\npublished: 2024-09-14\nauthor: [Jane Doe, John Roe]\nagency: AP\n"
        "translated_from: fr\narchive_url: https://archive.example/x\naccessed: 14 September 2024\n"
        "author_note:\n"))
    assert article is not None
    assert article.meta == {"author": ("Jane Doe", "John Roe"), "agency": "AP", "translated_from": "fr",
                            "archive_url": "https://archive.example/x", "accessed": date(2024, 9, 14)}
    assert [p.message for p in problems] == ["unknown key 'author_note' (ignored)"]


def test_an_empty_value_counts_as_absent(tmp_path):
    _, problems = _write(tmp_path, "title:\npublisher: P\npublished: 2024-05-14\n")
    assert [(p.line, p.message) for p in problems] == [(1, "missing required key 'title'")]


def test_article_files_skip_hidden_entries_and_linked_folders_and_keep_path_order(tmp_path):
    # editors' tools leave hidden files and folders (.git, .obsidian, ~ swap files); a
    # linked folder could lead outside the corpus, or round in a loop
    from sitegen.load.corpus import article_files

    root = tmp_path / "articles"
    for rel in ("b.md", "a-z.md", "a/b.md", "a/c/d.md", ".hidden.md", ".obsidian/e.md", "a/.f.md",
                "notes.txt", "folder.md/g.md"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "h.md").write_text("x", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    found = [p.relative_to(root).as_posix() for p in article_files(root)]
    assert found == ["a-z.md", "a/b.md", "a/c/d.md", "b.md", "folder.md/g.md"]


def test_a_kept_file_hash_spares_reading_an_unchanged_article(tmp_path):
    # `sitegen serve` has just hashed every content file (reading only those whose stat
    # changed); the loader takes an article from its memo when that hash says it is the same
    import hashlib
    import shutil

    from sitegen.cache import tree_digest

    root = tmp_path / "content"
    shutil.copytree(GOOD, root / "articles")
    memo: dict = {}
    files: dict = {}
    tree_digest(root, hashlib.sha256(), known=files)
    first, _ = load_corpus(root / "articles", memo=memo, files=files)
    path = root / "articles" / "2024-05-14-army-post-attack.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Iraq declared victory", "Iraq declared its victory"), encoding="utf-8")
    # the kept hash (as if the file's stat had not changed): the article as it was
    again, _ = load_corpus(root / "articles", memo=memo, files=files)
    assert [a.text for a in again] == [a.text for a in first]
    # hashed again: the new text
    fresh: dict = {}
    tree_digest(root, hashlib.sha256(), known=fresh)
    edited, _ = load_corpus(root / "articles", memo=memo, files=fresh)
    assert "Iraq declared its victory" in {a.id: a for a in edited}["2024-05-14-army-post-attack"].text
