"""Checking hand-written pages (`pages/*.md`): UTF-8 text, optional front matter with a `title`.

The pages are rendered by the site stage; this only finds their problems early, with lines.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import Problem
from sitegen.load.frontmatter import split_front_matter
from sitegen.load.source import read_source
from sitegen.load.yamlfile import LineDict, YamlSyntaxError, load_yaml

PAGE_KEYS = ("title",)


def check_pages(pages_dir: Path) -> list[Problem]:
    """Every problem in the pages under `pages_dir` (none when the folder is absent)."""
    if not pages_dir.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(pages_dir.glob("*.md")):
        problems += _check_page(path)
    return problems


def _check_page(path: Path) -> list[Problem]:
    shown = str(path)
    source, problems = read_source(path, shown)
    if source is None:
        return problems
    if not source.text.startswith("---"):
        return []  # front matter is optional on pages
    split, split_problems = split_front_matter(source.text, shown)
    if split.yaml_text is None:
        return split_problems
    try:
        data, duplicates = load_yaml(split.yaml_text, first_line=split.yaml_first_line)
    except YamlSyntaxError as err:
        return [Problem(shown, err.issue.line, err.issue.message,
                        "Write the front matter as 'title: My page'; quote values containing ': '.",
                        col=err.issue.col)]
    problems += [Problem(shown, d.line, d.message, "Keep one of them.", col=d.col) for d in duplicates]
    if data is None:
        return problems
    if not isinstance(data, LineDict):
        return problems + [Problem(shown, split.yaml_first_line,
                                   "the front matter must be 'key: value' lines",
                                   "Write it as 'title: My page'.")]
    for key, value in data.items():
        if key not in PAGE_KEYS:
            problems.append(Problem(shown, data.line_of(key), f"unknown key {key!r} (ignored)",
                                    f"Known keys: {', '.join(PAGE_KEYS)}.", severity="warning"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, data.line_of(key), f"{key} must be non-empty text, not {value!r}",
                                    "Put the value in quotes."))
    return problems
