"""Content configuration: the site's settings (`site.yml`) and the editor's eras (`eras.yml`).

Both files are optional (defaults apply); when present they are validated and every
problem names the file and line. Eras must not overlap, so each day belongs to at most
one era and an event is placed by its first possible day.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sitegen.errors import Problem
from sitegen.load.corpus import DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_ARTICLES
from sitegen.load.dates import DateProblem, parse_day
from sitegen.load.fields import is_language_tag
from sitegen.load.source import read_source
from sitegen.load.urls import check_url
from sitegen.load.yamlfile import LineDict, YamlSyntaxError, load_yaml
from sitegen.model.timeline import Era

SITE_FILE = "site.yml"
ERAS_FILE = "eras.yml"
SITE_KEYS = ("title", "description", "language", "base_url", "max_article_bytes", "max_articles")
LIMIT_KEYS = ("max_article_bytes", "max_articles")
ERA_KEYS = ("id", "title", "start", "end", "summary")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """What the site says about itself, and the eras its chronology is divided into."""

    title: str = "Chronology"
    description: str = ""
    language: str = "en"
    base_url: str | None = None
    eras: tuple[Era, ...] = ()
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    max_articles: int = DEFAULT_MAX_ARTICLES


def load_site_config(content_dir: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read `site.yml` and `eras.yml` from `content_dir`; defaults for what is absent."""
    problems: list[Problem] = []
    settings, site_problems = _read_site(content_dir / SITE_FILE)
    eras, era_problems = _read_eras(content_dir / ERAS_FILE)
    problems += site_problems + era_problems
    return SiteConfig(**settings, eras=eras), problems


def _read_mapping(path: Path) -> tuple[LineDict | None, list[Problem]]:
    """The file's top-level mapping; None (with problems) when absent, unreadable or not a mapping."""
    if not path.exists():
        return None, []
    shown = str(path)
    source, problems = read_source(path, shown)
    if source is None:
        return None, problems
    try:
        data, duplicates = load_yaml(source.text)
    except YamlSyntaxError as err:
        return None, [Problem(shown, err.issue.line, err.issue.message,
                              "Check indentation and quoting; values containing ': ' need quotes.",
                              col=err.issue.col)]
    problems += [Problem(shown, d.line, d.message, "Keep one of them.", col=d.col) for d in duplicates]
    if data is None:
        return LineDict(), problems
    if not isinstance(data, LineDict):
        problems.append(Problem(shown, 1, f"{path.name} must hold 'key: value' lines, "
                                          f"not a {type(data).__name__}"))
        return None, problems
    return data, problems


def _unknown(key: object, known: tuple[str, ...], line: int, shown: str) -> Problem:
    close = difflib.get_close_matches(str(key), known, n=1)
    guess = f"Did you mean '{close[0]}'? " if close else ""
    return Problem(shown, line, f"unknown key {key!r} (ignored)", f"{guess}Known keys: {', '.join(known)}.",
                   severity="warning")


def _read_site(path: Path) -> tuple[dict, list[Problem]]:
    data, problems = _read_mapping(path)
    settings: dict = {}
    if not data:
        return settings, problems
    shown = str(path)
    for key, value in data.items():
        line = data.line_of(key)
        if key not in SITE_KEYS:
            problems.append(_unknown(key, SITE_KEYS, line, shown))
        elif value is None:
            continue
        elif key in LIMIT_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(Problem(shown, line, f"{key} must be a whole number above 0, not {value!r}",
                                        "For example max_article_bytes: 5000000."))
            else:
                settings[key] = value
        elif not isinstance(value, str) or (key != "description" and not value.strip()):
            problems.append(Problem(shown, line, f"{key} must be non-empty text, not {value!r}",
                                    "Put the value in quotes."))
        elif key == "base_url":
            kept, issues = check_url(value)
            problems += [Problem(shown, line, f"base_url: {i.message}", i.hint, severity=i.severity)
                         for i in issues]
            if kept is not None:
                settings[key] = kept
        elif key == "language" and not is_language_tag(value.strip()):
            problems.append(Problem(shown, line, f"language {value!r} is not a language tag",
                                    "Use a code such as en, fr, ar or pt-BR."))
        else:
            settings[key] = value.strip()
    return settings, problems


def _read_eras(path: Path) -> tuple[tuple[Era, ...], list[Problem]]:
    data, problems = _read_mapping(path)
    if not data:
        return (), problems
    shown = str(path)
    for key in data:
        if key != "eras":
            problems.append(_unknown(key, ("eras",), data.line_of(key), shown))
    entries = data.get("eras")
    if entries is None:
        return (), problems
    if not isinstance(entries, list):
        problems.append(Problem(shown, data.line_of("eras"), "'eras' must be a list of eras",
                                "Write each era as an item starting with '- id: ...'."))
        return (), problems
    eras: list[tuple[Era, int]] = []
    seen: dict[str, int] = {}
    for entry in entries:
        era, era_problems = _era(entry, shown, data.line_of("eras"))
        problems += era_problems
        if era is None:
            continue
        line = entry.line
        if era.id in seen:
            problems.append(Problem(shown, line,
                                    f"era id '{era.id}' is used twice (first on line {seen[era.id]})",
                                    "Give each era its own id."))
            continue
        seen[era.id] = line
        eras.append((era, line))
    eras.sort(key=lambda pair: pair[0].start)
    problems += _overlaps_and_gaps(eras, shown)
    return tuple(era for era, _ in eras), problems


def _era(entry: object, shown: str, list_line: int) -> tuple[Era | None, list[Problem]]:
    if not isinstance(entry, LineDict):
        return None, [Problem(shown, list_line, f"each era must be 'key: value' lines, not {entry!r}",
                              "Write: - id: ...\n      title: ...\n      start: YYYY-MM-DD")]
    problems: list[Problem] = []
    values: dict = {}
    for key, value in entry.items():
        line = entry.line_of(key)
        if key not in ERA_KEYS:
            problems.append(_unknown(key, ERA_KEYS, line, shown))
        elif value is None:
            continue
        elif key in ("start", "end"):
            try:
                values[key] = parse_day(value)
            except DateProblem as err:
                problems.append(Problem(shown, line, f"{key}: {err.message}", err.hint))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, line, f"{key} must be non-empty text, not {value!r}",
                                    "Put the value in quotes."))
        elif key == "id" and not _SLUG.fullmatch(value):
            problems.append(Problem(shown, line, f"era id {value!r} is not a slug; it becomes part of URLs",
                                    "Use lowercase letters, digits and hyphens."))
        else:
            values[key] = value.strip()
    for key in ("id", "title", "start"):
        if key not in entry or entry[key] is None:
            problems.append(Problem(shown, entry.line, f"the era has no '{key}'",
                                    "Each era needs id, title and start; end is optional (open era)."))
    if problems and any(p.is_error for p in problems):
        return None, problems
    if values.get("end") is not None and values["end"] < values["start"]:
        problems.append(Problem(shown, entry.line_of("end"),
                                f"era '{values['id']}' ends ({values['end']}) "
                                f"before it starts ({values['start']})",
                                "Swap the dates or correct one of them."))
        return None, problems
    return Era(values["id"], values["title"], values["start"], values.get("end"),
               values.get("summary", "")), problems


def _overlaps_and_gaps(eras: list[tuple[Era, int]], shown: str) -> list[Problem]:
    """Consecutive eras (by start) must not overlap; a gap between them is allowed but flagged."""
    problems = []
    for (before, _), (after, line) in zip(eras, eras[1:], strict=False):
        if before.end is None or before.end >= after.start:
            problems.append(Problem(
                shown, line, f"era '{after.id}' (from {after.start}) overlaps era '{before.id}' "
                f"(to {before.end or 'open end'})",
                "Eras must not overlap: end the earlier era the day before the later one starts.",))
        elif before.end + timedelta(days=1) < after.start:
            first, last = before.end + timedelta(days=1), after.start - timedelta(days=1)
            problems.append(Problem(
                shown, line,
                f"days from {first} to {last} belong to no era (between '{before.id}' and '{after.id}')",
                "Events dated there are shown without an era; move a boundary if that is not meant.",
                severity="warning"))
    return problems
