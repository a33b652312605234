"""Merging a generated corpus: the events do not depend on whether the reasons are kept."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitegen.extract import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.load.corpus import load_corpus
from sitegen.merge import merge

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_corpus.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    try:
        spec.loader.exec_module(module)
        folder = tmp_path_factory.mktemp("corpus")
        module.write_corpus(120, folder, seed=3)
    finally:
        sys.modules.pop("make_corpus", None)
    articles, _ = load_corpus(folder / "articles")
    gazetteer = load_gazetteer(folder)
    return articles, [analyze(a, gazetteer) for a in articles], gazetteer


def test_merging_without_explanations_finds_the_same_events(corpus):
    # Without explanations merge compares a mention only with the clusters it could join;
    # with them, with every cluster in its months. The events must be the same.
    articles, analyses, gazetteer = corpus
    explained = merge(analyses, articles, gazetteer, explain=True)
    quiet = merge(analyses, articles, gazetteer, explain=False)
    assert explained.explain and not quiet.explain
    assert len(explained.events) > 50
    assert quiet.events == explained.events
    assert quiet.undated == explained.undated
    assert quiet.entities == explained.entities
