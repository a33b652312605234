"""Checks over a built site folder: internal links and anchors resolve, nothing is loaded
from another host. Used by the end-to-end tests of the core build and of the MkDocs build."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes through which a page makes the browser fetch something by itself.
_FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
             ("video", "src"), ("embed", "src"), ("object", "data"), ("link", "href"), ("img", "srcset")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        for (t, a) in _FETCHING:
            if tag == t and attrs.get(a):
                # <link rel=alternate/canonical> are not fetched; stylesheets, icons, preloads are
                rel = (attrs.get("rel") or "").lower()
                if tag == "link" and rel in {"alternate", "canonical"}:
                    continue
                self.fetches.append(attrs[a])
        if attrs.get("style"):
            self.styles.append(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal href points at, or None for external/special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "//")):
        return None
    base = "/" + page.relative_to(site).as_posix()
    joined = urlsplit(urljoin(base, href))
    path = site / unquote(joined.path).lstrip("/")
    if joined.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(joined.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in every HTML page that points nowhere."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.links:
            target = _target(site, page, href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
            elif fragment and path.suffix == ".html":
                ids = pages[path].ids if path in pages else parse(path).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    return broken


def external_requests(site: Path) -> list[str]:
    """Everything a page or style sheet would load from another host."""
    found = []
    for page in site.rglob("*.html"):
        parsed = parse(page)
        for url in parsed.fetches:
            if urlsplit(url.strip().split(" ")[0]).netloc or url.strip().startswith("//"):
                found.append(f"{page.relative_to(site)}: {url}")
        for css in parsed.styles:
            if "url(http" in css.replace(" ", "") or "@import" in css:
                found.append(f"{page.relative_to(site)}: style {css[:80]}")
    for sheet in site.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8").replace(" ", "").replace("'", "").replace('"', "")
        if "url(http" in css or "url(//" in css or "@importurl(http" in css:
            found.append(f"{sheet.relative_to(site)}: loads from another host")
    for script in site.rglob("*.js"):
        if script.relative_to(site).parts[0] == "pagefind":
            # Pagefind's bundle names https://example.com only to parse relative addresses;
            # the browser tests' request log shows it fetches nothing from another host.
            continue
        js = script.read_text(encoding="utf-8")
        if "http://" in js or "https://" in js:
            found.append(f"{script.relative_to(site)}: mentions another host")
    return found
