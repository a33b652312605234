"""Seed evaluation: run the real pipeline (load, analyze, merge) on a content folder and
compare it with the hand-written chronology of the seeds (tests/data/expected_seeds.yml).

Usage: python benchmarks/seed_eval.py [CONTENT_DIR]   (default: content/ beside this folder)
Prints a table S1..S21 (found, date value, precision, sources) and ends with
`seeds: N/21 found, K not-events, M false merges`. Exit status 0 only when all is well.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.extract import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.load.corpus import load_corpus
from sitegen.merge import MergeResult, merge
from sitegen.model.event import Event, Mention

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "data" / "expected_seeds.yml"


@dataclass
class Row:
    """The outcome for one expected event."""

    id: str
    found: bool
    want_date: str
    got_date: str
    want_precision: str
    got_precision: str
    want_sources: list[str]
    got_sources: list[str]
    event_id: str = ""


@dataclass
class Report:
    rows: list[Row]
    not_events: list[str] = field(default_factory=list)
    false_merges: list[str] = field(default_factory=list)
    entity_errors: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(r.found for r in self.rows)

    @property
    def ok(self) -> bool:
        return (self.found == len(self.rows) and not self.not_events and not self.false_merges
                and not self.entity_errors)

    def table(self) -> str:
        head = f"{'seed':5} {'found':5} {'date (got / want)':40} {'precision (got / want)':24}"
        lines = [f"{head} sources (got / want)"]
        for r in self.rows:
            date = f"{r.got_date or '-'} / {r.want_date}"
            precision = f"{r.got_precision or '-'} / {r.want_precision}"
            sources = f"{','.join(r.got_sources) or '-'} / {','.join(r.want_sources)}"
            lines.append(f"{r.id:5} {'yes' if r.found else 'NO':5} {date:40} {precision:24} {sources}")
        for item in self.not_events:
            lines.append(f"not-event found: {item}")
        for item in self.false_merges:
            lines.append(f"false merge: {item}")
        for item in self.entity_errors:
            lines.append(f"entity: {item}")
        lines.append(f"seeds: {self.found}/{len(self.rows)} found, {len(self.not_events)} not-events, "
                     f"{len(self.false_merges)} false merges")
        return "\n".join(lines)


def _norm(text: str) -> str:
    return re.sub(r"^(?:in|on|at)\s+", "", text.strip().lower())


def _matches(mention: Mention, anchor: dict, sources: dict[str, str]) -> bool:
    if mention.article_id != sources[anchor["source"]] or _norm(mention.timex.text) != _norm(anchor["text"]):
        return False
    return "trigger_type" not in anchor or mention.type == anchor["trigger_type"]


def run_pipeline(content_dir: Path) -> tuple[MergeResult, list]:
    gazetteer = load_gazetteer(content_dir)
    articles, _problems = load_corpus(content_dir / "articles")
    analyses = [analyze(a, gazetteer) for a in articles]
    return merge(analyses, articles, gazetteer), analyses


def evaluate(content_dir: Path, expected_path: Path = EXPECTED) -> Report:
    spec = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    sources: dict[str, str] = {str(k): v for k, v in spec["sources"].items()}
    names = {v: k for k, v in sources.items()}
    result, analyses = run_pipeline(content_dir)
    events: list[Event] = result.events + result.undated
    owner: dict[str, tuple[Event, Mention]] = {m.id: (e, m) for e in events for m in e.mentions}
    rows: list[Row] = []
    claimed: dict[str, set[str]] = {}  # event id -> expected ids whose required anchors it holds
    for item in spec["events"]:
        anchors = item["anchors"]
        holders = []
        for anchor in anchors:
            hit = next(((e, m) for e, m in owner.values() if _matches(m, anchor, sources)), None)
            holders.append(hit[0] if hit else None)
        event = holders[0] if holders and all(h is not None and h is holders[0] for h in holders) else None
        want_sources = sorted({a["source"] for a in anchors})
        if event is None:
            got = next((h for h in holders if h is not None), None)
            rows.append(Row(item["id"], False, str(item["date"]), got.date.value if got else "",
                            item["precision"], got.date.precision.value if got else "", want_sources,
                            sorted(names.get(a, a) for a in got.articles) if got else []))
            continue
        for holder in holders:
            if holder is not None:
                claimed.setdefault(holder.id, set()).add(item["id"])
        got_sources = sorted(names.get(a, a) for a in event.articles)
        ok = (event.date.value == str(item["date"]) and event.date.precision.value == item["precision"]
              and set(want_sources) <= set(got_sources)
              and ("mod" not in item or (event.date.mod or "") == item["mod"]))
        rows.append(Row(item["id"], ok, str(item["date"]), event.date.value, item["precision"],
                        event.date.precision.value, want_sources, got_sources, event.id))
    report = Report(rows)
    for event_id, items in sorted(claimed.items()):
        if len(items) > 1:
            report.false_merges.append(f"{event_id} holds {', '.join(sorted(items))}")
    for bad in spec["not_events"]:
        for e, m in owner.values():
            if m.article_id == sources[bad["source"]] and _norm(m.timex.text) == _norm(bad["text"]):
                report.not_events.append(f"'{bad['text']}' ({bad['why']}) in {e.id}")
    gazetteer = load_gazetteer(content_dir)
    found_ids = {r.entity_id for a in analyses for r in a.entities}
    for entity in spec["entities"]:
        for variant in entity["variants"]:
            refs = [r for a in analyses for r in a.entities if r.text == variant]
            ids = {r.entity_id for r in refs} or {gazetteer.lookup(variant)}
            if ids != {entity["id"]}:
                report.entity_errors.append(f"'{variant}' resolves to {sorted(map(str, ids))}, "
                                            f"not {entity['id']}")
    for group in spec["recognised"].values():
        for eid in group:
            if eid not in found_ids:
                report.entity_errors.append(f"{eid} is never recognised")
    return report


def main(argv: list[str]) -> int:
    content_dir = Path(argv[1]) if len(argv) > 1 else REPO / "content"
    report = evaluate(content_dir)
    print(report.table())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
