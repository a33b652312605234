"""One page of each type in a built site, for the accessibility checks and screenshots."""

from __future__ import annotations

from pathlib import Path

# Folders holding one page per item, and the type name each is reported under.
_ITEM_DIRS = {"event": "events", "source": "sources", "person": "people", "place": "places",
              "organisation": "organizations", "year": "years", "era": "eras", "type": "types"}
# Single pages, by type name.
_SINGLE = {"home": "index.html", "people-index": "people/index.html", "places-index": "places/index.html",
           "organisations-index": "organizations/index.html", "sources-index": "sources/index.html",
           "years-index": "years/index.html", "eras-index": "eras/index.html",
           "types-index": "types/index.html", "undated": "undated/index.html",
           "outside-eras": "outside-eras/index.html", "about": "about/index.html",
           "method": "method/index.html", "not-found": "404.html", "search": "search/index.html"}


def page_types(site: Path) -> dict[str, str]:
    """Page type -> the site-relative path of one page of that type that exists.

    For item pages the largest one is taken, so the page with the most parts (figures
    tables, many sources) is the one checked.
    """
    found = {name: rel for name, rel in _SINGLE.items() if (site / rel).is_file()}
    for name, folder in _ITEM_DIRS.items():
        pages = [p for p in (site / folder).glob("*/index.html")]
        if pages:
            largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
            found[name] = largest.relative_to(site).as_posix()
    return found


def url_of(base: str, rel: str) -> str:
    """The address of a site-relative file path as the server serves it (folders, not index.html)."""
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
