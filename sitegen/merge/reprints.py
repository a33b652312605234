"""Independent sources: reprints of one wire story count once.

Two articles are one source when one declares the other (or both declare the same
original) as what it reprints, or when their sentences overlap heavily (shared word
8-grams), as a reprint's do.
"""

from __future__ import annotations

import re

from sitegen.model.article import Article

_SHINGLE = 8
_OVERLAP = 0.5
_BOILERPLATE = 20  # an 8-gram found in more articles than this is stock phrasing


def _shingles(text: str) -> set[int]:
    """The article's word 8-grams, each kept as the hash of its text: only equality matters,
    and an int costs a fraction of an 8-tuple of strings in time and memory."""
    words = re.findall(r"\w+", text.lower())
    return {hash(" ".join(words[i:i + _SHINGLE])) for i in range(max(0, len(words) - _SHINGLE + 1))}


def _syndicated(a: Article, b: Article) -> bool:
    """True when one declares the other (or the same original) as what it reprints."""
    sa, sb = a.meta.get("syndication_of"), b.meta.get("syndication_of")
    if sa and (sa == sb or sa == b.url or sa == b.id):
        return True
    return bool(sb and (sb == a.url or sb == a.id))


def reprint_groups(articles: list[Article]) -> dict[str, int]:
    """A group number per article id; reprints of one story share a number.

    Shared 8-grams are counted through an index from each 8-gram to the articles holding
    it, so the work grows with the text, not with the square of the number of articles.
    """
    shingles = {a.id: _shingles(a.text) for a in articles}
    holders: dict[int, list[int]] = {}
    declared = [i for i, a in enumerate(articles) if a.meta.get("syndication_of")]
    group: dict[str, int] = {}
    for i, article in enumerate(articles):
        group[article.id] = i
        shared: dict[int, int] = {}
        for gram in shingles[article.id]:
            held = holders.get(gram, ())
            if len(held) > _BOILERPLATE:
                continue  # a stock sentence many stories carry says nothing about reprints
            for j in held:
                shared[j] = shared.get(j, 0) + 1
        candidates = sorted(set(shared) | {j for j in declared if j < i} |
                            (set(range(i)) if article.meta.get("syndication_of") else set()))
        for j in candidates:
            other = articles[j]
            smaller = max(1, min(len(shingles[article.id]), len(shingles[other.id])))
            if shared.get(j, 0) / smaller >= _OVERLAP or _syndicated(article, other):
                group[article.id] = group[other.id]
                break
        for gram in shingles[article.id]:
            holders.setdefault(gram, []).append(i)
    return group
