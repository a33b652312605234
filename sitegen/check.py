"""`sitegen check`: every content validation in one pass, nothing built and nothing written.

The loader's checks (articles, pages, site.yml, eras.yml) always run; other stages add theirs
(entities, corrections) with `register_checker`. Their modules are imported here when
installed, so their checkers are registered before a check runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from sitegen.config import load_site_config
from sitegen.errors import ContentError, Problem
from sitegen.load.corpus import load_corpus
from sitegen.load.pages import check_pages

Checker = Callable[[Path], list[Problem]]

_CHECKERS: list[Checker] = []
# Modules that call `register_checker` when imported; absent ones are skipped.
_CHECKER_MODULES = ("sitegen.extract.entities", "sitegen.merge.corrections")


def register_checker(fn: Checker) -> Checker:
    """Add `fn(content_dir) -> list[Problem]` to every later check; usable as a decorator."""
    if fn not in _CHECKERS:
        _CHECKERS.append(fn)
    return fn


def check_content(content_dir: Path) -> list[Problem]:
    """Every problem in the content folder: articles, pages, site and eras, registered checks."""
    problems: list[Problem] = []
    try:
        _, article_problems = load_corpus(content_dir / "articles")
        problems += article_problems
    except ContentError as err:  # no articles folder at all
        problems += err.problems
    _, config_problems = load_site_config(content_dir)
    problems += config_problems
    problems += check_pages(content_dir / "pages")
    for module in _CHECKER_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            continue
    for checker in _CHECKERS:
        problems += checker(content_dir)
    return problems
