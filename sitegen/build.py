"""Build a whole site from a content folder: the pipeline, then rendering into a fresh folder
that replaces the previous site only when everything succeeded."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path

from sitegen.collector import collector_paused
from sitegen.errors import Problem
from sitegen.output import MARKER, NewSite, SiteFiles, SiteUpdate, check_output_dir, read_stamp
from sitegen.pipeline import BuildMemory, PipelineResult, default_jobs, run_pipeline
from sitegen.progress import Progress
from sitegen.render import RenderSettings, render_site
from sitegen.render.incremental import RenderMemory
from sitegen.search import BUNDLE_DIR, Interrupted, SearchJob, start_search, stop_if


@dataclass
class BuildReport:
    """What a build did, for the summary line and for benchmarks."""

    articles: int
    events: int
    undated: int
    pages: int
    words: int
    cache_hits: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unchanged: bool = False
    words_analyzed: int = 0  # words extracted in this build, not read from the cache
    # with `pages_first`: brings the published site's data exports and search index up to
    # date (None: nothing to do); see `_follow_up` for its optional argument and result
    follow_up: Callable[..., bool] | None = None

    def summary(self) -> str:
        if self.unchanged:
            return (f"site unchanged: {self.pages} pages from {self.articles} articles, {self.events} "
                    f"events; nothing changed since the last build ({self.seconds:.2f}s)")
        extract = self.stage_seconds.get("extract", 0.0)
        wps = f"{self.words_analyzed / extract:,.0f}" if extract > 0 and self.words_analyzed else "cached"
        warnings = sum(1 for p in self.problems if not p.is_error)
        errors = sum(1 for p in self.problems if p.is_error)
        return (f"built {self.pages} pages from {self.articles} articles: {self.events} events "
                f"({self.undated} undated) in {self.seconds:.2f}s; cache hits {self.cache_hits}/"
                f"{self.articles}; words={self.words} extraction words/s={wps}; "
                f"{errors} skipped with errors, {warnings} warnings")


def render_settings(result: PipelineResult, content_dir: Path | None, *,
                    base_url: str | None = None) -> RenderSettings:
    config = result.config
    pages_dir = content_dir / "pages" if content_dir is not None else None
    return RenderSettings(
        title=config.title,
        description=config.description,
        language=config.language,
        base_url=config.base_url if base_url is None else base_url,
        pages_dir=pages_dir if pages_dir is not None and pages_dir.is_dir() else None,
    )


def input_key(content_dir: Path, theme: Path | None, base_url: str | None, strict: bool,
              known: dict | None = None) -> str:
    """A hash of everything a build reads: content, theme, sitegen itself, and the options that
    change output. Equal keys mean an identical site, so there is nothing to redo. `known`
    keeps the files' hashes between builds in one process (see `tree_digest`)."""
    from sitegen.cache import site_code_fingerprint, tree_digest

    digest = hashlib.sha256(f"{site_code_fingerprint()}/{base_url}/{strict}".encode())
    tree_digest(content_dir, digest, known=known)
    if theme is not None:
        tree_digest(theme, digest, known=known)
    return digest.hexdigest()


def _remember_problems(cache_dir: Path | None, key: str, problems: list[Problem]) -> None:
    """Keep the build's warnings beside the cache (not in the published site, where paths of
    the editor's machine do not belong), so an unchanged rebuild still reports them."""
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        record = {"key": key, "problems": [asdict(p) for p in problems]}
        (cache_dir / "last-build.json").write_text(json.dumps(record), encoding="utf-8")


def _remembered_problems(cache_dir: Path | None, key: str) -> list[Problem]:
    try:
        record = json.loads((cache_dir / "last-build.json").read_text(encoding="utf-8"))  # type: ignore[operator]
        return [Problem(**p) for p in record["problems"]] if record.get("key") == key else []
    except (TypeError, OSError, ValueError, KeyError):
        return []


def _theme_beside(content_dir: Path) -> Path | None:
    """A `theme/` folder beside the content (as in this repository) is the site's theme."""
    candidate = content_dir.resolve().parent / "theme"
    return candidate if (candidate / "base.html").is_file() else None


def _bundle_files(staged: Path, published: set[str]) -> set[str]:
    """The search bundle's files in the new site: those written to `staged`, or when none
    were (the bundle did not change), those of the published site kept in place."""
    bundle = staged / BUNDLE_DIR
    if bundle.is_dir():
        return {p.relative_to(staged).as_posix() for p in bundle.rglob("*") if p.is_file()}
    return {f for f in published if f.startswith(BUNDLE_DIR + "/")}


# Above this many events the search index is built after the pages, not while they render
# (at 10,000 articles, about 14,500 events, the two together peak at about 2.5 GB)
OVERLAP_SEARCH_MAX_EVENTS = 5000


@collector_paused()  # see sitegen.collector
def build_site(
    content_dir: Path,
    out_dir: Path,
    *,
    strict: bool = False,
    jobs: int = 0,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    base_url: str | None = None,
    memory: BuildMemory | None = None,
    pages_first: bool = False,
    on_published: Callable[[], None] | None = None,
) -> BuildReport:
    """Load, extract, merge and render `content_dir` into `out_dir`, atomically. When nothing
    the site depends on changed since the build that wrote `out_dir`, nothing is redone.
    `memory` is for a process that builds the same content again and again (see `BuildMemory`).
    With `pages_first` and a memory of the site it updates, the pages are published with the
    data exports, feeds and search index as they were (no page reads them), and the report's
    `follow_up` brings those up to date: a preview shows an edit without waiting for them.
    `on_published` is called as soon as the new site is in place, before the build's own
    tidying up (a preview tells the browser then)."""
    start = time.perf_counter()
    progress = progress or Progress(verbose=False)
    jobs = jobs or default_jobs()
    check_output_dir(out_dir, content_dir)
    theme = _theme_beside(content_dir)
    with progress.stage("fingerprint"):
        key = input_key(content_dir, theme, base_url, strict, memory.files if memory is not None else None)
    stamp = read_stamp(out_dir)
    if stamp.get("key") == key and not stamp.get("pending"):
        return BuildReport(
            articles=stamp["articles"], events=stamp["events"], undated=stamp["undated"],
            pages=stamp["pages"], words=stamp["words"], cache_hits=stamp["articles"],
            seconds=time.perf_counter() - start, stage_seconds=dict(progress.times),
            problems=_remembered_problems(cache_dir, key), unchanged=True,
        )
    result = run_pipeline(content_dir, strict=strict, jobs=jobs, cache_dir=cache_dir, progress=progress,
                          memory=memory)
    settings = replace(render_settings(result, content_dir, base_url=base_url), theme_dir=theme)
    timeline = result.timeline
    counts = {"articles": len(timeline.articles), "events": len(timeline.events),
              "undated": len(timeline.undated), "words": result.words}
    # Render into a fresh folder, then swap it in: each stage is timed on its own, so "write"
    # is the swap alone, not the rendering and indexing done inside the new folder.
    # Files the new site would write byte for byte as the previous one has them are linked
    # from it instead (check_output_dir made sure a non-empty out_dir is a site sitegen made).
    previous = out_dir if (out_dir / MARKER).is_file() else None
    # pages unchanged since the last build are kept only when that build wrote `out_dir`
    pages = memory.pages if memory is not None else None
    if pages is not None and (previous is None or stamp.get("key") != pages.published_key):
        pages.forget()
    # a process that knows every file of the site it published last updates it in place
    in_place = pages is not None and pages.published_key is not None
    defer = pages_first and in_place
    jobs_running: list[SearchJob] = []

    def index_meanwhile() -> None:
        # Pagefind runs as a process of its own, from events.json: it starts as soon as that
        # is written, while the workers are still rendering pages
        assert site.path is not None
        jobs_running.append(start_search(site.path, previous, stamp.get("search"),
                                         directory_urls=settings.directory_urls, language=settings.language,
                                         staged=in_place))

    # Pagefind holds the whole index in memory, as the render workers hold their copies of the
    # timeline: on a large corpus the two run one after the other, to keep the peak bounded
    overlap = len(timeline.events) <= OVERLAP_SEARCH_MAX_EVENTS
    with (SiteUpdate(out_dir, pages.files) if in_place and pages is not None else NewSite(out_dir)) as site:
        assert site.path is not None
        try:
            with progress.stage("render"):
                rendered = render_site(timeline, site.path, settings, jobs=jobs, previous=previous,
                                       after_exports=index_meanwhile if overlap and not defer else None,
                                       memory=pages, in_place=in_place, exports_later=defer)
            with progress.stage("search index"):  # what is left of it once the pages are written
                if not overlap and not defer:
                    index_meanwhile()
                search = jobs_running[0].finish() if jobs_running else None
        except BaseException:
            for job in jobs_running:
                job.cancel()
            raise
        with progress.stage("write"):
            record = {"key": key, **counts, "pages": rendered.pages, "search": search}
            if defer:  # the exports and search bundle in place until `follow_up` runs
                record.update(search=stamp.get("search"), pending=True)
            published = pages.files if in_place and pages is not None else set()
            exported = pages.exported if defer and pages is not None else set(rendered.exported)
            files = set(rendered.files) | exported | _bundle_files(site.path, published)
            if isinstance(site, SiteUpdate):
                site.publish(record, files)
            else:
                site.publish(record)
            if on_published is not None:
                on_published()
        if pages is not None:
            pages.commit(key, files, exported)
    _remember_problems(cache_dir, key, result.problems)
    return BuildReport(
        **counts, pages=rendered.pages, cache_hits=result.cache_hits,
        seconds=time.perf_counter() - start, stage_seconds=dict(progress.times),
        problems=result.problems, words_analyzed=result.words_analyzed,
        follow_up=partial(_follow_up, out_dir, pages, settings, rendered.write_exports)
        if defer and pages else None,
    )


def _follow_up(out_dir: Path, pages: RenderMemory, settings: RenderSettings,
               write_exports: Callable[..., list[str]] | None,
               interrupted: Callable[[], bool] | None = None) -> bool:
    """What a build with `pages_first` left to do on the published site `out_dir`: its data
    exports and feeds, then its search index (made from events.json). Until both are done
    its marker says so, and a build of the same input does them again. `interrupted` is
    asked between the steps and while the index is made: when it says so (another edit came
    in, whose build will do all this again), the rest is left undone. True when all is done."""
    stop = partial(stop_if, interrupted)
    try:
        stop()
        if write_exports is not None:
            with SiteUpdate(out_dir, pages.files) as site:  # an interruption publishes nothing
                assert site.path is not None
                written = set(write_exports(SiteFiles(site.path, out_dir, staged=True), stop))
                files = (pages.files - pages.exported) | written
                site.publish(read_stamp(out_dir), files)
            pages.files, pages.exported = files, written
        stop()
        _index_published(out_dir, pages, settings, interrupted)
    except Interrupted:
        return False
    record = read_stamp(out_dir)
    record.pop("pending", None)
    _write_stamp(out_dir, record)
    return True


def _write_stamp(out_dir: Path, record: dict) -> None:
    """Replace the marker of the site `out_dir` with `record`, atomically."""
    fresh = out_dir / f".{MARKER}.new"
    fresh.write_text(json.dumps(record, indent=1), encoding="utf-8")
    os.replace(fresh, out_dir / MARKER)


def _index_published(out_dir: Path, pages: RenderMemory, settings: RenderSettings,
                     interrupted: Callable[[], bool] | None = None) -> None:
    """Bring the search index of the published site `out_dir` up to date with its events:
    built beside it, then swapped in whole, so readers use the old index until then (and
    keep it if `interrupted` stops Pagefind: see `SearchJob.finish`)."""
    stamp = read_stamp(out_dir)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.search-", dir=out_dir.parent))
    try:
        job = start_search(scratch, out_dir, stamp.get("search"), directory_urls=settings.directory_urls,
                           language=settings.language, staged=True, interrupted=interrupted)
        try:
            digest = job.finish(interrupted)
        except BaseException:
            job.cancel()
            raise
        fresh = scratch / BUNDLE_DIR
        if not fresh.is_dir():  # the index was up to date (or there is nothing to index)
            return
        live, old = out_dir / BUNDLE_DIR, scratch / "old"
        if live.exists():
            os.replace(live, old)
        os.replace(fresh, live)
        with open(out_dir / MARKER, encoding="utf-8") as fh:
            record = json.load(fh)
        record["search"] = digest
        _write_stamp(out_dir, record)
        pages.files = {f for f in pages.files if not f.startswith(BUNDLE_DIR + "/")} | \
            {p.relative_to(out_dir).as_posix() for p in live.rglob("*") if p.is_file()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
