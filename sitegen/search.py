"""Full-text search for a built site: a Pagefind index of its events, written after rendering.

Pagefind was chosen over MkDocs' search index by `benchmarks/search.py`: a browser downloads a
few small index fragments per query instead of one index of the whole site. The index is built
from the site's own `events.json` (records with facets from data, not scraped from markup), so
the templates need no search attributes. Without the `pagefind` package this is a no-op with a
warning: the site still works, only the search page says search is unavailable.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.model import DateValue, Precision
from sitegen.output import SiteFiles
from sitegen.render.filters import display_date, machine_date

log = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
SEARCH_PAGE = "search/index.html"

# Facet names as the search page shows them, in the order it shows them.
FACETS = ("era", "type", "place", "person", "organisation", "source")
# Pagefind's own ready-made interfaces; the theme's search page uses only its JavaScript API.
_UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
                 "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
_KIND_FACET = {"place": "place", "person": "person", "organization": "organisation"}


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One event as the search index holds it: its address, the words it is found by, what a
    result shows (its sentence, its date in words and as ISO, where and who) and its facets."""

    url: str
    content: str
    title: str
    date: str
    datetime: str
    where: str
    filters: dict[str, list[str]]

    def meta(self) -> dict[str, str]:
        """What the search page shows for this result."""
        return {"title": self.title, "date": self.date, "datetime": self.datetime, "where": self.where}


def _date_value(data: dict | None) -> DateValue | None:
    """The model's date from its events.json form, so it is shown as the pages show it."""
    if not data:
        return None
    return DateValue(value=data["value"], precision=Precision(data["precision"]),
                     start=date.fromisoformat(data["start"]) if data.get("start") else None,
                     end=date.fromisoformat(data["end"]) if data.get("end") else None,
                     mod=data.get("mod"), inferred=bool(data.get("inferred")))


def _directory_urls(site_dir: Path) -> bool:
    """Whether the site links to folders (`events/x/`) rather than files (`events/x/index.html`)."""
    home = site_dir / "index.html"
    if not home.is_file():
        return True
    return not re.search(r'href="[^"]*events/[^"/]+/index\.html"', home.read_text(encoding="utf-8"))


def _language(site_dir: Path) -> str:
    """The site's language from the home page's `<html lang>`; English when absent."""
    home = site_dir / "index.html"
    if home.is_file():
        found = re.search(r'<html[^>]*\blang="([A-Za-z-]+)"', home.read_text(encoding="utf-8")[:2000])
        if found:
            return _site_language(found.group(1))
    return "en"


def _site_language(lang: str) -> str:
    """The index language for a site whose `<html lang>` is `lang`, as `_language` reads it."""
    return lang.split("-")[0].lower() if re.fullmatch(r"[A-Za-z-]+", lang) else "en"


def search_records(events_json: dict, *, directory_urls: bool = True) -> list[SearchRecord]:
    """One record per dated or undated event, with the facets the search page narrows by.

    The words indexed are the event's title and summary, its type and era, the names and
    aliases of its people, places and organisations, the publishers and titles of its sources
    and the sentences that report it, so a reader finds an event by any name a source used.
    """
    entities = {e["id"]: e for e in events_json.get("entities", [])}
    eras = {e["id"]: e["title"] for e in events_json.get("eras", [])}
    articles = {a["id"]: a for a in events_json.get("articles", [])}
    records = []
    for event in [*events_json.get("events", []), *events_json.get("undated", [])]:
        filters: dict[str, list[str]] = {name: [] for name in FACETS}
        # what the sources say comes first, so Pagefind's excerpts quote sentences; the names
        # and aliases follow, so a reader finds the event by any name a source used
        text = [event.get("title") or "", event.get("summary") or ""]
        names = [event.get("type") or ""]
        if event.get("era") in eras:
            filters["era"].append(eras[event["era"]])
            names.append(eras[event["era"]])
        if event.get("type"):
            filters["type"].append(event["type"])
        for key in ("people", "places", "organizations"):
            for entity_id in event.get(key, []):
                entity = entities.get(entity_id)
                if entity is None:
                    continue
                facet = _KIND_FACET.get(entity["kind"])
                if facet and entity["name"] not in filters[facet]:
                    filters[facet].append(entity["name"])
                names.extend([entity["name"], *entity.get("aliases", []), *entity.get("native_names", [])])
        for mention in event.get("mentions", []):
            article = articles.get(mention.get("article"))
            if article:
                if article["publisher"] and article["publisher"] not in filters["source"]:
                    filters["source"].append(article["publisher"])
                names.extend([article["publisher"] or "", article["title"] or ""])
            text.append((mention.get("sentence") or {}).get("text") or "")
        words = list(dict.fromkeys(w.strip() for w in [*text, *names] if w and w.strip()))
        when = _date_value(event.get("date"))
        where = "; ".join(", ".join(filters[f]) for f in ("place", "person", "organisation") if filters[f])
        url = f"events/{event['id']}/" + ("" if directory_urls else "index.html")
        records.append(SearchRecord(
            url=url, content=".\n".join(w.rstrip(".") for w in words),
            title=event.get("summary") or event.get("title") or event["id"],
            date=display_date(when), datetime=machine_date(when), where=where,
            filters={k: v for k, v in filters.items() if v}))
    return records


def record_html(record: SearchRecord, language: str) -> str:
    """The record as a small HTML document in Pagefind's markup: body, meta and filters.

    Every value is escaped and given as element text, so commas and colons in names stay
    inside their value.
    """
    parts = [f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
             f"<title>{escape(record.title)}</title></head><body><main data-pagefind-body>",
             f'<h1 data-pagefind-meta="title">{escape(record.title)}</h1>']
    for key in ("date", "datetime", "where"):
        value = getattr(record, key)
        if value:
            parts.append(f'<p data-pagefind-meta="{key}" data-pagefind-ignore>{escape(value)}</p>')
    parts += [f"<p>{escape(line)}</p>" for line in record.content.split("\n")]
    for facet, values in record.filters.items():
        parts += [f'<span data-pagefind-filter="{facet}" data-pagefind-ignore>{escape(v)}</span>'
                  for v in values]
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


class Interrupted(Exception):
    """The work was left unfinished because the caller asked for it to stop."""


def stop_if(interrupted: Callable[[], bool] | None) -> None:
    """Raise `Interrupted` if `interrupted` (when given) says to stop."""
    if interrupted is not None and interrupted():
        raise Interrupted


def _start_index(documents: list[tuple[str, str]], bundle: Path, language: str,
                 interrupted: Callable[[], bool] | None = None) -> tuple[subprocess.Popen, Path]:
    """Start the Pagefind CLI over the (address, HTML) documents of the records (see
    `record_html`), written to a scratch folder; returns the running process and the folder
    (removed by `SearchJob`). Asks `interrupted` now and then while it writes them (see
    `SearchJob.finish`)."""
    keep_index_url = False
    scratch = Path(tempfile.mkdtemp(prefix="sitegen-search-"))
    try:
        for n, (url, html) in enumerate(documents):
            if n % 500 == 0:
                stop_if(interrupted)
            rel = url + ("index.html" if url.endswith("/") else "")
            keep_index_url = keep_index_url or not url.endswith("/")
            target = scratch / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(scratch), "--output-path", str(bundle),
                   "--force-language", language, "--silent"]
        if keep_index_url:
            command.append("--keep-index-url")
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   stdin=subprocess.DEVNULL)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return process, scratch


def pagefind_available() -> bool:
    """Whether the `pagefind` package and its binary (`pagefind[bin]`) are installed."""
    try:
        import pagefind.index  # noqa: F401
        from pagefind.service import get_executable
    except ImportError:
        return False
    try:
        return get_executable() is not None
    except Exception:  # the package raises its own error types when no binary is found
        return False


def _index_digest(documents: list[tuple[str, str]], language: str) -> str:
    """A hash of everything the bundle is made from: the documents, their addresses, the
    language, this module's code and Pagefind's version."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{language}/{version('pagefind')}/".encode())
    digest.update(Path(__file__).read_bytes())
    for url, html in documents:
        digest.update(f"\0{url}\0{html}".encode())
    return digest.hexdigest()


class SearchJob:
    """The search bundle of one site, under way: Pagefind runs as a separate process, so
    the build can go on (rendering pages) meanwhile. `finish()` waits for it and returns
    what the bundle is made from (see `start_search`); `cancel()` stops it."""

    def __init__(self, site_dir: Path, digest: str | None, files: SiteFiles | None = None,
                 process: subprocess.Popen | None = None, scratch: Path | None = None):
        self.site_dir, self.digest, self.files = site_dir, digest, files
        self.process, self.scratch = process, scratch

    def finish(self, interrupted: Callable[[], bool] | None = None) -> str | None:
        """Wait for the bundle; with `interrupted`, ask it now and then whether to stop, and
        if so stop Pagefind and raise `Interrupted`."""
        if self.process is None:
            return self.digest
        try:
            while True:
                try:  # reading as it waits, so Pagefind never blocks on a full pipe
                    out, err = self.process.communicate(timeout=None if interrupted is None else 0.1)
                    break
                except subprocess.TimeoutExpired:
                    if interrupted is not None and interrupted():  # stop Pagefind first
                        self.process.kill()
                        self.process.communicate()
                        raise Interrupted from None
        finally:
            self._clean()
        if self.process.returncode != 0:
            why = err.strip() or out.strip()
            raise SitegenError(f"pagefind failed to index the site: {why}")
        bundle = self.site_dir / BUNDLE_DIR
        for name in _UNUSED_FILES:
            (bundle / name).unlink(missing_ok=True)
        if self.files is not None:
            for path in bundle.rglob("*"):
                if path.is_file():
                    self.files.relink(path.relative_to(self.site_dir).as_posix())
        return self.digest

    def cancel(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self._clean()

    def _clean(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def start_search(site_dir: Path, previous: Path | None = None, previous_digest: str | None = None, *,
                 directory_urls: bool | None = None, language: str | None = None,
                 staged: bool = False, interrupted: Callable[[], bool] | None = None) -> SearchJob:
    """Start indexing the events of the site being built in `site_dir` into
    `site_dir/pagefind/`; see `add_search`. Needs only `site_dir/events.json`, and the home
    page unless `directory_urls` and `language` are given, so it can start while the other
    pages are still being rendered. With `staged`, `site_dir` stages an update of
    `previous` in place (see `sitegen.output.SiteUpdate`), and a bundle that would not change
    is left where it is. `interrupted`: see `SearchJob.finish`, which it is passed on to
    while the documents for Pagefind are written."""
    site_dir = Path(site_dir)
    if not pagefind_available():
        log.warning("search not added: install 'pagefind[bin]' to index %s", site_dir)
        return SearchJob(site_dir, None)
    exported = site_dir / "events.json"
    if staged and previous is not None and not exported.is_file():
        exported = previous / "events.json"  # unchanged, so not staged
    # asked between the steps, which take a second each on a large corpus
    data = json.loads(exported.read_text(encoding="utf-8"))
    stop_if(interrupted)
    if directory_urls is None:
        directory_urls = _directory_urls(site_dir)
    records = search_records(data, directory_urls=directory_urls)
    stop_if(interrupted)
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    if not records:  # Pagefind refuses an empty index; the search page says there is nothing
        return SearchJob(site_dir, None)
    language = _site_language(language) if language is not None else _language(site_dir)
    documents = [(record.url, record_html(record, language)) for record in records]
    digest = _index_digest(documents, language)
    stop_if(interrupted)
    files = SiteFiles(site_dir, previous, staged=staged) if previous is not None else None
    if files is not None and previous_digest == digest and (files.previous / BUNDLE_DIR).is_dir():
        for path in (files.previous / BUNDLE_DIR).rglob("*"):
            if path.is_file():
                files.keep(path.relative_to(files.previous).as_posix())
        return SearchJob(site_dir, digest)
    process, scratch = _start_index(documents, bundle, language, interrupted)
    return SearchJob(site_dir, digest, files, process, scratch)


def add_search(site_dir: Path, previous: Path | None = None,
               previous_digest: str | None = None) -> str | None:
    """Index the events of the site built in `site_dir` into `site_dir/pagefind/`.

    Reads `site_dir/events.json`; replaces any earlier bundle. Logs a warning and writes
    nothing when Pagefind is not installed, so a build never fails for want of search.

    `previous` is the site being replaced, and `previous_digest` what its bundle was made
    from. Returns what this bundle is made from (None when there is none). When the two are
    equal (a change to the theme or the pages, not to the events), the previous bundle is
    kept as it is instead of indexing again; otherwise files of the new bundle identical to
    the previous ones become hard links to them, as `render_site` does with pages.
    """
    job = start_search(site_dir, previous, previous_digest)
    try:
        return job.finish()
    except BaseException:
        job.cancel()
        raise
