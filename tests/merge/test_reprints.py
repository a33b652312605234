"""Reprints: one source however many outlets carry it, found by shared text or by declaration."""

from dataclasses import replace

from sitegen.merge.reprints import reprint_groups
from tests.extract.helpers import article

STORY = ("Militants attacked an army post in Diyala on Monday, killing four soldiers and wounding "
         "two others, the security media cell said in a statement on Tuesday morning.")


def test_a_copy_of_the_text_is_a_reprint_and_other_stories_are_not():
    groups = reprint_groups([article(STORY, id="a"), article("A car bomb exploded in Basra on Monday, "
                                                             "killing three people near a market.", id="b"),
                             article(STORY, id="c")])
    assert groups["a"] == groups["c"] != groups["b"]


def test_declared_reprints_join_whichever_article_is_read_first():
    original = replace(article("The first text of the story, as the wire sent it.", id="a"),
                       url="https://wire.example/story")
    by_url = replace(article("Another wording entirely, as an aggregator rewrote it.", id="b"),
                     meta={"syndication_of": "https://wire.example/story"})
    by_id = replace(article("A third outlet's summary, shorter and in other words.", id="c"),
                    meta={"syndication_of": "a"})
    same_original = replace(article("A fourth version that names the same wire story.", id="d"),
                            meta={"syndication_of": "https://wire.example/story"})
    unrelated = replace(article("Nothing to do with the others at all, a different story.", id="e"),
                        meta={"syndication_of": "https://elsewhere.example/x"})
    groups = reprint_groups([original, by_url, by_id, same_original, unrelated])
    assert groups["a"] == groups["b"] == groups["c"] == groups["d"] != groups["e"]
    # the original listed after the article that declares it reprints it
    later = reprint_groups([by_url, original])
    assert later["a"] == later["b"]


def test_groups_kept_between_edits_follow_the_stock_phrase_threshold():
    # A paragraph that more than 20 earlier articles carry is stock phrasing and no longer
    # makes a reprint. Cutting, restoring or rewording one of the first articles moves that
    # threshold for articles further down, which a process keeping the groups between edits
    # (`sitegen serve`) must find again exactly as a pass over the whole corpus does.
    from sitegen.merge.reprints import ReprintMemory

    furniture = ("Share this story with your friends and read more reports from our correspondents "
                 "across the region in the latest edition of our newsletter which arrives every "
                 "morning with the headlines you need to know before the day begins in earnest")

    def story(n: int, extra: str = "") -> object:
        own = " ".join(f"word{n}x{k}" for k in range(12))
        return article(f"{furniture} {own}{extra}", id=f"a{n:02d}")

    corpus = [story(n) for n in range(30)]
    memory = ReprintMemory()
    groups = reprint_groups(corpus, memory)
    assert groups == reprint_groups(corpus)
    assert {groups[f"a{n:02d}"] for n in range(21)} == {0}  # the paragraph is shared ...
    assert groups["a21"] == 21  # ... until 21 earlier articles carry it
    edits = [
        [a for a in corpus if a.id != "a03"],  # a21 is now the 21st to carry it
        corpus,
        [a if a.id != "a10" else article("A story of its own, in other words entirely.", id="a10")
         for a in corpus],
        [*corpus[:5], story(5, " and one more sentence of its own to tell"), *corpus[6:]],
    ]
    for n, edited in enumerate(edits):
        assert reprint_groups(edited, memory) == reprint_groups(edited), n
    assert reprint_groups(edits[0])["a21"] == 0


def test_an_earlier_article_that_grows_is_no_longer_reprinted_by_a_later_one():
    # b carries all of a's text and more: a reprint of a. When a grows (a long paragraph of
    # its own), the text they share is under half of the smaller of the two, and b is a
    # story of its own; when a shrinks back, b reprints it again. A process keeping the
    # comparisons between edits must see both, although b's own 8-grams did not change.
    from sitegen.merge.reprints import ReprintMemory, _reprinted_all

    own = " ".join(f"later{k}" for k in range(40))
    grown = " ".join(f"earlier{k}" for k in range(90))
    a, b = article(STORY, id="a"), article(f"{STORY} {own}", id="b")
    copy = article(STORY, id="a2")  # between them: b is not the next to hold the story
    others = [article(" ".join(f"story{n}word{k}" for k in range(30)), id=f"c{n:02d}") for n in range(30)]
    memory = ReprintMemory()

    def compared(corpus):
        groups = reprint_groups(corpus, memory)
        assert groups == reprint_groups(corpus)
        assert {i: set(r) for i, r in memory.reprints.items()} == \
            {i: set(r) for i, r in _reprinted_all(corpus, {}).items()}
        return memory.reprints

    assert set(compared([a, copy, b, *others])["b"]) == {"a", "a2"}
    longer = replace(a, text=f"{STORY} {grown}", digest="a-grown")
    assert compared([longer, copy, b, *others])["b"] == ["a2"]
    assert memory.redone == 1  # only a compared in full; the others only with a again
    assert set(compared([a, copy, b, *others])["b"]) == {"a", "a2"}
