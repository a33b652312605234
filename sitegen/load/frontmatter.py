"""Front matter: split the YAML block off an article file, parse it, validate it against `FIELDS`.

Lines in problems are lines of the article file (YAML errors are shifted accordingly), so
an editor can jump straight to them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime

from sitegen.errors import Problem
from sitegen.load.fields import FIELDS, FIELDS_BY_NAME, check_value
from sitegen.load.yamlfile import LineDict, YamlSyntaxError, load_yaml

_DELIMITER = "---"
_CLOSERS = ("---", "...")
_EXAMPLE = ("Start the file with a block like:\n    ---\n    title: \"The headline\"\n"
            "    publisher: \"The publisher\"\n    url: https://example.org/page\n"
            "    published: 2024-05-14\n    ---")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The validated front matter of one article."""

    title: str
    publisher: str
    url: str | None = None
    published: date | None = None
    updated: datetime | date | None = None
    published_inferred: bool = False
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SplitFile:
    """An article file cut in two: the YAML text (None when absent) and the Markdown body.

    `yaml_first_line` and `body_first_line` are the 1-based file lines where each begins.
    """

    yaml_text: str | None
    yaml_first_line: int
    body: str
    body_first_line: int


def split_front_matter(text: str, shown: str) -> tuple[SplitFile, list[Problem]]:
    """Cut the file at its `---` lines; a missing or unclosed block is an error on line 1."""
    lines = text.split("\n")
    if lines[0].rstrip() != _DELIMITER:
        problem = Problem(shown, 1, "the file has no front matter (it must start with a line '---')",
                          _EXAMPLE)
        return SplitFile(None, 1, text, 1), [problem]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            return SplitFile("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2), []
    problem = Problem(shown, 1, "the front matter is not closed",
                      "End the front matter with a line holding only '---', before the article text.")
    return SplitFile(None, 1, "", len(lines) + 1), [problem]


def parse_front_matter(split: SplitFile, shown: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Validate the front matter; None when the article cannot be built from it."""
    if split.yaml_text is None:
        return None, []
    try:
        data, duplicates = load_yaml(split.yaml_text, first_line=split.yaml_first_line)
    except YamlSyntaxError as err:
        issue = err.issue
        return None, [Problem(shown, issue.line, issue.message,
                              "Check the quoting: a value containing ': ' or starting with a quote, "
                              "'*', '&', '[' or '{' must be put in double quotes.", col=issue.col)]
    problems = [Problem(shown, d.line, d.message, "Keep one of them.", col=d.col) for d in duplicates]
    if data is None:
        data = LineDict()
    if not isinstance(data, LineDict):
        problems.append(Problem(shown, split.yaml_first_line,
                                f"the front matter must be 'key: value' lines, not a {type(data).__name__}",
                                _EXAMPLE))
        return None, problems
    values, value_problems = _check_values(data, shown)
    problems += value_problems
    if any(p.is_error for p in problems):
        return None, problems
    meta = {f.name: values[f.name] for f in FIELDS if f.meta and values.get(f.name) is not None}
    front = FrontMatter(
        title=values["title"], publisher=values["publisher"], url=values.get("url"),
        published=values.get("published"), updated=values.get("updated"),
        published_inferred=bool(values.get("published_inferred")), meta=meta)
    return front, problems + _consistency(front, data, shown)


def _check_values(data: LineDict, shown: str) -> tuple[dict, list[Problem]]:
    values: dict = {}
    problems: list[Problem] = []
    present: set[str] = set()
    for key, value in data.items():
        spec = FIELDS_BY_NAME.get(key) if isinstance(key, str) else None
        if spec is None:
            problems.append(_unknown_key(key, data.line_of(key), shown))
            continue
        if value is None:
            continue  # "key:" with nothing after it counts as absent
        values[key], issues = check_value(spec, value)
        present.add(key)
        problems += [Problem(shown, data.line_of(key), i.message, i.hint, severity=i.severity)
                     for i in issues]
    for spec in FIELDS:
        if spec.required and spec.name not in present:
            problems.append(Problem(shown, 1, f"missing required key '{spec.name}'",
                                    f"Add a line '{spec.name}: ...' to the front matter."))
    if data.get("published") is None:
        problems.append(Problem(
            shown, 1, "no 'published' date: dates relative to it ('on Tuesday', 'last month') "
            "will be shown as undated", "Add 'published: YYYY-MM-DD' if the page gives its date; "
            "for an undated page captured on a known day, give that day and 'published_inferred: true'.",
            severity="warning"))
    return values, problems


def _unknown_key(key: object, line: int, shown: str) -> Problem:
    known = [f.name for f in FIELDS]
    close = difflib.get_close_matches(str(key), known, n=1)
    guess = f"Did you mean '{close[0]}'? " if close else ""
    return Problem(shown, line, f"unknown key {key!r} (ignored)",
                   f"{guess}Known keys: {', '.join(known)}.", severity="warning")


def _consistency(front: FrontMatter, data: LineDict, shown: str) -> list[Problem]:
    problems = []
    if front.published and front.updated:
        updated = front.updated.date() if isinstance(front.updated, datetime) else front.updated
        if updated < front.published:
            problems.append(Problem(shown, data.line_of("updated"),
                                    f"'updated' ({updated}) is before 'published' ({front.published})",
                                    "Check both dates against the page.", severity="warning"))
    if front.published_inferred and front.published is None:
        problems.append(Problem(shown, data.line_of("published_inferred"),
                                "'published_inferred' is set but there is no 'published' date",
                                "Give the inferred date as 'published'.", severity="warning"))
    return problems
