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
