"""A folder of article files -> articles sorted by id, with every problem from every file.

A bad article is skipped and reported (or, with `strict`, the whole load fails), so one
broken file never hides the problems of the others. Ids are file stems: they become URLs,
so they must be unique (also ignoring case, for case-insensitive file systems).
"""

from __future__ import annotations

import os
import re
from contextlib import closing
from pathlib import Path

from sitegen.errors import ContentError, Problem
from sitegen.load.article import read_article
from sitegen.model.article import Article
from sitegen.workers import can_fork, forked_map

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Limits, overridable in site.yml: an article far larger than any news story is refused
# before it is read, so one stray dump cannot exhaust memory or stall extraction.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
DEFAULT_MAX_ARTICLES = 200_000


def load_corpus(articles_dir: Path, *, strict: bool = False,
                max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
                max_articles: int = DEFAULT_MAX_ARTICLES,
                memo: dict | None = None, files: dict | None = None,
                jobs: int = 1) -> tuple[list[Article], list[Problem]]:
    """Load every `*.md` under `articles_dir` (subfolders included, hidden ones not).

    Returns the articles sorted by id and all problems. With `strict`, any error raises
    `ContentError` carrying every problem found. `memo` (see `read_article`) is left holding
    the files of this corpus only. `files`, by path, holds the size and SHA-256 of files
    just hashed (see `sitegen.cache.tree_digest`), so that they are not read again. With
    `jobs` > 1, many files to parse are parsed by that many processes.
    """
    problems: list[Problem] = []
    if not articles_dir.is_dir():
        problems.append(Problem(str(articles_dir), 1, "the articles folder does not exist",
                                "Create it and put the articles there as .md files with front matter."))
        raise ContentError(problems)
    root = articles_dir.parent
    articles: list[Article] = []
    first_seen: dict[str, Path] = {}
    paths = article_files(articles_dir)
    if len(paths) > max_articles:
        problems.append(Problem(str(articles_dir), 1, f"{len(paths):,} articles, more than the limit of "
                                f"{max_articles:,}; only the first {max_articles:,} (by name) are built",
                                "Raise max_articles in site.yml, or split the corpus."))
        paths = paths[:max_articles]
    to_read: list[tuple[Path, str | None]] = []
    too_big: dict[Path, int] = {}
    for path in paths:
        known = files.get(str(path)) if files is not None else None
        size = known[0][0] if known is not None else path.stat().st_size
        if size > max_article_bytes:
            too_big[path] = size
        else:
            to_read.append((path, known[1] if known is not None else None))
    read = iter(_read_all(to_read, root, memo, jobs))
    for path in paths:  # in order: the first of two files with one id keeps it
        if path in too_big:
            problems.append(Problem(str(path), 1, f"the file is {too_big[path]:,} bytes, over the limit "
                                    f"of {max_article_bytes:,} for one article; it was not read",
                                    "Check that it is one article; raise max_article_bytes in site.yml "
                                    "if it really is."))
            first_seen.setdefault(path.stem.casefold(), path)
            continue
        article, file_problems = next(read)
        file_problems += _id_problems(path, first_seen)
        problems += file_problems
        if article is not None and not any(p.is_error for p in file_problems):
            articles.append(article)
    if memo is not None:  # forget files that are gone
        current = {(str(path), str(root)) for path in paths}
        for key in [k for k in memo if k[1] == str(root) and k not in current]:
            del memo[key]
    if not first_seen:
        problems.append(Problem(str(articles_dir), 1, "no articles (*.md files) in the articles folder",
                                "Add articles as .md files with front matter.", severity="warning"))
    if strict and any(p.is_error for p in problems):
        raise ContentError(problems)
    return sorted(articles, key=lambda a: a.id), problems


# Below this many files to parse, starting worker processes costs more than it saves
PARALLEL_MIN_FILES = 200


def _read_all(to_read: list[tuple[Path, str | None]], root: Path, memo: dict | None,
              jobs: int) -> list[tuple[Article | None, list[Problem]]]:
    """`read_article` for each (path, digest), in order. Files the memo does not already
    hold are parsed by `jobs` forked processes when there are many of them; what they find
    goes into the memo here."""
    results: list[tuple[Article | None, list[Problem]] | None] = [None] * len(to_read)
    fresh: list[int] = []
    for i, (path, digest) in enumerate(to_read):
        known = memo.get((str(path), str(root))) if memo is not None and digest is not None else None
        if known is not None and known[0] == digest:
            results[i] = read_article(path, root, memo, digest)
        else:
            fresh.append(i)
    if jobs > 1 and len(fresh) >= PARALLEL_MIN_FILES and can_fork():
        work = [(to_read[i][0], root, memo is not None) for i in fresh]
        with closing(forked_map(_read_in_worker, work, jobs)) as read:
            for i, (article, problems, entry) in zip(fresh, read, strict=True):
                results[i] = (article, problems)
                if entry is not None:
                    memo[(str(to_read[i][0]), str(root))] = entry  # type: ignore[index]
    else:
        for i in fresh:
            path, digest = to_read[i]
            results[i] = read_article(path, root, memo, digest)
    return results  # type: ignore[return-value]


def _read_in_worker(work: tuple[Path, Path, bool]) -> tuple[Article | None, list[Problem], tuple | None]:
    """In a worker: one file's article and problems, and with `keep` the entry a memo keeps."""
    path, root, keep = work
    local: dict | None = {} if keep else None
    article, problems = read_article(path, root, local)
    return article, problems, (local or {}).get((str(path), str(root)))


def article_files(articles_dir: Path) -> list[Path]:
    """The article files under `articles_dir`, in a stable order (by path below it), skipping
    hidden files and folders; folders linked to are not entered, as `Path.rglob` does not.
    Read with `os.scandir`, whose entries know their type, so that a corpus of 10,000 files
    is listed without a system call per file."""
    found: list[tuple[str, str]] = []
    folders = [(str(articles_dir), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.name.endswith(".md") and entry.is_file():
                    found.append((f"{prefix}{entry.name}", entry.path))
    return [Path(path) for _, path in sorted(found)]


def _id_problems(path: Path, first_seen: dict[str, Path]) -> list[Problem]:
    """A duplicate id is an error (the article is skipped); an id that is not a slug a warning."""
    article_id = path.stem
    earlier = first_seen.get(article_id.casefold())
    if earlier is not None:
        same = "the same file name" if earlier.stem == article_id else "the same file name, ignoring case"
        return [Problem(str(path), 1, f"duplicate article id '{article_id}': {earlier} has {same}",
                        "Article ids are file names without .md and must be unique (ignoring case); "
                        "rename one of the files.")]
    first_seen[article_id.casefold()] = path
    if not _SLUG.fullmatch(article_id):
        return [Problem(str(path), 1, f"the file name '{article_id}' is not a slug; it becomes part of URLs",
                        "Use lowercase letters, digits and hyphens: <published>-<short-headline>.md.",
                        severity="warning")]
    return []
