"""Shared fixtures: the repository, the seed content, and one build of it per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
SHARED = REPO.parent / "shared"

# The seed articles by their number in EXPECTED.md, identified by their address (SOURCES.md).
SEED_URLS = {
    "000": "https://rudaw.net/english/middleeast/iraq/29072020",
    "001": "https://thearabparrot.com/isis-remains-a-threat-as-it-claims-attack-on-army-post-in-northern-iraq/",
    "002": "https://www.thenationalnews.com/news/mena/2024/05/14/army-officer-and-five-soldiers-killed-in-suspected-isis-attack-in-iraq/",
    "003": "https://www.francetvinfo.fr/monde/proche-orient/offensive-jihadiste-en-irak/irak-l-armee-americaine-annonce-avoir-tue-fin-aout-quatre-dirigeants-de-l-etat-islamique_6781219.html",
    "004": "https://westtimelines.com/us-and-iraqi-forces-attempting-to-kill-islamic-state-commander-officials-report/",
}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (seeds and corpora) is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built from the repository's content/ with the core alone (no MkDocs)."""
    from sitegen.build import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site(CONTENT, out, cache_dir=None, jobs=1)
    return out


@pytest.fixture(scope="session")
def events_json(built_site) -> dict:
    return json.loads((built_site / "events.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_ids(events_json) -> dict[str, str]:
    """Seed number -> article id in the built corpus."""
    by_url = {a["url"]: a["id"] for a in events_json["articles"]}
    return {n: by_url[url] for n, url in SEED_URLS.items()}
