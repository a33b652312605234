"""Extraction in worker processes: the analyses the parent gets back, and the cache entries
the workers write, are the ones a single process makes."""

from __future__ import annotations

import pytest

from sitegen.cache import AnalysisCache
from sitegen.extract.analyze import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.pipeline import analyze_all, load_articles
from sitegen.progress import Progress
from sitegen.workers import can_fork
from tests.synthetic import write_corpus

pytestmark = pytest.mark.skipif(not can_fork(),
                                reason="extraction runs in worker processes only where they can fork")


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(12, folder, seed=5)  # enough articles for the worker processes
    found, problems = load_articles(folder / "articles")
    assert not problems and len(found) == 12
    return found


def test_workers_hand_back_and_store_what_one_process_finds(articles, tmp_path, monkeypatch):
    import sitegen.pipeline

    gazetteer = load_gazetteer(None)
    alone = {a.id: analyze(a, gazetteer) for a in articles}

    def not_here(article):
        raise AssertionError("analysed in the build's own process, not by the workers")

    monkeypatch.setattr(sitegen.pipeline, "_analyze_one", not_here)

    cache = AnalysisCache(tmp_path / "cache")
    parallel, words = analyze_all(articles, gazetteer, cache, jobs=2, progress=Progress(verbose=False))
    assert parallel == alone
    assert words == sum(a.words for a in articles)

    # a later build, in another process, reads every entry the workers wrote
    again = AnalysisCache(tmp_path / "cache")
    read, words = analyze_all(articles, gazetteer, again, jobs=2, progress=Progress(verbose=False))
    assert again.hits == len(articles) and words == 0
    assert read == alone


def test_an_entry_made_for_one_article_is_not_taken_for_another(articles, tmp_path):
    gazetteer = load_gazetteer(None)
    cache = AnalysisCache(tmp_path / "cache")
    first, second = articles[:2]
    entry = cache.entry(first.digest, analyze(first, gazetteer))
    assert cache.value_of(first.digest, entry) == analyze(first, gazetteer)
    with pytest.raises(ValueError, match="another article"):
        cache.value_of(second.digest, entry)
