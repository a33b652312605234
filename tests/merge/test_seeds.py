"""The seed corpus gives the chronology a careful editor builds (tests/data/expected_seeds.yml):
all 21 events with their dates, precisions and sources, no not-event, no false merge, and
every spelling of an entity resolved to one id. Same check as benchmarks/seed_eval.py."""

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _seed_eval():
    spec = importlib.util.spec_from_file_location("seed_eval", REPO / "benchmarks" / "seed_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["seed_eval"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    if not (REPO / "content" / "articles").is_dir():
        pytest.skip("the seed content (content/articles) is absent")
    return _seed_eval().evaluate(REPO / "content")


def test_every_expected_event_is_found_with_its_date_precision_and_sources(report):
    missing = [r.id for r in report.rows if not r.found]
    assert missing == [], report.table()
    assert len(report.rows) == 21


def test_no_not_event_and_no_false_merge(report):
    assert report.not_events == [] and report.false_merges == [], report.table()


def test_entity_variants_resolve_to_one_entity(report):
    assert report.entity_errors == [], report.table()


def test_the_benchmark_ends_with_the_summary_line(report):
    assert report.table().splitlines()[-1] == "seeds: 21/21 found, 0 not-events, 0 false merges"
