"""Independent sources: reprints of one wire story count once.

Two articles are one source when one declares the other (or both declare the same
original) as what it reprints, or when their sentences overlap heavily (shared word
8-grams), as a reprint's do.

An 8-gram counts for an article when between 1 and _BOILERPLATE articles before it (by id)
hold it: one that more earlier articles carry is stock phrasing. `ReprintMemory` keeps, in a
process that merges again after each edit, which articles hold each 8-gram, so that only the
articles an edit can touch are compared again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from sitegen.model.article import Article

_SHINGLE = 8
_OVERLAP = 0.5
_BOILERPLATE = 20  # an 8-gram found in more articles than this is stock phrasing
# an edit touching more than this share of the corpus is redone whole, which is quicker
_REDO_SHARE = 0.05


def _overlapping(shared: int, size: int, other: int) -> bool:
    """Whether two articles with `size` and `other` counted 8-grams, `shared` of them in
    common, overlap as a reprint does: in at least half of the smaller one's."""
    return shared / max(1, min(size, other)) >= _OVERLAP


_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[int]:
    """The article's word 8-grams, each kept as the hash of its tuple of words: only equality
    matters, and an int costs a fraction of an 8-tuple of strings in memory. The tuples come
    from zipping the word list with itself shifted, which is quicker than joining words."""
    words = _WORD.findall(text.lower())
    return set(map(hash, zip(*(words[k:] for k in range(_SHINGLE)), strict=False)))  # shorter ones end it


@dataclass
class ReprintMemory:
    """What a process that merges the same corpus again and again keeps: each article's
    8-grams by content hash; and, as of the last call, each article's content hash, the
    articles holding each 8-gram (ids, sorted) and the earlier articles each one reprints."""

    grams: dict[str, set[int]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    holders: dict[int, list[str]] = field(default_factory=dict)
    reprints: dict[str, list[str]] = field(default_factory=dict)
    redone: int = 0  # articles compared again by the last call

    def grams_of(self, article: Article) -> set[int]:
        grams = self.grams.get(article.digest) if article.digest else None
        if grams is None:
            grams = _shingles(article.text)
            if article.digest:
                self.grams[article.digest] = grams
        return grams


def reprint_groups(articles: list[Article], memo: ReprintMemory | None = None) -> dict[str, int]:
    """A group number per article id (`articles` sorted by id); reprints of one story share
    a number, the position of the first of them.

    Each article joins the group of the first earlier article it reprints: one with which it
    shares at least half of its 8-grams, or one it declares (or that declares the same
    original, or that declares it) as what it reprints. Shared 8-grams are counted through an
    index from each 8-gram to the articles holding it, and declarations are looked up by
    name, so the work grows with the text, not with the square of the number of articles.
    With `memo`, kept between calls in one process, an edit compares again only the
    articles it can touch (see `_again`); the groups are the same.
    """
    if memo is not None:
        return _again(articles, memo)
    return _groups(articles, _reprinted_all(articles, {}))


def _reprinted_all(articles: list[Article], grams_of: dict[str, set[int]]) -> dict[str, list[str]]:
    """For each article (sorted by id), the earlier ones it shares at least half of the smaller
    one's counted 8-grams with, in one pass: each article's 8-grams are looked up in an index
    of those of the articles before it. `grams_of` may hold the 8-grams by article id."""
    # 8-gram -> the articles holding it: an int for the first one, a list once there are more
    # (most 8-grams are in one article only, and these are stored by one C-level update)
    holders: dict[int, int | list[int]] = {}
    stock: set[int] = set()  # 8-grams in more than _BOILERPLATE articles: never counted again
    sizes: list[int] = []
    reprints: dict[str, list[str]] = {}
    for i, article in enumerate(articles):
        grams = grams_of.get(article.id)
        if grams is None:
            grams = _shingles(article.text)
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
        reprints[article.id] = [articles[j].id for j, count in shared.items()
                                if _overlapping(count, len(grams), sizes[j])]
        for gram in live:
            held = holders[gram]
            if isinstance(held, int):
                holders[gram] = [held, i]
            else:
                held.append(i)
                if len(held) > _BOILERPLATE:  # a stock phrase: a sentence many stories carry
                    stock.add(gram)
        holders.update(dict.fromkeys(grams - common, i))
    return reprints


def _again(articles: list[Article], memo: ReprintMemory) -> dict[str, int]:
    """`reprint_groups` from what `memo` kept of the last call.

    Whether article i reprints an earlier article j depends on the 8-grams of both and, for
    each 8-gram of i, on how many articles before i hold it, and on the sizes of i and j. An
    edited, added or removed article k changes these only for k itself and for the articles
    that are among the first _BOILERPLATE + 2 holders of one of k's 8-grams, old or new:
    further down a holder list an 8-gram is stock phrasing with or without k. Those after k
    in the list of an 8-gram k gained or lost count their 8-grams again; those after k only
    in lists of 8-grams k kept count the same 8-grams, and only their ratio with k changes
    with k's size, so only that pair is compared again."""
    order = [a.id for a in articles]
    digests = {a.id: a.digest or f"text:{hash(a.text)}" for a in articles}
    changed = {i for i in digests.keys() | memo.digests.keys() if digests.get(i) != memo.digests.get(i)}
    fresh = not memo.digests or len(changed) > _REDO_SHARE * max(1, len(order))
    old_grams = {i: memo.grams.get(memo.digests[i], set()) for i in changed if i in memo.digests}
    grams = {a.id: memo.grams_of(a) for a in articles}
    if fresh:
        memo.holders = {}
        for article_id in order:  # in id order, so each list comes out sorted
            for gram in grams[article_id]:
                held = memo.holders.get(gram)
                if held is None:
                    memo.holders[gram] = [article_id]
                else:
                    held.append(article_id)
        memo.reprints = _reprinted_all(articles, grams)
        redo: set[str] = set()
    else:
        redo = {i for i in changed if i in digests}
        window = _BOILERPLATE + 2
        for article_id in changed:
            before, after = old_grams.get(article_id, set()), grams.get(article_id, set())
            # the first holders of each of its 8-grams, with the article and without; only
            # those after it, since an article is compared with earlier ones only
            for gram in before - after:
                held = memo.holders[gram]
                at = bisect_left(held, article_id)
                redo.update(held[at + 1:window])
                del held[at]
                if not held:
                    del memo.holders[gram]
            for gram in after - before:
                at = bisect_left(held := memo.holders.setdefault(gram, []), article_id)
                held.insert(at, article_id)
                redo.update(held[at + 1:window])
        redo &= digests.keys()
        for article_id in changed - digests.keys():
            memo.reprints.pop(article_id, None)
    sizes = {i: len(g) for i, g in grams.items()}
    for article_id in redo:
        memo.reprints[article_id] = _reprinted(article_id, grams[article_id], memo.holders, sizes)
    if not fresh:
        for article_id in changed & digests.keys():
            _compare_again(article_id, grams[article_id], memo, sizes, redo)
    memo.redone = len(redo)
    memo.digests = digests
    memo.grams = {digests[a.id]: grams[a.id] for a in articles}
    return _groups(articles, memo.reprints)


def _compare_again(k: str, grams: set[int], memo: ReprintMemory, sizes: dict[str, int],
                   redone: set[str]) -> None:
    """Compare again with `k` (edited or added, whose 8-grams are `grams`) each later article
    holding one of them, other than those `redone` in full: how many 8-grams they share that
    count for the later article (held by 1 to _BOILERPLATE articles before it, k among
    them) is unchanged, but k's size may not be."""
    shared: Counter[str] = Counter()
    holders = memo.holders
    for gram in grams:
        held = holders[gram]
        at = bisect_left(held, k)
        shared.update(held[at + 1:_BOILERPLATE + 1])  # after k, and counting it
    size = sizes[k]
    for j, count in shared.items():
        if j in redone:
            continue
        others = [i for i in memo.reprints.get(j, ()) if i != k]
        if _overlapping(count, sizes[j], size):
            others.append(k)
        memo.reprints[j] = others


def _reprinted(article_id: str, grams: set[int], holders: dict[int, list[str]],
               sizes: dict[str, int]) -> list[str]:
    """The earlier articles sharing at least half of the smaller one's counted 8-grams."""
    shared: Counter[str] = Counter()
    for gram in grams:
        held = holders[gram]
        before = bisect_left(held, article_id)
        if 1 <= before <= _BOILERPLATE:
            shared.update(held[:before])
    size = len(grams)
    return [j for j, count in shared.items() if _overlapping(count, size, sizes[j])]


def _groups(articles: list[Article], reprints: dict[str, list[str]]) -> dict[str, int]:
    """Groups from what each article reprints by its text, and what it declares."""
    position = {a.id: i for i, a in enumerate(articles)}
    declaring: dict[str, list[int]] = {}
    named: dict[str, list[int]] = {}
    group: dict[str, int] = {}
    for i, article in enumerate(articles):
        matches = [position[j] for j in reprints.get(article.id, ())]
        own = article.meta.get("syndication_of")
        if own:
            matches += declaring.get(own, []) + named.get(own, [])
        for name in {article.url, article.id} - {"", None}:
            matches += declaring.get(name, [])
        group[article.id] = group[articles[min(matches)].id] if matches else i
        if own:
            declaring.setdefault(own, []).append(i)
        for name in {article.url, article.id} - {"", None}:
            named.setdefault(name, []).append(i)
    return group
