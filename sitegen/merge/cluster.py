"""Mentions into events: a mention joins the event it fits best (compatible dates, one type
class, places that agree, shared actors, no other speaker), or starts a new one.

Finer-dated mentions are placed first, so a month-level mention finds the day-level
event inside its month. Claims and confirmations (`Mention.follows`) join the event of
the mention they respond to. Every decision is written to `explain`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.extract.entities import Gazetteer
from sitegen.merge.evidence import Evidence, evidence, place_conflict
from sitegen.merge.windows import compatible, window
from sitegen.model.event import Mention
from sitegen.model.time import Precision


@dataclass(eq=False)
class Cluster:
    """The mentions of one event under construction (follow-ups apart: they do not date it)."""

    core: list[Evidence] = field(default_factory=list)
    followers: list[Mention] = field(default_factory=list)
    order: int = 0  # creation order, so ties between candidates settle the same way every build

    @property
    def mentions(self) -> list[Mention]:
        return [e.mention for e in self.core] + self.followers

    @property
    def label(self) -> str:
        first = self.core[0].mention
        return f"[{first.date.value} {first.type}: {first.id}]"


def _fits(ev: Evidence, cluster: Cluster, gazetteer: Gazetteer) -> tuple[bool, str, float]:
    """Whether `ev` can join `cluster`, the reason, and a score among the candidates."""
    reasons: list[str] = []
    for other in cluster.core:
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
    places = set().union(*(o.places for o in cluster.core))
    actors = set().union(*(o.actors for o in cluster.core))
    specific = set().union(*(o.specific for o in cluster.core))
    words = set().union(*(o.words for o in cluster.core))
    shared_places, shared_actors = ev.places & places, ev.actors & actors
    if not shared_places and not shared_actors:
        return False, "no place or actor in common", 0
    nested = any(x in gazetteer.ancestors(y) or y in gazetteer.ancestors(x)
                 for x in ev.specific for y in specific)
    finest = min(o.mention.date.precision.rank for o in cluster.core)
    countries = {p for p in ev.places if gazetteer.place_kinds.get(p) == "country"}
    broad = ev.mention.date.precision.rank > Precision.MONTH.rank or len(countries) > 1
    if specific and not ev.specific and finest <= Precision.WEEK.rank and broad:
        # "ISIS seized territory in Iraq and Syria in June 2014" is not "Mosul fell on June 10"
        return False, "a season or year in a country does not pin down an event in a town on a day", 0
    types = {o.mention.type for o in cluster.core}
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


def cluster_mentions(mentions: list[Mention], gazetteer: Gazetteer,
                     explain: list[str]) -> tuple[list[Cluster], list[Cluster]]:
    """Dated and undated clusters of the mentions."""
    by_id = {m.id: m for m in mentions}
    leaders = [m for m in mentions if not (m.follows and m.follows in by_id)]
    followers = [m for m in mentions if m.follows and m.follows in by_id]
    dated = sorted((m for m in leaders if m.date.resolved),
                   key=lambda m: (m.date.precision.rank, m.date.start, m.article_id, m.id))
    clusters: list[Cluster] = []
    home: dict[str, Cluster] = {}
    # (kind, month) -> clusters whose dates reach that month. A mention can only join a
    # cluster whose first mention's dates overlap its own, so it looks only in the months it
    # spans: a day looks in one month, a year in twelve, instead of every event of the year.
    index: dict[tuple[str, int], list[Cluster]] = {}
    for mention in dated:
        ev = evidence(mention, gazetteer)
        span = window(mention.date)
        assert span is not None
        months = range(span[0].year * 12 + span[0].month - 1, span[1].year * 12 + span[1].month)
        reach = {id(c): c for m in months for c in index.get((ev.kind, m), ())}
        candidates = sorted(reach.values(), key=lambda c: c.order)
        best: tuple[float, Cluster, str] | None = None
        for cluster in candidates:
            ok, why, score = _fits(ev, cluster, gazetteer)
            related = compatible(mention.date, cluster.core[0].mention.date)[0]
            if ok and (best is None or score > best[0]):
                best = (score, cluster, why)
            elif not ok and related:
                explain.append(f"kept {mention.id} apart from {cluster.label}: {why}")
        if best is None:
            cluster = Cluster([ev], order=len(clusters))
            clusters.append(cluster)
        else:
            cluster = best[1]
            cluster.core.append(ev)
            explain.append(f"merged {mention.id} into {cluster.label}: {best[2]}")
        for month in months:
            bucket = index.setdefault((ev.kind, month), [])
            if cluster not in bucket:
                bucket.append(cluster)
        home[mention.id] = cluster
    undated: list[Cluster] = []
    for mention in leaders:
        if not mention.date.resolved:
            cluster = Cluster([evidence(mention, gazetteer)])
            undated.append(cluster)
            home[mention.id] = cluster
            explain.append(f"{mention.id} is undated: '{mention.timex.text}' cannot be resolved")
    for mention in followers:
        target = mention
        seen = set()
        while target.follows and target.follows in by_id and target.id not in seen:
            seen.add(target.id)
            target = by_id[target.follows]
        cluster = home.get(target.id)
        if cluster is None:
            cluster = Cluster([evidence(mention, gazetteer)])
            (clusters if mention.date.resolved else undated).append(cluster)
        else:
            cluster.followers.append(mention)
            explain.append(f"attached {mention.id} ({mention.type}, {mention.date.value}) to "
                           f"{cluster.label}: it responds to {mention.follows}")
        home[mention.id] = cluster
    return clusters, undated
