"""Building articles and analyses straight from text, for extraction and merge tests."""

from __future__ import annotations

from datetime import date
from functools import cache

from sitegen.extract import analyze
from sitegen.extract.entities import Gazetteer, load_gazetteer
from sitegen.model.article import Analysis, Article


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(None)


def article(text: str, published: date | None = date(2024, 5, 15), id: str = "a") -> Article:
    return Article(id=id, path=f"articles/{id}.md", title=id, publisher="Test", url=None,
                   published=published, text=text)


def analysis(text: str, published: date | None = date(2024, 5, 15), id: str = "a") -> Analysis:
    return analyze(article(text, published, id), gazetteer())
