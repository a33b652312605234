"""The core pipeline without MkDocs: load -> tag and extract (cached, parallel) -> merge -> timeline.

Everything fallible runs here, before any output is written; the CLI, the MkDocs plugin
and the tests all call `run_pipeline`.
"""

from __future__ import annotations

import gc
import os
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.cache import AnalysisCache
from sitegen.config import SiteConfig, load_site_config
from sitegen.errors import ContentError, Problem
from sitegen.extract import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.load.article import load_article
from sitegen.load.corpus import load_corpus
from sitegen.merge import MergeMemory, merge, read_corrections
from sitegen.merge.reprints import ReprintMemory
from sitegen.model import Analysis, Article, Timeline
from sitegen.progress import Progress
from sitegen.render.incremental import RenderMemory
from sitegen.timeline import build_timeline
from sitegen.workers import can_fork, forked_map


@dataclass
class PipelineResult:
    """The model built from a content folder, with every problem found and the stage figures."""

    timeline: Timeline
    config: SiteConfig
    problems: list[Problem]
    explain: list[str] = field(default_factory=list)
    words: int = 0
    cache_hits: int = 0
    words_analyzed: int = 0  # words of the articles extracted in this run (not from the cache)


@dataclass
class BuildMemory:
    """What a long-running process (`sitegen serve`) keeps between builds of one content
    folder, so that a rebuild after an edit redoes only what the edit touched: articles as
    parsed, by file and content hash; analyses, by cache key; each article's word 8-grams
    for reprint detection, by content hash. Each entry is a pure function of its key, and
    after every build only the entries of the current corpus are kept. `files` holds each
    content and theme file's hash with its size, modification time and inode, so that an
    unchanged file is not read again to tell whether anything changed. `pages` records what
    each page of the published site was rendered from, so unchanged pages are not rendered
    again."""

    articles: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)  # each content and theme file's hash, with its stat
    analyses: dict = field(default_factory=dict)
    shingles: ReprintMemory = field(default_factory=ReprintMemory)
    merged: MergeMemory = field(default_factory=MergeMemory)  # evidence and events as built
    pages: RenderMemory = field(default_factory=RenderMemory)  # what the published pages were made from
    named: dict = field(default_factory=dict)  # the entity ids each analysis names (see build_timeline)

    def release(self) -> None:
        """Free what the last build no longer needs. A build leaves its tables to free
        afterwards (`dropped`), when nothing waits: in `serve`, once the browser has the pages."""
        self.merged.dropped.clear()
        self.pages.dropped.clear()


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _editorial(content_dir: Path | None) -> tuple[list, list[Problem]]:
    """The editor's corrections, and problems in entities.yml and corrections.yml."""
    if content_dir is None:
        return [], []
    from sitegen.extract.entities import check_entities

    corrections, problems = read_corrections(content_dir)
    return corrections, list(check_entities(content_dir)) + problems


def editorial_problems(content_dir: Path | None) -> list[Problem]:
    return _editorial(content_dir)[1]


def load_articles(path: Path, *, strict: bool = False, config: SiteConfig | None = None,
                  memo: dict | None = None, files: dict | None = None,
                  jobs: int = 1) -> tuple[list[Article], list[Problem]]:
    """A folder of articles, or a single article file (`memo`, `files`, `jobs`: see `load_corpus`)."""
    config = config or SiteConfig()
    if path.is_file():
        size = path.stat().st_size
        if size > config.max_article_bytes:
            problem = Problem(str(path), 1, f"the file is {size:,} bytes, over the limit of "
                              f"{config.max_article_bytes:,} for one article; it was not read",
                              "Raise max_article_bytes in site.yml if it really is one article.")
            if strict:
                raise ContentError(problem)
            return [], [problem]
        try:
            return [load_article(path, path.parent)], []
        except ContentError as err:
            if strict:
                raise
            return [], err.problems
    return load_corpus(path, strict=strict, max_article_bytes=config.max_article_bytes,
                       max_articles=config.max_articles, memo=memo, files=files, jobs=jobs)


# Workers inherit the gazetteer through fork instead of receiving it with every article.
_WORKER_GAZETTEER = None
_WORKER_CACHE: AnalysisCache | None = None


def _analyze_one(article: Article) -> Analysis:
    return analyze(article, _WORKER_GAZETTEER)


def _analyze_to_entry(article: Article) -> bytes:
    """In a worker: analyse, and hand back the analysis as the bytes of its cache entry,
    which the parent both stores and reads: the analysis is pickled once for both."""
    analysis = analyze(article, _WORKER_GAZETTEER)
    assert _WORKER_CACHE is not None
    return _WORKER_CACHE.entry(article.digest, analysis)


def warm_up(gazetteer, samples: tuple[Article, ...] = ()) -> None:
    """Load and compile the tagger's and the extractors' tables in this process, which they
    do on first use: forked workers then inherit them instead of each compiling its own, and
    a long-running process analyses an edited article without that delay. The tagger builds
    a pattern for each character a date expression starts with, when it first meets one, so
    `samples` (a few articles of the corpus) warm it up for the dates the corpus uses."""
    from datetime import date

    text = ("On Monday, militants attacked a village in Anbar, killing three people, officials said "
            "on 3 March 2019, two weeks ago, in the summer of 2015 and late last year.")
    analyze(Article(id="warm-up", path="warm-up.md", title="Warm-up", publisher="sitegen", url=None,
                    published=date(2020, 1, 8), text=text), gazetteer)
    for article in samples:
        analyze(article, gazetteer)


def analyze_all(articles: list[Article], gazetteer, cache: AnalysisCache, *, jobs: int,
                progress: Progress) -> tuple[dict[str, Analysis], int]:
    """Analyse each article, from the cache when its content and sitegen's code are unchanged;
    also returns how many words were analysed afresh (for the words-per-second figure)."""
    global _WORKER_GAZETTEER, _WORKER_CACHE
    analyses: dict[str, Analysis] = {}
    todo: list[Article] = []
    for article in articles:
        cached = cache.get(article.digest)
        if cached is not None and cached.article_id == article.id:
            analyses[article.id] = cached
        else:
            todo.append(article)
    if not todo:
        return analyses, 0
    _WORKER_GAZETTEER, _WORKER_CACHE = gazetteer, cache
    if jobs > 1 and len(todo) >= 8 and can_fork():
        warm_up(gazetteer)
        # The workers' garbage collector then leaves alone the objects they inherit (the
        # articles, the tables): it does not walk them, nor copy their memory pages by
        # touching them.
        gc.freeze()
        try:
            with closing(forked_map(_analyze_to_entry, todo, jobs)) as results:
                for n, (article, entry) in enumerate(zip(todo, results, strict=True), 1):
                    analyses[article.id] = analysis = cache.value_of(article.digest, entry)
                    cache.remember(article.digest, analysis)
                    cache.write(article.digest, entry)
                    progress.count("extract", n, len(todo))
        finally:
            gc.unfreeze()
    else:
        for n, article in enumerate(todo, 1):
            analyses[article.id] = _analyze_one(article)
            cache.put(article.digest, analyses[article.id])
            progress.count("extract", n, len(todo))
    cache.flush()
    _WORKER_CACHE = None
    return analyses, sum(a.words for a in todo)


def run_pipeline(
    content_dir: Path | None,
    *,
    articles_path: Path | None = None,
    strict: bool = False,
    jobs: int = 0,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    explain: bool = False,
    memory: BuildMemory | None = None,
) -> PipelineResult:
    """Build the whole model from a content folder (articles/, pages/, *.yml), or from a
    folder or file of articles alone. Raises ContentError when the content cannot be built
    (or, with `strict`, when anything at all was found wrong). With `explain`, the result
    says why mentions were merged or kept apart. `memory` carries what earlier runs in this
    process found (see `BuildMemory`)."""
    progress = progress or Progress(verbose=False)
    jobs = jobs or default_jobs()
    if articles_path is None:
        if content_dir is None:
            raise ValueError("run_pipeline needs a content folder or an articles path")
        articles_path = content_dir / "articles"
    problems: list[Problem] = []

    with progress.stage("load"):
        if content_dir is not None:
            config, config_problems = load_site_config(content_dir)
        else:
            config, config_problems = SiteConfig(), []
        problems += config_problems
        if not articles_path.exists():
            problems.append(Problem(str(articles_path), 1, "the articles folder does not exist",
                                    "Create it and put the articles there as .md files with front matter."))
            raise ContentError(problems)
        articles, load_problems = load_articles(articles_path, strict=False, config=config,
                                                memo=memory.articles if memory else None,
                                                files=memory.files if memory else None, jobs=jobs)
        problems += load_problems
        corrections, editorial = _editorial(content_dir)
        problems += editorial
        fatal = [p for p in problems if p.is_error and not _is_article_problem(p, articles_path)]
        if fatal or (strict and problems):
            raise ContentError(problems)
        gazetteer = load_gazetteer(content_dir)

    with progress.stage("extract", f"{len(articles)} articles"):
        cache = AnalysisCache(cache_dir, context=_gazetteer_digest(content_dir),
                              memory=memory.analyses if memory else None)
        try:
            analyses, words_analyzed = analyze_all(articles, gazetteer, cache, jobs=jobs, progress=progress)
        finally:
            cache.close()
        cache.forget_unused()

    with progress.stage("merge"):
        ordered = [analyses[a.id] for a in articles]
        merged = merge(ordered, articles, gazetteer, corrections, explain=explain,
                       shingles=memory.shingles if memory else None,
                       memory=memory.merged if memory else None, context=_gazetteer_digest(content_dir))
        problems += merged.problems  # corrections that no longer match anything
        if strict and merged.problems:
            raise ContentError(problems)
        # People found by pattern and renamed entities join the gazetteer's entities.
        entities = {**gazetteer.entities, **merged.entities}
        timeline = build_timeline(articles, analyses, merged.events, merged.undated,
                                  entities, config.eras, memory.named if memory else None)
    return PipelineResult(
        timeline=timeline, config=config, problems=problems, explain=list(merged.explain),
        words=sum(a.words for a in articles), cache_hits=cache.hits, words_analyzed=words_analyzed,
    )


def _is_article_problem(problem: Problem, articles_path: Path) -> bool:
    """Problems inside one article skip that article; problems elsewhere stop the build."""
    try:
        Path(problem.path).resolve().relative_to(articles_path.resolve())
        return True
    except ValueError:
        return False


def _gazetteer_digest(content_dir: Path | None) -> str:
    """The corpus's own entity file changes what extraction finds, so it is part of the cache key."""
    import hashlib

    if content_dir is None:
        return ""
    path = content_dir / "entities.yml"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else ""
