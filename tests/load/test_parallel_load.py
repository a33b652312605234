"""Loading a large corpus in worker processes finds what one process finds, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.load import corpus as corpus_module
from sitegen.load import load_corpus
from sitegen.workers import can_fork
from tests.synthetic import write_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"

pytestmark = pytest.mark.skipif(not can_fork(),
                                reason="articles are parsed in worker processes only where they can fork")


@pytest.fixture()
def mixed_corpus(tmp_path) -> Path:
    """Good generated articles, every kind of bad one, two files with one id, a huge one."""
    write_corpus(12, tmp_path, seed=9)
    articles = tmp_path / "articles"
    for bad in (FIXTURES / "bad" / "articles").glob("*.md"):
        shutil.copy(bad, articles / bad.name)
    shutil.copytree(FIXTURES / "dup" / "articles", articles / "dup")
    (articles / "2024-01-01-huge.md").write_text("---\ntitle: x\n---\n" + "word " * 10_000, encoding="utf-8")
    return articles


def test_workers_find_the_same_articles_problems_and_memo(mixed_corpus, monkeypatch):
    forked = []
    real_map = corpus_module.forked_map

    def counted_map(function, items, jobs):
        forked.append(len(items))
        return real_map(function, items, jobs)

    monkeypatch.setattr(corpus_module, "forked_map", counted_map)
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_FILES", 1)
    limits = {"max_article_bytes": 20_000}  # the huge one is refused without being read

    alone_memo: dict = {}
    alone = load_corpus(mixed_corpus, memo=alone_memo, jobs=1, **limits)
    assert forked == []
    parallel_memo: dict = {}
    parallel = load_corpus(mixed_corpus, memo=parallel_memo, jobs=2, **limits)
    assert forked and forked[0] > 12  # every file was parsed by the workers

    assert parallel == alone
    assert parallel_memo == alone_memo
    articles, problems = alone
    assert len(articles) >= 12
    messages = " ".join(p.message for p in problems)
    assert "duplicate article id" in messages and "over the limit" in messages

    # a second load with the memo parses nothing again, and finds the same
    assert load_corpus(mixed_corpus, memo=parallel_memo, jobs=2, **limits) == alone
