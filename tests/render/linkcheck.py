"""A small checker for a rendered site: every internal link and anchor resolves, and no
resource is loaded from another host. Reusable by any test that renders a site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_ATTRS = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src"), ("use", "href"), ("image", "href")}


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    h1: int = 0
    tags: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.page.tags.append(tag)
        if tag == "h1":
            self.page.h1 += 1
        if a.get("id"):
            self.page.ids.add(a["id"])
        for name in ("href", "src"):
            if name in a and a[name] is not None:
                if (tag, name) in RESOURCE_ATTRS and not (tag == "link" and a.get("rel") in
                                                          ("canonical", "alternate")):
                    self.page.resources.append(a[name])
                elif tag == "a" or (tag == "link" and name == "href"):
                    self.page.links.append(a[name])


def parse(path: Path) -> PageLinks:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.page


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _target(site: Path, page: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    path = unquote(parts.path)
    target = page if not path else (page.parent / path)
    if path.endswith("/") or (target.is_dir() and not path == ""):
        target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


def check_site(site: Path, skip_links: tuple[str, ...] = ("404.html",)) -> tuple[list[str], list[str]]:
    """(broken internal links or anchors, resources pointing at another host), as messages.

    Pages in `skip_links` (the 404 page, whose links start from the site's path on the
    server) are checked for foreign resources only."""
    pages = {p.resolve(): parse(p) for p in site.rglob("*.html")}
    broken, foreign = [], []
    for path, page in pages.items():
        rel = path.relative_to(site.resolve())
        for url in page.resources:
            if is_external(url):
                foreign.append(f"{rel}: resource {url}")
                continue
            if rel.as_posix() in skip_links:
                continue
            target, fragment = _target(site, path, url)
            if not target.exists() or (fragment and target in pages and fragment not in pages[target].ids):
                broken.append(f"{rel}: resource {url}")
        for url in page.links:
            if is_external(url) or rel.as_posix() in skip_links:
                continue
            target, fragment = _target(site, path, url)
            if not target.exists():
                broken.append(f"{rel}: link {url} -> missing {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{rel}: link {url} -> no id '{fragment}'")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if is_external(url) and not url.startswith("data:"):
                foreign.append(f"{css.relative_to(site)}: css url {url}")
    return broken, foreign
