"""Independent sources: reprints of one wire story count once.

Two articles are one source when they declare the same syndicated original, or when
their sentences overlap heavily (shared word 8-grams), as a reprint's do.
"""

from __future__ import annotations

import re

from sitegen.model.article import Article

_SHINGLE = 8
_OVERLAP = 0.5


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1))}


def reprint_groups(articles: list[Article]) -> dict[str, int]:
    """A group number per article id; reprints of one story share a number."""
    shingles = {a.id: _shingles(a.text) for a in articles}
    group: dict[str, int] = {}
    for i, article in enumerate(articles):
        group[article.id] = i
        for other in articles[:i]:
            if _same_story(article, other, shingles):
                group[article.id] = group[other.id]
                break
    return group


def _same_story(a: Article, b: Article, shingles: dict[str, set[tuple[str, ...]]]) -> bool:
    """True when `b` reprints `a` (or both reprint one original)."""
    sa, sb = a.meta.get("syndication_of"), b.meta.get("syndication_of")
    if sa and (sa == sb or sa == b.url or sa == b.id):
        return True
    if sb and (sb == a.url or sb == a.id):
        return True
    ha, hb = shingles[a.id], shingles[b.id]
    if not ha or not hb:
        return False
    return len(ha & hb) / min(len(ha), len(hb)) >= _OVERLAP
