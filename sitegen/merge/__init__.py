"""Merge: event mentions from every article into dated events, with an audit trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sitegen.errors import Problem
from sitegen.extract.entities import Gazetteer
from sitegen.kept import kept
from sitegen.merge.cluster import ClusterTrace, cluster_mentions
from sitegen.merge.corrections import Correction, apply_corrections, check_corrections, read_corrections
from sitegen.merge.events import build_event, sort_key
from sitegen.merge.evidence import Evidence, evidence
from sitegen.merge.reprints import ReprintMemory, reprint_groups
from sitegen.model.article import Analysis, Article
from sitegen.model.entity import Entity
from sitegen.model.event import Event, Mention

__all__ = ["MergeMemory", "MergeResult", "apply_corrections", "check_corrections", "merge",
           "read_corrections"]


@dataclass(frozen=True)
class MergeResult:
    """Dated events (sorted), undated events, why mentions were merged or kept apart, the
    people found by pattern (not in the gazetteer) and renamed entities, events hidden by
    a correction, and corrections that matched nothing."""

    events: list[Event]
    undated: list[Event]
    explain: list[str] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    hidden: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class MergeMemory:
    """What a process that merges the same corpus again and again (`sitegen serve`) keeps
    between merges made with one gazetteer (`context`, e.g. a digest of its files): each
    mention's evidence and each event as built, by the identity of the mention objects they
    were made from, which stay the same objects while their articles are unchanged; and
    the clustering's decisions (`ClusterTrace`). Only the entries of the last merge are kept."""

    context: object = None
    evidence: dict[int, tuple[Mention, Evidence]] = field(default_factory=dict)
    events: dict[tuple, tuple] = field(default_factory=dict)
    clusters: ClusterTrace | None = None
    # each analysis's references to names the gazetteer lacks, by the analysis's identity
    unknown: dict[int, tuple[Analysis, list]] = field(default_factory=dict)
    # what the last merge no longer needs, for the process to free when nothing waits on it
    # (freeing the tables of 10,000 articles takes a few tenths of a second)
    dropped: list = field(default_factory=list)

    def begin(self, context: object) -> tuple[dict, dict]:
        """Fresh tables for a merge, given what the entries from the last one were made with."""
        self.dropped.clear()  # if the process did not free them after the last build
        if context != self.context:
            self.context, self.evidence, self.events, self.clusters = context, {}, {}, None
            self.unknown = {}
        return {}, {}

    def evidence_of(self, fresh: dict, gazetteer: Gazetteer) -> Callable[[Mention], Evidence]:
        def make(mention: Mention) -> Evidence:
            return evidence(mention, gazetteer)

        return lambda mention: kept(self.evidence, fresh, mention, make)


def merge(analyses: list[Analysis], articles: list[Article], gazetteer: Gazetteer,
          corrections: list[Correction] | None = None, *, explain: bool = True,
          shingles: ReprintMemory | None = None, memory: MergeMemory | None = None,
          context: object = None) -> MergeResult:
    """Every mention of every analysis into events, then the editor's corrections (from
    `read_corrections(content_dir)`) in order; deterministic for the same input. With
    `explain` False the result has no explanations (the events are the same), and merging
    skips the comparisons that only explanations need. `shingles` keeps the articles' word
    8-grams between merges in one process (see `ReprintMemory`); `memory`, what else it
    keeps, made with the gazetteer `context` stands for (see `MergeMemory`)."""
    mentions = [m for a in sorted(analyses, key=lambda a: a.article_id) for m in a.mentions]
    if memory is not None and memory.clusters is not None:
        mentions = _as_last_time(mentions, memory.clusters)
    reasons: list[str] | None = [] if explain else None
    seen, built = memory.begin(context) if memory is not None else ({}, None)
    evidence_of = memory.evidence_of(seen, gazetteer) if memory is not None else None
    trace = ClusterTrace() if memory is not None and reasons is None else None
    dated, undated = cluster_mentions(mentions, gazetteer, reasons, evidence_of,
                                      last=memory.clusters if memory is not None else None, trace=trace,
                                      dropped=memory.dropped if memory is not None else None)
    group_of = reprint_groups(sorted(articles, key=lambda a: a.id), shingles)
    taken: set[str] = set()
    memo = (memory.events, built) if memory is not None and built is not None else None
    events = [build_event(c, gazetteer, group_of, taken, memo) for c in dated]
    events.sort(key=sort_key)
    loose = [build_event(c, gazetteer, group_of, taken, memo) for c in undated]
    loose.sort(key=lambda e: e.id)
    if memory is not None and built is not None:
        memory.dropped += [memory.evidence, memory.events, memory.clusters, dated, undated]
        memory.evidence, memory.events, memory.clusters = seen, built, trace
    people = _found_people(analyses, gazetteer, memory)
    if not corrections:
        return MergeResult(events, loose, reasons or [], people)
    applied = apply_corrections(events, loose, corrections, articles, gazetteer)
    return MergeResult(applied.events, applied.undated, reasons or [], {**people, **applied.entities},
                       applied.hidden, applied.problems)


def _as_last_time(mentions: list[Mention], last: ClusterTrace) -> list[Mention]:
    """`mentions`, each equal to one the last run placed given as that very object. An
    edited article is analysed again, so its mentions are new objects even where the edit
    left them as they were; the same object tells the clustering, and what it keeps by
    identity, that nothing about them changed (its evidence is a function of the mention),
    so that mentions that may join their events need not decide again."""
    decisions = last.decisions
    out = []
    for mention in mentions:
        known = decisions.get(mention.id)
        out.append(known[0] if known is not None and known[0] is not mention and known[0] == mention
                   else mention)
    return out


def _found_people(analyses: list[Analysis], gazetteer: Gazetteer,
                  memory: MergeMemory | None = None) -> dict[str, Entity]:
    """People named in the articles but not in the gazetteer, under their fullest name.
    `memory` keeps which references of each analysis those are (a few among thousands)."""
    from sitegen.model.entity import EntityKind

    def unnamed(analysis: Analysis) -> list:
        return [r for r in analysis.entities if r.entity_id not in gazetteer.entities]

    last = memory.unknown if memory is not None else {}
    unknown: dict[int, tuple[Analysis, list]] = {}
    people: dict[str, Entity] = {}
    for analysis in analyses:
        for ref in kept(last, unknown, analysis, unnamed):
            known = people.get(ref.entity_id)
            if known is None or len(ref.text) > len(known.name):
                aliases = known.aliases if known else ()
                people[ref.entity_id] = Entity(ref.entity_id, EntityKind.PERSON, ref.text, aliases,
                                               description=ref.role or "")
            elif ref.text not in known.aliases and ref.text != known.name:
                people[ref.entity_id] = Entity(known.id, known.kind, known.name, known.aliases + (ref.text,),
                                               description=known.description)
    if memory is not None:
        memory.unknown = unknown
    return dict(sorted(people.items()))
