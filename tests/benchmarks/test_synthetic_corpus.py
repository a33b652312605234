"""The benchmark corpus generator: same seed, same bytes; every article loadable as a source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.synthetic import corpus_generator


@pytest.fixture(scope="module")
def make_corpus():
    return corpus_generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "articles").glob("*.md"))}


def _split(raw: str) -> tuple[dict, str]:
    assert raw.startswith("---\n")
    head, body = raw[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def test_same_seed_gives_identical_files(make_corpus, tmp_path):
    make_corpus.write_corpus(5, tmp_path / "a", seed=7)
    make_corpus.write_corpus(5, tmp_path / "b", seed=7)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == 5
    assert first == second


def test_another_seed_gives_other_articles(make_corpus, tmp_path):
    make_corpus.write_corpus(5, tmp_path / "a", seed=7)
    make_corpus.write_corpus(5, tmp_path / "b", seed=8)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_every_article_has_front_matter_a_date_and_a_plausible_length(make_corpus, tmp_path):
    make_corpus.write_corpus(5, tmp_path, seed=3)
    for name, raw in _files(tmp_path).items():
        meta, body = _split(raw.decode("utf-8"))
        assert {"title", "publisher", "url", "published"} <= set(meta), name
        assert meta["title"].strip() and meta["publisher"].strip(), name
        assert meta["url"].startswith("https://"), name
        assert isinstance(meta["published"], date), name
        assert date(2014, 1, 1) <= meta["published"] <= date(2024, 12, 31), name
        assert name.startswith(meta["published"].isoformat()), name
        assert 300 <= len(body.split()) <= 600, name


def test_command_line_writes_only_under_the_output_folder(make_corpus, tmp_path):
    out = tmp_path / "corpus"
    assert make_corpus.main(["3", str(out), "--seed", "1"]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert len([w for w in written if w.startswith("corpus/articles/") and w.endswith(".md")]) == 3
    assert all(w.startswith("corpus/") for w in written)


def test_refuses_to_overwrite_articles_it_did_not_write(make_corpus, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "mine.md").write_text("---\ntitle: x\n---\n\nmy own article\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        make_corpus.write_corpus(2, tmp_path, seed=0)
    assert (articles / "mine.md").exists()


def test_the_loader_reads_every_generated_article_without_problems(make_corpus, tmp_path):
    corpus = pytest.importorskip("sitegen.load.corpus", reason="the article loader is not importable")
    make_corpus.write_corpus(5, tmp_path, seed=11)
    articles, problems = corpus.load_corpus(tmp_path / "articles")
    assert len(articles) == 5
    assert [p for p in problems if p.is_error] == []
    assert all(a.published is not None and a.words >= 250 for a in articles)


def test_a_reprint_is_never_updated_before_it_was_published(make_corpus):
    # an aggregator reprints a wire story up to a day after it: its "updated" line must
    # follow the reprint's own date, as a real page's does (else the loader warns)
    import random

    tables = make_corpus.load_tables()
    story = make_corpus._Story("Bomb kills 3 in Baquba", date(2020, 3, 1),
                               ["A bomb killed three people in Baquba on Sunday."], "Reuters", "Iraq")
    updated = 0
    for seed in range(300):
        article = make_corpus._reprint(random.Random(seed), tables, story)
        meta = article.front_matter
        if "updated" in meta:
            updated += 1
            assert meta["updated"].date() >= meta["published"], seed
    assert updated > 30
