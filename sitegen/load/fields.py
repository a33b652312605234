"""The article front-matter schema: each key, its kind, whether it is required, and its checks.

One table, so the loader, `sitegen check` and docs/content-format.md agree on the keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.load.dates import DateProblem, parse_day, parse_moment
from sitegen.load.issues import Issue
from sitegen.load.urls import check_url

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class Field:
    """One front-matter key. `kind`: text, texts, day, moment, url, flag or language.

    `meta` is True for optional keys kept as given in `Article.meta`.
    """

    name: str
    kind: str
    required: bool = False
    meta: bool = True


FIELDS: tuple[Field, ...] = (
    Field("title", "text", required=True, meta=False),
    Field("publisher", "text", required=True, meta=False),
    Field("url", "url", meta=False),
    Field("published", "day", meta=False),
    Field("updated", "moment", meta=False),
    Field("published_inferred", "flag", meta=False),
    Field("author", "texts"),
    Field("agency", "text"),
    Field("syndication_of", "text"),
    Field("language", "language"),
    Field("translated_from", "language"),
    Field("archive_url", "url"),
    Field("accessed", "day"),
    Field("notes", "text"),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}

_QUOTE_IT = "Put the value in quotes, e.g. title: \"1984: the year\"."


def check_value(field: Field, value: object) -> tuple[object, list[Issue]]:
    """The value converted to its Python type (None when unusable), and its issues."""
    if field.kind in ("day", "moment"):
        try:
            return (parse_day(value) if field.kind == "day" else parse_moment(value)), []
        except DateProblem as err:
            return None, [Issue("error", f"{field.name}: {err.message}", err.hint)]
    if field.kind == "flag":
        if isinstance(value, bool):
            return value, []
        return None, [Issue("error", f"{field.name} must be true or false, not {value!r}")]
    if field.kind == "texts" and isinstance(value, list):
        texts = [_text(v) for v in value]
        if any(t is None for t in texts):
            return None, [Issue("error", f"{field.name} must be a name or a list of names", _QUOTE_IT)]
        return tuple(texts), []
    text = _text(value)
    if text is None:
        return None, [Issue("error", f"{field.name} must be text, not {type(value).__name__} {value!r}",
                            _QUOTE_IT)]
    if not text:
        return None, [Issue("error", f"{field.name} is empty")]
    if field.kind == "url":
        kept, issues = check_url(text)
        return kept, [Issue(i.severity, f"{field.name}: {i.message}", i.hint) for i in issues]
    if field.kind == "language" and not is_language_tag(text):
        return text, [Issue("warning", f"{field.name} {text!r} is not a language tag",
                            "Use a code such as en, fr, ar or pt-BR.")]
    return (tuple([text]) if field.kind == "texts" else text), []


def is_language_tag(text: str) -> bool:
    """True for a BCP 47-shaped tag such as en, fr, ar, pt-BR."""
    return _LANGUAGE_TAG.fullmatch(text) is not None


def _text(value: object) -> str | None:
    """Text as written; numbers are accepted as their digits, other YAML types are not text."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
