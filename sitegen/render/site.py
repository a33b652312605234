"""Render a whole site: build the indexes and page list once, render the pages (in worker
processes forked from this one when `jobs > 1`), then write the data exports and feeds.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment

from sitegen.model import Event, Timeline
from sitegen.output import SiteFiles
from sitegen.render import datasets, exports, feeds
from sitegen.render.environment import make_environment, theme_dir
from sitegen.render.fragments import Fragments, piece
from sitegen.render.incremental import (
    Basis,
    RenderMemory,
    basis_of,
    changes_since,
    fingerprint,
    same_entities,
    site_key,
)
from sitegen.render.indexes import SiteIndex, build_index
from sitegen.render.pages import PageSpec, build_pages
from sitegen.render.settings import RenderResult, RenderSettings
from sitegen.render.urls import Urls, file_of, root_of

STATIC_DIRS = ("css", "js", "img")

# Set before forking so workers inherit them instead of receiving pickled copies.
_JOB: tuple[Environment, list[PageSpec], SiteFiles] | None = None


def _render_range(bounds: tuple[int, int]) -> list[str]:
    assert _JOB is not None
    env, specs, out = _JOB
    written = []
    for spec in specs[bounds[0]:bounds[1]]:
        html = env.get_template(spec.template).render(spec.full_context())
        rel = file_of(spec.path)
        out.put(rel, html)
        written.append(rel)
    return written


MIN_PARALLEL = 64  # below this many pages, starting workers costs more than it saves


def _render_pages(env: Environment, specs: list[PageSpec], out: SiteFiles, jobs: int,
                  meanwhile: Callable[[], None]) -> list[str]:
    """Render and write every page; `meanwhile` runs in this process while workers render."""
    global _JOB
    _JOB = (env, specs, out)
    try:
        if jobs <= 1 or len(specs) < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
            written = _render_range((0, len(specs)))
            meanwhile()
            return written
        chunk = max(16, len(specs) // (jobs * 8))
        ranges = [(i, min(i + chunk, len(specs))) for i in range(0, len(specs), chunk)]
        gc.freeze()  # so the workers' garbage collector leaves the inherited timeline alone
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                pending = pool.map_async(_render_range, ranges)
                meanwhile()
                return [path for part in pending.get() for path in part]
        finally:
            gc.unfreeze()
    finally:
        _JOB = None


def _write(out: SiteFiles, rel: str, text: str, files: list[str]) -> None:
    out.put(rel, text)
    files.append(rel)


def _copy_static(folder: Path, out: SiteFiles, files: list[str]) -> None:
    for name in STATIC_DIRS:
        source = folder / name
        if not source.is_dir():
            continue
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(folder).as_posix()
                out.put(rel, path.read_bytes())
                files.append(rel)


def _feeds(timeline: Timeline, ix: SiteIndex, settings: RenderSettings, urls: Urls,
           out: SiteFiles, files: list[str], fragments: Fragments | None = None) -> None:
    """Atom feeds for the site, each era and each entity with events: the newest events
    (a feed made before from the same events, articles and settings is reused)."""
    base = settings.base_url.rstrip("/") + "/" if settings.base_url else ""

    def write(page_path: str, title: str, key: str, events: list[Event]) -> None:
        rel = f"{page_path}feed.xml"
        prefix = base or root_of(rel)
        newest = list(reversed(events[-settings.feed_entries:]))
        sources = tuple(ix.articles.get(a) for e in newest for a in e.articles)
        made_from = (title, settings, tuple(newest), sources)
        text = piece(fragments, ("feed", rel, key), made_from, lambda: feeds.atom_feed(
            title=title, feed_key=key, events=newest, articles=ix.articles,
            link_for=lambda e: prefix + urls.href(urls.event(e.id)),
            self_href=(base + rel) if base else "feed.xml",
            site_href=prefix + urls.href(page_path), author=settings.title))
        _write(out, rel, text, files)

    write("", settings.title, "site", list(timeline.events))
    for era in timeline.eras:
        write(urls.era(era.id), f"{settings.title}: {era.title}", f"era:{era.id}", ix.by_era.get(era.id, []))
    for entity in ix.entities.values():
        write(urls.entity(entity.kind, entity.id), f"{settings.title}: {entity.name}",
              f"entity:{entity.id}", ix.by_entity.get(entity.id, []))


def _unchanged_pages(specs: list[PageSpec], key: str, memory: RenderMemory, previous: Path | None,
                     out: SiteFiles, basis: Basis) -> tuple[list[PageSpec], list[str]]:
    """The pages to render, and those kept from the previous site: a page whose fingerprint
    equals the one recorded when that site was rendered is linked from it (see
    `sitegen.render.incremental`). Records this render's fingerprints, and what it read
    from the model (`basis`), as pending."""
    last = memory.prints
    prints = {spec.path: fingerprint(spec, last.get(spec.path)) for spec in specs}
    memory.pending = (key, prints, basis)
    if previous is None or memory.site_key != key:
        return specs, []
    render, kept = [], []
    published = memory.files
    for spec in specs:
        path = spec.path
        rel = file_of(path)
        old = last.get(path)
        if old is not None and old == prints[path] and rel in published:
            out.keep(rel)
            kept.append(rel)
        else:
            render.append(spec)
    return render, kept


def render_site(timeline: Timeline, out_dir: Path, settings: RenderSettings, *,
                jobs: int = 1, previous: Path | None = None,
                after_exports: Callable[[], None] | None = None,
                memory: RenderMemory | None = None, in_place: bool = False,
                exports_later: bool = False) -> RenderResult:
    """Write the complete static site for `timeline` into the existing, empty `out_dir`.

    `previous` is the site this one will replace: its files that would be written again
    byte for byte are hard-linked instead (see `SiteFiles`). `after_exports` is called in
    this process once the data exports (events.json, ...) are written, while the pages may
    still be rendering in workers. With `memory` (what the render that wrote `previous`
    was made from), only the pages whose inputs changed are rendered; the caller commits
    the memory once the new site is published. With `in_place`, `out_dir` is a staging
    folder for updating `previous` in place (see `sitegen.output.SiteUpdate`): only the
    files that changed are written to it. With `exports_later`, the data exports and feeds
    are not written: the result's `write_exports` writes them when the caller is ready (a
    preview shows the pages first; no page reads them)."""
    out = SiteFiles(Path(out_dir), previous, staged=in_place)
    folder = theme_dir(settings.theme_dir)
    urls = Urls(settings.directory_urls)
    ix = build_index(timeline)
    if memory is not None:
        same_entities(ix.entities, memory)
    env = make_environment(folder, urls, memory.compiled if memory is not None else None)
    base = settings.base_url.rstrip("/") + "/" if settings.base_url else ""
    env.globals.update(tl=timeline, ix=ix, site=settings, site_title=settings.title, base=base,
                       language=settings.language)
    basis = changes = None
    if memory is not None:
        basis = basis_of(timeline, ix)
        changes = changes_since(memory.basis, basis)
    every = build_pages(timeline, ix, settings, urls, changes)
    fragments = memory.fragments if memory is not None else None
    if memory is not None:
        memory.dropped.clear()  # if the process did not free them after the last build
    if fragments is not None:
        fragments.begin()
    specs, kept = every, []
    if memory is not None:
        specs, kept = _unchanged_pages(every, site_key(settings, folder), memory, previous, out, basis)
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    others: list[str] = []

    def furniture() -> None:
        # a 404 page is served at any depth, so its links start from the site's own path
        site_path = urlsplit(base).path if base else ""
        not_found = env.get_template("404.html").render(path="404.html", root=site_path,
                                                        page_title="Page not found")
        _write(out, "404.html", not_found, others)
        _copy_static(folder, out, others)

    def write_exports(target: SiteFiles, between: Callable[[], None] = lambda: None) -> list[str]:
        """Write the data exports and feeds to `target`, calling `between` between them (it
        may raise to stop)."""
        written: list[str] = []
        _write(target, "events.json", exports.events_json_text(timeline, fragments), written)
        _write(target, "events.schema.json", exports.schema_text(), written)
        between()
        _write(target, "events.csv", datasets.events_csv(timeline, fragments), written)
        between()
        _write(target, "timelinejs.json", datasets.timelinejs_text(timeline, settings.title, fragments),
               written)
        between()
        _feeds(timeline, ix, settings, urls, target, written, fragments)
        if base:
            listed = [s.path for s in every if s.template != "redirect.html"]
            _write(target, "sitemap.xml", feeds.sitemap(base, listed), written)
        _write(target, "robots.txt", feeds.robots(base, bool(base)), written)
        return written

    exported: list[str] = []

    def meanwhile() -> None:
        furniture()
        if not exports_later:
            exported.extend(write_exports(out))
            if after_exports is not None:
                after_exports()

    pages = _render_pages(env, specs, out, jobs, meanwhile) + kept
    if memory is not None:  # the page list and indexes: freed later, see RenderMemory.dropped
        memory.dropped.append((every, ix, env))
    return RenderResult(pages=len(pages) + 1, files=pages + others + exported, exported=exported,
                        write_exports=write_exports if exports_later else None)
