"""The repository's content/: the five seed articles load cleanly, with exact offsets, unchanged."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.check import check_content
from sitegen.config import load_site_config
from sitegen.load import load_corpus

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
SEEDS = REPO / ".." / "shared" / "seeds"

# Seed file -> (article id, published, publisher), from the seeds' SOURCES.md.
SEED_ARTICLES = {
    "000_bf63179bdf6f0cb2.txt": ("2020-07-29-isis-claims-killing-of-iraqi-commander",
                                 date(2020, 7, 29), "Rudaw"),
    "001_e8797aea7a97c89d.txt": ("2024-05-15-isis-remains-a-threat-claims-army-post-attack",
                                 date(2024, 5, 15), "The Arab Weekly"),
    "002_a422462a3f810aba.txt": ("2024-05-14-isis-attack-army-post", date(2024, 5, 14), "The National"),
    "003_5cef4c7638461147.txt": ("2024-09-14-us-army-says-it-killed-four-is-leaders", date(2024, 9, 14),
                                 "franceinfo"),
    "004_15b2b71b4d88a6b5.txt": ("2024-09-14-us-and-iraqi-forces-kill-is-commander", date(2024, 9, 14),
                                 "westtimelines.com"),
}


@pytest.fixture(scope="module")
def corpus():
    articles, problems = load_corpus(CONTENT / "articles")
    return {a.id: a for a in articles}, problems


def test_content_loads_without_any_problem(corpus):
    articles, problems = corpus
    assert [str(p) for p in problems] == []
    assert sorted(articles) == sorted(seed[0] for seed in SEED_ARTICLES.values())


def test_front_matter_of_the_seeds(corpus):
    articles, _ = corpus
    for article_id, published, publisher in SEED_ARTICLES.values():
        article = articles[article_id]
        assert (article.published, article.publisher) == (published, publisher)
        assert article.url and article.url.startswith("https://")
    assert articles["2024-05-14-isis-attack-army-post"].updated == datetime(2024, 5, 15, 5, 8)
    assert articles["2024-05-15-isis-remains-a-threat-claims-army-post-attack"].meta["agency"] == "Reuters"
    assert articles["2024-09-14-us-army-says-it-killed-four-is-leaders"].meta["translated_from"] == "fr"
    undated_page = articles["2024-09-14-us-and-iraqi-forces-kill-is-commander"]
    assert undated_page.published_inferred and undated_page.meta["agency"] == "AP"


def test_every_block_is_the_text_of_its_lines_in_the_file(corpus):
    """Seed bodies have no markup, so each block's text is exactly its source lines."""
    articles, _ = corpus
    for article in articles.values():
        lines = (CONTENT / article.path).read_text(encoding="utf-8").split("\n")
        assert article.blocks
        for block in article.blocks:
            text = article.text[block.start:block.end]
            count = text.count("\n") + 1
            assert text == "\n".join(lines[block.line - 1:block.line - 1 + count]).strip()
        assert article.text == "\n\n".join(article.text[b.start:b.end] for b in article.blocks)


def test_known_lines_of_the_seed_texts(corpus):
    articles, _ = corpus
    national = articles["2024-05-14-isis-attack-army-post"]
    update = national.text.index("Updated: May 15, 2024, 5:08 AM")
    assert national.text.endswith("Updated: May 15, 2024, 5:08 AM")
    assert national.line_of(update) == 58  # grep -n in the file
    reuters = articles["2024-05-15-isis-remains-a-threat-claims-army-post-attack"]
    assert reuters.text.endswith("Required fields are marked *")
    assert reuters.text.startswith(
        "ISIS ‘remains a threat’ as it claims attack on army post in northern Iraq |")
    franceinfo = articles["2024-09-14-us-army-says-it-killed-four-is-leaders"]
    assert "\n\nReading time: 1 min\n\n" in franceinfo.text


def test_the_captured_words_are_kept(corpus):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    articles, _ = corpus
    for seed, (article_id, _, _) in SEED_ARTICLES.items():
        captured = (SEEDS / seed).read_text(encoding="utf-8")
        assert articles[article_id].text.split() == captured.split(), seed
        assert re.sub(r"\s+", " ", articles[article_id].text) == re.sub(r"\s+", " ", captured).strip()


def test_digest_is_the_hash_of_the_file(corpus):
    articles, _ = corpus
    for article in articles.values():
        assert article.digest == hashlib.sha256((CONTENT / article.path).read_bytes()).hexdigest()


def test_eras_and_site_settings():
    config, problems = load_site_config(CONTENT)
    assert problems == []
    assert config.language == "en" and config.title
    assert [(e.id, e.start, e.end) for e in config.eras] == [
        ("rise-and-caliphate", date(2014, 1, 1), date(2017, 12, 31)),
        ("territorial-defeat", date(2018, 1, 1), date(2019, 3, 31)),
        ("insurgency-and-drawdown", date(2019, 4, 1), None),
    ]


def _folder_state(folder: Path) -> dict[str, tuple[str, int] | None]:
    """Every file's hash and modification time, and every folder, under `folder`."""
    return {p.relative_to(folder).as_posix():
            (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def test_loading_and_checking_never_write_into_content():
    before = _folder_state(CONTENT)
    load_corpus(CONTENT / "articles")
    load_site_config(CONTENT)
    check_content(CONTENT)
    assert _folder_state(CONTENT) == before
