"""Mentions into events: a mention joins the event it fits best (compatible dates, one type
class, places that agree, shared actors, no other speaker), or starts a new one.

Finer-dated mentions are placed first, so a month-level mention finds the day-level
event inside its month. Claims and confirmations (`Mention.follows`) join the event of
the mention they respond to. Every decision is written to `explain`.

A process that clusters the same corpus again after an edit (`sitegen serve`) passes the
`ClusterTrace` of the last run: a mention that is unchanged, and that cannot reach any
cluster the edit changed, takes the same decision as last time without comparing itself
with anything, which gives the same clusters as clustering from scratch. Mentions of one
kind (the index base) only ever meet clusters of that kind, so the clusters of a kind the
edit did not touch are taken as they ended, without going through their mentions; and a
cluster of a touched kind that nothing this run decided afresh reaches stays as it ended
too ("dormant"): it is made again, as it was at that point, only when a mention deciding
afresh could join it or one of its mentions goes elsewhere.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sitegen.extract.entities import Gazetteer
from sitegen.merge.evidence import Evidence, evidence, place_conflict
from sitegen.merge.windows import compatible, window
from sitegen.model.event import Mention
from sitegen.model.time import Precision


@dataclass(eq=False)
class Cluster:
    """The mentions of one event under construction (follow-ups apart: they do not date it).

    Besides its mentions it keeps what `_fits` asks of all of them together (the union of
    their places, actors, towns and words, their types, their finest precision), and one
    representative mention per combination of the facts compared pairwise: a mention that
    would be refused by a cluster is refused by any other mention with the same facts, so a
    cluster that many articles recall is not compared mention by mention."""

    core: list[Evidence] = field(default_factory=list)
    followers: list[Mention] = field(default_factory=list)
    order: int = 0  # creation order, so ties between candidates settle the same way every build
    places: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    specific: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    finest: int = 10**6
    # positions in `core` of the first mention with each combination of compared facts
    distinct: dict[tuple, int] = field(default_factory=dict)
    by_article: dict[str, list[int]] = field(default_factory=dict)  # article id -> positions in `core`
    # its mentions' identities and articles, in order, made when first asked (see `made_of`)
    _made_of: tuple[tuple[int, ...], tuple[str, ...]] | None = None
    _placing: tuple | None = None  # see `placing`

    def __post_init__(self) -> None:
        core, self.core = self.core, []
        for ev in core:
            self.add(ev)

    def add(self, ev: Evidence, facts: Facts | None = None) -> None:
        """Add `ev` (whose `Facts`, when given, save making them again)."""
        at = len(self.core)
        self.core.append(ev)
        self._made_of = None
        self.places |= ev.places
        self.actors |= ev.actors
        self.specific |= ev.specific
        self.words |= ev.words
        self.types.add(ev.mention.type)
        self.finest = min(self.finest, ev.mention.date.precision.rank)
        self.distinct.setdefault(facts if facts is not None else Facts(ev), at)
        self.by_article.setdefault(ev.mention.article_id, []).append(at)

    def made_of(self) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """The identities of the mentions in `core` and their articles (without repeats), in
        order: what the event built from this cluster depends on, besides the follow-ups. A
        cluster kept between runs as it ended answers without going through its mentions."""
        if self._made_of is None:
            self._made_of = (tuple(id(e.mention) for e in self.core),
                             tuple(dict.fromkeys(e.mention.article_id for e in self.core)))
        return self._made_of

    def placing(self) -> tuple:
        """Where the cluster comes among the others: where its first mention is placed
        (`_placing`), which stays its first."""
        if self._placing is None:
            self._placing = _placing(self.core[0].mention)
        return self._placing

    @property
    def mentions(self) -> list[Mention]:
        return [e.mention for e in self.core] + self.followers

    @property
    def label(self) -> str:
        first = self.core[0].mention
        return f"[{first.date.value} {first.type}: {first.id}]"


class Facts:
    """What `_fits` compares between a mention and each mention of a cluster (besides what
    it compares only within one article): equal facts, equal verdicts. Hashed once (the
    date and place sets in it are costly to hash again each time a cluster grows)."""

    __slots__ = ("facts", "hash")

    def __init__(self, ev: Evidence):
        self.facts = (ev.kind, ev.mention.date, ev.aggregate, ev.specific, ev.speaker, ev.people)
        self.hash = hash(self.facts)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Facts) and self.hash == other.hash and self.facts == other.facts


@dataclass(frozen=True, slots=True)
class Keys:
    """Where one mention looks for clusters in `_Candidates`, and what it makes the cluster it
    joins found by: all of it a function of its evidence and the gazetteer, so made once per
    mention and kept between runs in the `ClusterTrace`."""

    ev: Evidence
    facts: Facts
    months: range  # the months its date spans, as year * 12 + month - 1
    base: tuple
    wanted: frozenset[tuple]  # the marks of the clusters it may join
    marks: frozenset[tuple]  # what the cluster it joins is found by, besides months
    townless: frozenset[tuple]  # ... and besides those, while that cluster names no town
    spots: tuple[tuple, ...]  # (base, mark) for each mark in `wanted`, see `_Candidates.reaches`


@dataclass
class ClusterTrace:
    """What one run of `cluster_mentions` decided: for each dated mention (by id, with the
    mention object, so an edited article's new mentions do not pass for the old ones) the
    first mention of the cluster it joined; for each cluster, by its first mention, where
    the candidate index made it findable: (index base, marks, months)."""

    decisions: dict[str, tuple[Mention, str]] = field(default_factory=dict)
    reach: dict[str, tuple[tuple, set[tuple], set[int]]] = field(default_factory=dict)
    keys: dict[str, Keys] = field(default_factory=dict)  # mention id -> its keys
    # index base -> its clusters as they ended, in order: mentions of one base only ever
    # meet clusters of that base, so a base the edit did not touch ends as it did
    final: dict[tuple, list[Cluster]] = field(default_factory=dict)
    dated: list[Mention] | None = None  # the dated mentions in the order the run placed them
    # every cluster where the candidate index found it when the run ended: (*base, month,
    # *mark) -> first mention id -> cluster. The next run takes it over (and leaves None
    # here), so a run that fails halfway leaves a trace the next one replays in full.
    found: dict[tuple, dict[str, Cluster]] | None = None


def _fits(ev: Evidence, cluster: Cluster, gazetteer: Gazetteer) -> tuple[bool, str, float]:
    """Whether `ev` can join `cluster`, the reason, and a score among the candidates."""
    reasons: list[str] = []
    # every mention of the cluster with facts not seen before, and those from ev's own article,
    # in the cluster's order: the first one refusing ev is the first of all that would
    compared = sorted({*cluster.distinct.values(), *cluster.by_article.get(ev.mention.article_id, ())})
    for at in compared:
        other = cluster.core[at]
        if other.kind != ev.kind:
            return False, f"different kinds of event ({other.mention.type} vs {ev.mention.type})", 0
        ok, why = compatible(ev.mention.date, other.mention.date)
        if not ok:
            return False, why, 0
        reasons.append(why)
        same_article = other.mention.article_id == ev.mention.article_id
        if same_article and other.mention.sentence == ev.mention.sentence:
            return False, "two dates in one sentence are two events", 0
        if same_article:
            later = ev if ev.mention.sentence.start > other.mention.sentence.start else other
            if later.introduced:
                return False, "the article introduces it as another event", 0
        if ev.kind == "violence" and other.aggregate != ev.aggregate:
            return False, "a count of many events does not merge with one event", 0
        if place_conflict(ev, other, gazetteer):
            return False, (f"different places ({', '.join(sorted(other.specific))} vs "
                           f"{', '.join(sorted(ev.specific))})"), 0
        if ev.kind == "communication":
            if ev.speaker and other.speaker and ev.speaker != other.speaker:
                return False, f"different speakers ({other.speaker} vs {ev.speaker})", 0
            if ev.people and other.people and not ev.people & other.people:
                return False, "different people", 0
    places, actors, specific, words = cluster.places, cluster.actors, cluster.specific, cluster.words
    shared_places, shared_actors = ev.places & places, ev.actors & actors
    if not shared_places and not shared_actors:
        return False, "no place or actor in common", 0
    nested = any(x in gazetteer.ancestors(y) or y in gazetteer.ancestors(x)
                 for x in ev.specific for y in specific)
    finest = cluster.finest
    countries = {p for p in ev.places if gazetteer.place_kinds.get(p) == "country"}
    broad = ev.mention.date.precision.rank > Precision.MONTH.rank or len(countries) > 1
    if specific and not ev.specific and finest <= Precision.WEEK.rank and broad:
        # "ISIS seized territory in Iraq and Syria in June 2014" is not "Mosul fell on June 10"
        return False, "a season or year in a country does not pin down an event in a town on a day", 0
    types = cluster.types
    # a killing is what an attack, a raid or a bombing does: it goes with any of them
    outcome = "killing" in types | {ev.mention.type}
    if ev.kind == "violence" and ev.mention.type not in types and not nested and not outcome:
        return False, f"a {ev.mention.type} and a {'/'.join(sorted(types))} with no town in common", 0
    if ev.kind == "other" and not (ev.specific & specific or shared_actors):
        return False, "an event of no known kind needs a town or an actor in common", 0
    score = (3 * len(ev.specific & specific) + len(shared_places) + 2 * len(shared_actors)
             + 2 * len(ev.words & words) / max(1, len(ev.words | words)))
    shared = sorted(shared_places | shared_actors)
    why = f"{reasons[0] if reasons else 'dates agree'}; both {ev.kind}; shared {', '.join(shared)}"
    return True, why, score


class _Candidates:
    """Where a mention looks for the clusters it may join.

    A mention can only join a cluster whose first mention's dates overlap its own, so it
    looks only in the months it spans (a day in one month, a year in twelve) instead of at
    every event of its kind. With `narrow`, it also skips clusters that `_fits` is bound to
    refuse, so the number it compares itself with does not grow with the corpus: violence
    counted many times ("28 attacks") apart from single acts; and a cluster must either share
    a town with it (one containing the other) or, when one of the two names no town, share a
    place or an actor. Without `narrow` (to explain every refusal) it sees every cluster of
    its kind in its months.
    """

    def __init__(self, gazetteer: Gazetteer, narrow: bool):
        self.gazetteer = gazetteer
        self.narrow = narrow
        self.index: dict[tuple, list[Cluster]] = {}  # (kind, month, ...) -> clusters
        self.months: dict[int, set[int]] = {}  # id(cluster) -> the months it reaches
        self.marks: dict[int, set[tuple]] = {}  # id(cluster) -> what it is found by, besides months
        self.bases: dict[int, tuple] = {}  # id(cluster) -> the base of its keys (one per cluster)

    def keys(self, ev: Evidence, months: range) -> Keys:
        """`ev`'s keys (see `Keys`)."""
        facts = Facts(ev)
        if not self.narrow:
            return Keys(ev, facts, months, (ev.kind,), frozenset({()}), frozenset({()}), frozenset(),
                        (((ev.kind,), ()),))
        base = (ev.kind, ev.aggregate if ev.kind == "violence" else None)
        own = ev.places | ev.actors
        ancestors = self.gazetteer.ancestors
        if not ev.specific:
            wanted = {("shared", t) for t in own}
        else:
            wanted = {("townless", t) for t in own}
            for x in ev.specific:
                wanted.add(("inside", x))  # a cluster naming a town inside x (or x itself)
                wanted.update(("town", a) for a in ancestors(x))  # naming x or a place holding it
        marks = {("shared", t) for t in own}
        for y in ev.specific:
            marks.add(("town", y))
            marks.update(("inside", a) for a in ancestors(y))
        townless = frozenset(("townless", t) for t in own) - marks
        return Keys(ev, facts, months, base, frozenset(wanted), frozenset(marks), townless,
                    tuple((base, mark) for mark in wanted))

    def reach_of(self, cluster: Cluster) -> tuple[tuple, set[tuple], set[int]]:
        """Where `cluster` can be found: its base, marks and months."""
        return (self.bases.get(id(cluster), ()), self.marks.get(id(cluster), set()),
                self.months.get(id(cluster), set()))

    def reaches(self, keys: Keys, spots: dict[tuple, set[int]]) -> bool:
        """Whether `find(keys)` would look at any of `spots`, (base, mark) -> months."""
        if not spots:
            return False
        months = keys.months
        for spot in keys.spots:
            found = spots.get(spot)
            if found and not found.isdisjoint(months):
                return True
        return False

    def find(self, keys: Keys) -> list[Cluster]:
        base, wanted, index = keys.base, keys.wanted, self.index
        reach = {id(c): c for m in keys.months for mark in wanted for c in index.get((*base, m, *mark), ())}
        return sorted(reach.values(), key=lambda c: c.order)

    def add(self, keys: Keys, cluster: Cluster) -> None:
        """Make `cluster`, which `keys`' mention has just joined or started, findable by what
        that mention brings."""
        at = id(cluster)
        had_months = self.months.get(at)
        if had_months is None:
            had_months, had_marks = self.months[at], self.marks[at] = set(), set()
            self.bases[at] = keys.base
        else:
            had_marks = self.marks[at]
        new_months = [m for m in keys.months if m not in had_months]
        new_marks = keys.marks - had_marks
        if not cluster.specific and keys.townless:
            new_marks |= keys.townless - had_marks
        if not new_months and not new_marks:
            return  # the usual case for a cluster many mentions join
        base = self.bases[at]
        index = self.index
        for m in new_months:
            for mark in had_marks | new_marks:
                index.setdefault((*base, m, *mark), []).append(cluster)
        for m in had_months:
            for mark in new_marks:
                index.setdefault((*base, m, *mark), []).append(cluster)
        had_months.update(new_months)
        had_marks |= new_marks


def _best(ev: Evidence, candidates: list[Cluster], gazetteer: Gazetteer,
          explain: list[str] | None) -> Cluster | None:
    """The candidate `ev` fits best (the first of equals), or None."""
    best: tuple[float, Cluster, str] | None = None
    mention = ev.mention
    for cluster in candidates:
        ok, why, score = _fits(ev, cluster, gazetteer)
        if ok and (best is None or score > best[0]):
            best = (score, cluster, why)
        elif not ok and explain is not None and compatible(mention.date, cluster.core[0].mention.date)[0]:
            explain.append(f"kept {mention.id} apart from {cluster.label}: {why}")
    if best is not None and explain is not None:
        explain.append(f"merged {mention.id} into {best[1].label}: {best[2]}")
    return best[1] if best is not None else None


class _Replay:
    """The last run's decisions, and the clusters this run may have made differently.

    A cluster is dirty when its mentions so far may differ from what it had at the same
    point of the last run: a mention of the last run is gone from it, or a mention decided
    afresh joined it or left it. A mention whose evidence is unchanged and whose candidate
    keys meet no key a dirty cluster had (last run, or this one so far) sees the very
    clusters it saw last time, in the same states, so it decides as it did then.

    A cluster of the last run that is not dirty is dormant while nothing needs to see it:
    its mentions join it as last time without being added to anything, and the last run's
    object stands for it at the end. It is woken (made again from its mentions so far, and
    put in the candidate index) when a mention deciding afresh may find it, or when it
    becomes dirty."""

    def __init__(self, last: ClusterTrace, index: _Candidates, present: dict[str, Mention]):
        self.last = last
        self.index = index
        self.dirty: set[str] = set()
        self.spots: dict[tuple, set[int]] = {}  # (base, mark) -> months a dirty cluster reaches
        self.clusters: dict[str, Cluster] = {}  # first mention id -> cluster, this run
        self.dormant: dict[str, Cluster] = {}  # first mention id -> the last run's cluster
        self.found: dict[tuple, dict[str, Cluster]] = {}  # where the last run's clusters ended up
        self.place: dict[str, int] = {}  # mention id -> its place in this run's order
        self.keyed: list[tuple[Mention, Evidence, Keys]] = []  # this run's mentions, in order
        self.at = 0  # the place of the mention being decided
        self.made: list[Cluster] = []  # clusters woken, for the run's list
        self.leader_of: dict[int, str] = {}  # id(cluster) -> its first mention's id
        self.gone: list[str] = []  # mentions of the last run that are not in this one, or changed
        for mention_id, (mention, leader) in last.decisions.items():
            if present.get(mention_id) is not mention:
                self.gone.append(mention_id)
                self.spoil(leader)

    def doze(self, ended: list[Cluster], found: dict[tuple, dict[str, Cluster]],
             keyed: list[tuple[Mention, Evidence, Keys]]) -> None:
        """Let the clusters of the last run in `ended` that are not dirty lie dormant;
        `found` is where the last run's candidate index found every cluster when it ended."""
        self.found, self.keyed = found, keyed
        self.place = {m.id: i for i, (m, _, _) in enumerate(keyed)}
        for cluster in ended:
            leader = cluster.core[0].mention.id
            if leader not in self.dirty:
                self.dormant[leader] = cluster

    def wake(self, leader: str) -> None:
        """Make the dormant cluster first joined by `leader` as it is at this point of the
        run (nothing, if its first mention is not yet placed), and index it."""
        ended = self.dormant.pop(leader, None)
        if ended is None:
            return
        cluster: Cluster | None = None
        for ev in ended.core:  # in the order the run places them
            at = self.place[ev.mention.id]
            if at >= self.at:
                break
            keys = self.keyed[at][2]
            if cluster is None:
                cluster = Cluster(order=at)
                self.leader_of[id(cluster)] = leader
                self.clusters[leader] = cluster
                self.made.append(cluster)
            cluster.add(ev, keys.facts)
            self.index.add(keys, cluster)

    def wake_near(self, keys: Keys) -> None:
        """Wake the dormant clusters already begun that a mention with `keys` may find
        (where they ended up is where they can be found at most)."""
        if not self.dormant:
            return
        base, found, dormant, place = keys.base, self.found, self.dormant, self.place
        for m in keys.months:
            for mark in keys.wanted:
                for leader, cluster in found.get((*base, m, *mark), {}).items():
                    if dormant.get(leader) is cluster and place[leader] < self.at:
                        self.wake(leader)

    def spoil(self, leader: str) -> None:
        if leader not in self.dirty:
            self.dirty.add(leader)
            self.wake(leader)
            if leader in self.last.reach:
                self._spread(*self.last.reach[leader])
            if leader in self.clusters:
                self._spread(*self.index.reach_of(self.clusters[leader]))

    def grown(self, leader: str) -> None:
        """A cluster was added to: a dirty one is findable where it now is, too."""
        if leader in self.dirty:
            self._spread(*self.index.reach_of(self.clusters[leader]))

    def _spread(self, base: tuple, marks: set[tuple], months: set[int]) -> None:
        for mark in marks:
            self.spots.setdefault((base, mark), set()).update(months)

    def retire(self, reach: dict[str, tuple], found: dict[tuple, dict[str, Cluster]] | None,
               touched: set[tuple]) -> None:
        """Take the last run's clusters of the touched bases that did not stay dormant out of
        `reach` and `found` (where the next run looks them up); this run's come in after."""
        for base in touched:
            for cluster in self.last.final.get(base, ()):
                leader = cluster.core[0].mention.id
                if self.dormant.get(leader) is not cluster:
                    reach.pop(leader, None)
                    if found is not None:
                        _index_out(found, leader, cluster, self.last.reach[leader])


def _index_out(found: dict[tuple, dict[str, Cluster]], leader: str, cluster: Cluster,
               reach: tuple[tuple, set[tuple], set[int]]) -> None:
    base, marks, months = reach
    for m in months:
        for mark in marks:
            key = (*base, m, *mark)
            entries = found.get(key)
            if entries is not None and entries.get(leader) is cluster:
                del entries[leader]
                if not entries:
                    del found[key]


def _index_in(found: dict[tuple, dict[str, Cluster]], leader: str, cluster: Cluster,
              reach: tuple[tuple, set[tuple], set[int]]) -> None:
    base, marks, months = reach
    for m in months:
        for mark in marks:
            found.setdefault((*base, m, *mark), {})[leader] = cluster


def _placing(mention: Mention) -> tuple:
    """Where a dated mention is placed among the others: finer dates first, then by date."""
    return (mention.date.precision.rank, mention.date.start, mention.article_id, mention.id)


def _in_order(leaders: list[Mention], last: list[Mention] | None) -> list[Mention]:
    """The dated ones of `leaders`, placed in order (see `_placing`). `last`, the order of
    an earlier run, saves sorting again the mentions it holds: those still here keep their
    order, and the others are put in their places."""
    if last is None:
        return sorted((m for m in leaders if m.date.resolved), key=_placing)
    here = {id(m) for m in leaders}  # the objects of `last` are alive: no id is reused
    dated = [m for m in last if id(m) in here]
    kept = {id(m) for m in dated}
    for mention in sorted((m for m in leaders if id(m) not in kept and m.date.resolved), key=_placing):
        insort(dated, mention, key=_placing)
    return dated


def cluster_mentions(mentions: list[Mention], gazetteer: Gazetteer, explain: list[str] | None,
                     evidence_of: Callable[[Mention], Evidence] | None = None,
                     last: ClusterTrace | None = None, trace: ClusterTrace | None = None,
                     dropped: list | None = None) -> tuple[list[Cluster], list[Cluster]]:
    """Dated and undated clusters of the mentions; why each was merged or kept apart is
    appended to `explain` unless it is None. `evidence_of` gives a mention's evidence (by
    default `evidence(mention, gazetteer)`; a process merging again may remember it).
    Without `explain`, `trace` (if given) is filled with this run's decisions, and `last`,
    the trace of an earlier run on mentions with the same evidence, saves deciding again
    what an edit did not touch. The candidate index is put in `dropped`, if given, for the
    caller to free when it suits it."""
    if evidence_of is None:
        evidence_of = partial(_evidence, gazetteer=gazetteer)
    by_id = {m.id: m for m in mentions}
    leaders = [m for m in mentions if not (m.follows and m.follows in by_id)]
    followers = [m for m in mentions if m.follows and m.follows in by_id]
    dated = _in_order(leaders, last.dated if last is not None and explain is None else None)
    if trace is not None and explain is None:
        trace.dated = dated
    clusters: list[Cluster] = []
    index = _Candidates(gazetteer, narrow=explain is None)
    if explain is not None:
        last = trace = None
    if last is not None and trace is None:
        trace = ClusterTrace()  # replaying needs its own record of what it decided
    present = {m.id: m for m in dated}
    replay = _Replay(last, index, present) if last is not None else None
    leader_of = replay.leader_of if replay is not None else {}  # id(cluster) -> first mention's id
    known = last.keys if last is not None else {}
    keyed: list[tuple[Mention, Evidence, Keys]] = []
    touched: set[tuple] = set()  # the bases of mentions the last run did not place
    priors: dict[str, str] = {}  # mention id -> the first mention of the cluster it joined last run
    before = last.decisions if last is not None else {}
    for mention in dated:
        keys = known.get(mention.id)
        decided = before.get(mention.id)
        if keys is not None and decided is not None and decided[0] is mention:
            ev = keys.ev  # the very mention the last run placed: its keys hold its evidence
            priors[mention.id] = decided[1]
        else:
            ev = evidence_of(mention)
            if keys is None or keys.ev is not ev:  # a new mention
                start, end = window(mention.date)  # type: ignore[misc]  # dated: it has one
                keys = index.keys(ev, range(start.year * 12 + start.month - 1, end.year * 12 + end.month))
                touched.add(keys.base)
        keyed.append((mention, ev, keys))
    kept: list[Cluster] = []
    found: dict[tuple, dict[str, Cluster]] | None = None
    if last is not None and replay is not None and trace is not None:
        # taken over: if this run fails halfway, the next one finds none and replays every base
        found, last.found = last.found, None
        # what this run decides as last time is already written down
        trace.decisions, trace.keys, trace.reach = dict(last.decisions), dict(last.keys), dict(last.reach)
        for mention_id in replay.gone:
            del trace.decisions[mention_id], trace.keys[mention_id]
        # a base with no new mention and none gone ends as it did: its clusters are kept
        touched |= {last.keys[i].base for i in replay.gone}
        if found is None:
            touched |= last.final.keys() | {keys.base for _, _, keys in keyed}
        for base, ended in last.final.items():
            if base not in touched:
                kept += ended
                trace.final[base] = ended
        keyed = [item for item in keyed if item[2].base in touched]
        if found is not None:
            replay.doze([c for base in touched for c in last.final.get(base, ())], found, keyed)
    dormant = replay.dormant if replay is not None else {}
    home: dict[str, Cluster] = {}  # mention id -> its cluster, when no trace records it
    spots = replay.spots if replay is not None else {}
    for at, (mention, ev, keys) in enumerate(keyed):
        prior = None
        if replay is not None:
            replay.at = at
            prior = priors.get(mention.id)
            again = prior is not None and not (spots and index.reaches(keys, spots))
            if again and prior in dormant:
                continue  # it joins, as last time, a cluster still as it was then
            if again and (prior == mention.id or prior in replay.clusters):
                joined = None if prior == mention.id else replay.clusters[prior]  # as last time
            else:
                if prior is not None:
                    replay.wake(prior)  # it may go elsewhere now
                replay.wake_near(keys)
                joined = _best(ev, index.find(keys), gazetteer, explain)
        else:
            joined = _best(ev, index.find(keys), gazetteer, explain)
        if joined is None:
            cluster = Cluster([ev], order=at)
            clusters.append(cluster)
        else:
            cluster = joined
            cluster.add(ev, keys.facts)
        leader = leader_of.setdefault(id(cluster), mention.id)
        index.add(keys, cluster)
        if replay is not None:
            replay.clusters.setdefault(leader, cluster)
            if prior != leader:  # decided afresh, and not as last time (or a new mention)
                replay.spoil(leader)
                if prior is not None:
                    replay.spoil(prior)
            replay.grown(leader)
        if trace is not None:
            trace.keys[mention.id] = keys
            trace.decisions[mention.id] = (mention, leader)
        else:
            home[mention.id] = cluster
    made = clusters + (replay.made if replay is not None else [])
    for cluster in dormant.values():
        cluster.followers = []  # attached again below
    for cluster in kept:
        cluster.followers = []
    ended = clusters  # of the bases this run went through
    if replay is not None:  # in the order a run from scratch makes them: by their first mention
        ended = sorted([*made, *dormant.values()], key=Cluster.placing)
        clusters = sorted([*ended, *kept], key=Cluster.placing)
    if trace is not None:
        if replay is not None:
            replay.retire(trace.reach, found, touched)
        trace.reach.update((leader_of[id(c)], index.reach_of(c)) for c in made)
        for cluster in ended:
            trace.final.setdefault(trace.reach[cluster.core[0].mention.id][0], []).append(cluster)
        if found is None:  # every cluster of this run is in its own index
            found = {key: {leader_of[id(c)]: c for c in entries} for key, entries in index.index.items()}
        else:
            for cluster in made:
                _index_in(found, leader_of[id(cluster)], cluster, trace.reach[leader_of[id(cluster)]])
        trace.found = found
        by_leader = {c.core[0].mention.id: c for c in clusters}
        decisions = trace.decisions

        def home_of(mention_id: str) -> Cluster | None:
            known = home.get(mention_id)
            if known is None and mention_id in decisions:
                return by_leader[decisions[mention_id][1]]
            return known
    else:
        home_of = home.get
    if dropped is not None:
        dropped.append(index)
    undated: list[Cluster] = []
    for mention in leaders:
        if not mention.date.resolved:
            cluster = Cluster([evidence_of(mention)])
            undated.append(cluster)
            home[mention.id] = cluster
            if explain is not None:
                explain.append(f"{mention.id} is undated: '{mention.timex.text}' cannot be resolved")
    for mention in followers:
        target = mention
        seen = set()
        while target.follows and target.follows in by_id and target.id not in seen:
            seen.add(target.id)
            target = by_id[target.follows]
        found_home = home_of(target.id)
        if found_home is None:
            cluster = Cluster([evidence_of(mention)])
            (clusters if mention.date.resolved else undated).append(cluster)
        else:
            cluster = found_home
            cluster.followers.append(mention)
            if explain is not None:
                explain.append(f"attached {mention.id} ({mention.type}, {mention.date.value}) to "
                               f"{cluster.label}: it responds to {mention.follows}")
        home[mention.id] = cluster
    return clusters, undated


def _evidence(mention: Mention, gazetteer: Gazetteer) -> Evidence:
    return evidence(mention, gazetteer)
