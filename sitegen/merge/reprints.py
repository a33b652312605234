"""Independent sources: reprints of one wire story count once.

Two articles are one source when one declares the other (or both declare the same
original) as what it reprints, or when their sentences overlap heavily (shared word
8-grams), as a reprint's do.
"""

from __future__ import annotations

import re
from collections import Counter

from sitegen.model.article import Article

_SHINGLE = 8
_OVERLAP = 0.5
_BOILERPLATE = 20  # an 8-gram found in more articles than this is stock phrasing


def _shingles(text: str) -> set[int]:
    """The article's word 8-grams, each kept as the hash of its text: only equality matters,
    and an int costs a fraction of an 8-tuple of strings in time and memory."""
    words = re.findall(r"\w+", text.lower())
    return {hash(" ".join(words[i:i + _SHINGLE])) for i in range(max(0, len(words) - _SHINGLE + 1))}


def reprint_groups(articles: list[Article], memo: dict | None = None) -> dict[str, int]:
    """A group number per article id; reprints of one story share a number.

    Each article joins the group of the first earlier article it reprints: one with which it
    shares at least half of its 8-grams, or one it declares (or that declares the same
    original, or that declares it) as what it reprints. Shared 8-grams are counted through an
    index from each 8-gram to the articles holding it, and declarations are looked up by
    name, so the work grows with the text, not with the square of the number of articles.
    `memo`, kept between calls in one process, holds each article's 8-grams by content hash;
    it is left holding those of `articles` only.
    """
    if memo is not None:
        kept = {a.digest: memo.get(a.digest) for a in articles if a.digest}
        memo.clear()
        memo.update((digest, grams) for digest, grams in kept.items() if grams is not None)
    # 8-gram -> the articles holding it: an int for the first one, a list once there are more
    # (most 8-grams are in one article only, and these are stored by one C-level update)
    holders: dict[int, int | list[int]] = {}
    stock: set[int] = set()  # 8-grams in more than _BOILERPLATE articles: never counted again
    sizes: list[int] = []
    declaring: dict[str, list[int]] = {}  # what an earlier article says it reprints -> it
    named: dict[str, list[int]] = {}  # an earlier article's url and id -> it
    group: dict[str, int] = {}
    for i, article in enumerate(articles):
        grams = memo.get(article.digest) if memo is not None and article.digest else None
        if grams is None:
            grams = _shingles(article.text)
            if memo is not None and article.digest:
                memo[article.digest] = grams
        sizes.append(len(grams))
        common = grams & holders.keys()
        live = common - stock
        counted: list[int] = []
        for gram in live:
            held = holders[gram]
            if isinstance(held, int):
                counted.append(held)
            else:
                counted.extend(held)
        shared = Counter(counted)
        matches = [j for j, count in shared.items() if count / max(1, min(len(grams), sizes[j])) >= _OVERLAP]
        own = article.meta.get("syndication_of")
        if own:  # it names its original, or shares one with an earlier reprint
            matches += declaring.get(own, []) + named.get(own, [])
        for name in {article.url, article.id} - {"", None}:
            matches += declaring.get(name, [])  # an earlier article names it as its original
        group[article.id] = group[articles[min(matches)].id] if matches else i
        for gram in live:
            held = holders[gram]
            if isinstance(held, int):
                holders[gram] = [held, i]
            else:
                held.append(i)
                if len(held) > _BOILERPLATE:  # a stock phrase: a sentence many stories carry
                    stock.add(gram)
        holders.update(dict.fromkeys(grams - common, i))
        if own:
            declaring.setdefault(own, []).append(i)
        for name in {article.url, article.id} - {"", None}:
            named.setdefault(name, []).append(i)
    return group
