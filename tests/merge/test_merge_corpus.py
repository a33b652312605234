"""Merging a generated corpus: the events do not depend on whether the reasons are kept."""

from __future__ import annotations

import pytest

from sitegen.extract import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.load.corpus import load_corpus
from sitegen.merge import merge
from tests.synthetic import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(120, folder, seed=3)
    articles, _ = load_corpus(folder / "articles")
    gazetteer = load_gazetteer(folder)
    return articles, [analyze(a, gazetteer) for a in articles], gazetteer


def test_merging_without_explanations_finds_the_same_events(corpus):
    # Without explanations merge compares a mention only with the clusters it could join;
    # with them, with every cluster in its months. The events must be the same.
    articles, analyses, gazetteer = corpus
    explained = merge(analyses, articles, gazetteer, explain=True)
    quiet = merge(analyses, articles, gazetteer, explain=False)
    assert explained.explain and not quiet.explain
    assert len(explained.events) > 50
    assert quiet.events == explained.events
    assert quiet.undated == explained.undated
    assert quiet.entities == explained.entities


RECALLS = ("On Monday, militants attacked a checkpoint in Ramadi, killing four soldiers, police said.",
           "The Islamic State seized Mosul in June 2014.",
           "In March 2019, the last Islamic State enclave at Baghouz fell.")


def test_merging_again_from_memory_finds_what_a_fresh_merge_finds(corpus, monkeypatch):
    # `sitegen serve` merges again after each edit, replaying the last clustering's decisions
    # where the edit cannot have changed them: each result must equal a merge from scratch,
    # and most mentions must be placed without being compared with any cluster again.
    from dataclasses import replace

    from sitegen.merge import MergeMemory
    from sitegen.merge import cluster as clustering

    articles, analyses, gazetteer = corpus
    calls = []
    fits = clustering._fits
    monkeypatch.setattr(clustering, "_fits", lambda *a: calls.append(1) or fits(*a))
    added = []  # mentions put into a cluster object (not left in one kept as it was)
    add = clustering.Cluster.add
    monkeypatch.setattr(clustering.Cluster, "add", lambda self, *a: added.append(1) or add(self, *a))
    memory = MergeMemory()
    current = dict(zip((a.id for a in articles), zip(articles, analyses, strict=True), strict=True))
    merge(analyses, articles, gazetteer, explain=False, memory=memory)
    ids = sorted(current)
    edits = [("cut", ids[7]), ("append", ids[40]), ("append", ids[41]), ("cut", ids[90]),
             ("restore", ids[7]), ("append", ids[40])]
    for n, (edit, article_id) in enumerate(edits):
        if edit == "cut":
            del current[article_id]
        else:
            article = next(a for a in articles if a.id == article_id)
            if edit == "append":
                article = replace(article, text=article.text + "\n\n" + RECALLS[n % len(RECALLS)])
            current[article_id] = (article, analyze(article, gazetteer))
        arts = [a for a, _ in current.values()]
        found = [x for _, x in current.values()]
        calls.clear()
        added.clear()
        again = merge(found, arts, gazetteer, explain=False, memory=memory)
        replayed, placed = len(calls), len(added)
        calls.clear()
        added.clear()
        fresh = merge(found, arts, gazetteer, explain=False)
        assert again.events == fresh.events, (edit, article_id)
        assert again.undated == fresh.undated
        assert [e.mentions for e in again.events] == [e.mentions for e in fresh.events]
        assert replayed < len(calls) / 3, (edit, article_id, replayed, len(calls))
        # most clusters are kept as they ended, without adding their mentions to them again
        assert placed < len(added) / 3, (edit, article_id, placed, len(added))
        # where the next edit looks clusters up is where a first merge would put them, and
        # the mentions are placed in the order a first merge sorts them in
        first = MergeMemory()
        merge(found, arts, gazetteer, explain=False, memory=first)
        assert _where(memory) == _where(first), (edit, article_id)
        assert [m.id for m in memory.clusters.dated] == [m.id for m in first.clusters.dated]


def _where(memory) -> dict:
    return {key: sorted(entries) for key, entries in memory.clusters.found.items()}


def test_a_merge_interrupted_halfway_leaves_memory_the_next_merge_can_use(corpus, monkeypatch):
    # A replay takes over the last run's candidate index; if it fails halfway (an error, a
    # Ctrl+C in serve), the next merge must still find what a merge from scratch finds.
    from dataclasses import replace

    from sitegen.merge import MergeMemory
    from sitegen.merge import cluster as clustering

    articles, analyses, gazetteer = corpus
    memory = MergeMemory()
    merge(analyses, articles, gazetteer, explain=False, memory=memory)
    # text put before the others moves every mention of the article: all decide again
    edited = replace(articles[30], text=RECALLS[0] + "\n\n" + articles[30].text)
    arts = [edited if a.id == edited.id else a for a in articles]
    found = [analyze(a, gazetteer) if a is edited else x for a, x in zip(arts, analyses, strict=True)]

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    fits = clustering._fits
    monkeypatch.setattr(clustering, "_fits", broken)
    with pytest.raises(KeyboardInterrupt):
        merge(found, arts, gazetteer, explain=False, memory=memory)
    monkeypatch.setattr(clustering, "_fits", fits)
    again = merge(found, arts, gazetteer, explain=False, memory=memory)
    fresh = merge(found, arts, gazetteer, explain=False)
    assert [e.mentions for e in again.events] == [e.mentions for e in fresh.events]
    assert again.events == fresh.events
    # and the merge after that replays from a complete record again
    back = merge(analyses, articles, gazetteer, explain=False, memory=memory)
    assert back.events == merge(analyses, articles, gazetteer, explain=False).events


def test_mentions_an_edit_left_as_they_were_are_not_decided_again(corpus, monkeypatch):
    # Text added at the end of an article leaves its other mentions as they were, though
    # analysing it again makes them new objects. They stand as the last run's objects, so
    # the clusters they join are not taken as changed, and the mentions that may join those
    # do not decide again (many, for an event hundreds of articles recall).
    from dataclasses import replace

    import sitegen.merge as merging
    from sitegen.merge import MergeMemory
    from sitegen.merge import cluster as clustering

    articles, analyses, gazetteer = corpus
    edited = replace(articles[40], text=articles[40].text + "\n\n" + RECALLS[0])
    arts = [edited if a.id == edited.id else a for a in articles]
    found = [analyze(a, gazetteer) if a is edited else x for a, x in zip(arts, analyses, strict=True)]
    decided = []
    best = clustering._best
    monkeypatch.setattr(clustering, "_best", lambda *a: decided.append(1) or best(*a))

    def after_the_edit():
        memory = MergeMemory()
        merge(analyses, articles, gazetteer, explain=False, memory=memory)
        decided.clear()
        result = merge(found, arts, gazetteer, explain=False, memory=memory)
        return len(decided), result

    fewer, again = after_the_edit()
    old = {m.id: m for a in analyses if a.article_id == edited.id for m in a.mentions}
    kept = [m for e in again.events for m in e.mentions if m.id in old]
    assert kept and all(m is old[m.id] for m in kept)  # the last run's objects
    monkeypatch.setattr(merging, "_as_last_time", lambda mentions, last: mentions)
    more, _ = after_the_edit()
    assert 0 < fewer and fewer * 4 < more, (fewer, more)  # the new mention decides, few others
    assert again.events == merge(found, arts, gazetteer, explain=False).events


def test_reprint_groups_kept_between_edits_equal_groups_found_afresh(corpus):
    # `sitegen serve` keeps which articles hold each 8-gram and compares again only the
    # articles an edit can touch; the groups must be those of a pass over the whole corpus,
    # whether articles are cut, added as reprints, appended to or replaced by another's text.
    from dataclasses import replace

    from sitegen.merge.reprints import ReprintMemory, _reprinted_all, reprint_groups

    articles = sorted(corpus[0], key=lambda a: a.id)
    memory = ReprintMemory()
    assert reprint_groups(articles, memory) == reprint_groups(articles)
    current = list(articles)
    redone = []
    for n in range(12):
        at = len(current) // 2 + (n * 37) % (len(current) // 2)  # the later half: fewer after it
        article = current[at]
        if n % 4 == 0:
            del current[at]
        elif n % 4 == 1:
            source = current[(at + 11) % len(current)]
            current.append(replace(source, id=f"{source.id}-reprint", digest=f"{source.digest}-r", url=None,
                                   meta={}))
            current.sort(key=lambda a: a.id)
        elif n % 4 == 2:
            current[at] = replace(article, text=article.text + "\n\n" + RECALLS[n % 3],
                                  digest=f"{article.digest}-e")
        else:
            other = current[(at + 5) % len(current)]
            current[at] = replace(article, text=other.text, digest=f"{article.digest}-c")
        groups = reprint_groups(current, memory)
        assert groups == reprint_groups(current), n
        # and what each article reprints, not only the groups that follow from it
        assert {i: set(r) for i, r in memory.reprints.items()} == \
            {i: set(r) for i, r in _reprinted_all(current, {}).items()}, n
        redone.append(memory.redone)
    assert len(set(groups.values())) < len(current)  # the reprints made above are found
    assert sum(redone) < len(current) * len(redone) / 3, redone
