"""Editorial control: `content/corrections.yml` fixes a date, merges or splits events,
hides a false event, renames an entity or adds an event no article states.

Corrections are applied in file order on every build, each leaves a note on the event it
changed, and one that no longer matches anything is reported (with its line) rather than
silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from sitegen.errors import Problem
from sitegen.extract.entities import Gazetteer
from sitegen.merge.ids import event_id
from sitegen.merge.reprints import reprint_groups
from sitegen.merge.windows import compatible, finest_common
from sitegen.model.article import Article
from sitegen.model.entity import Entity
from sitegen.model.event import Event, Mention
from sitegen.temporal.dates import date_value

ACTIONS = {
    "date": ("event", "date"),
    "merge": ("events",),
    "split": ("event", "mentions"),
    "hide": ("event",),
    "rename": ("entity", "name"),
    "add": ("date", "type", "title"),
}
_OPTIONAL = {"note", "mod", "summary", "places", "people", "organizations"}


@dataclass(frozen=True)
class Correction:
    """One editorial correction as written, with the line it starts on."""

    action: str
    data: dict
    line: int
    path: str

    @property
    def note(self) -> str:
        return str(self.data.get("note") or "").strip()

    def problem(self, message: str, hint: str = "", severity: str = "warning") -> Problem:
        return Problem(self.path, self.line, message, hint, severity)


@dataclass(frozen=True)
class Applied:
    """Events after corrections, the hidden ones, renamed entities and what did not apply."""

    events: list[Event]
    undated: list[Event]
    hidden: list[Event] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_corrections(content_dir: Path | None) -> tuple[list[Correction], list[Problem]]:
    """The corrections of `content_dir/corrections.yml` and any problems of form (file, line)."""
    if content_dir is None or not (content_dir / "corrections.yml").is_file():
        return [], []
    path = content_dir / "corrections.yml"
    where = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(where, mark.line + 1 if mark else 1, f"not valid YAML: {exc}",
                            "check indentation and quoting")]
    if root is None:
        return [], []
    items = root
    if isinstance(root, yaml.MappingNode):
        items = next((v for k, v in root.value if k.value == "corrections"), None)
    if items is None or (isinstance(items, yaml.ScalarNode) and not items.value):
        return [], []
    if not isinstance(items, yaml.SequenceNode):
        return [], [Problem(where, root.start_mark.line + 1, "expected a list under `corrections:`",
                            "write `corrections:` then one `- action: ...` item per correction")]
    corrections, problems = [], []
    for node in items.value:
        line = node.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(node))
        if not isinstance(data, dict):
            problems.append(Problem(where, line, "a correction must be a mapping with an `action`"))
            continue
        action = data.get("action")
        if action not in ACTIONS:
            problems.append(Problem(where, line, f"unknown action {action!r}",
                                    f"use one of: {', '.join(sorted(ACTIONS))}"))
            continue
        missing = [k for k in ACTIONS[action] if not data.get(k)]
        if missing:
            problems.append(Problem(where, line, f"`{action}` needs {', '.join(missing)}"))
            continue
        unknown = set(data) - set(ACTIONS[action]) - _OPTIONAL - {"action"}
        if unknown:
            problems.append(Problem(where, line, f"unknown keys: {', '.join(sorted(unknown))}",
                                    severity="warning"))
        if "date" in data and not date_value(str(data["date"]), None).resolved:
            problems.append(Problem(where, line, f"cannot read the date {data['date']!r}",
                                    "write 2024-05-13, 2024-05, 2024 or 2014-SU"))
            continue
        corrections.append(Correction(action, data, line, where))
    return corrections, problems


def check_corrections(content_dir: Path | None, events: list[Event] | None = None,
                      gazetteer: Gazetteer | None = None) -> list[Problem]:
    """Problems of form in `corrections.yml`, and (given the build's events) every
    correction that no longer matches an event, a mention or an entity."""
    corrections, problems = read_corrections(content_dir)
    if events is not None:
        problems += _apply(corrections, list(events), [], gazetteer, {}).problems
    return problems


def _note(correction: Correction, default: str) -> str:
    return f"Editorial correction: {correction.note or default}"


def _redate(event: Event, value, note: str) -> Event:
    conflicts = tuple(m.id for m in event.mentions if not m.follows and not compatible(m.date, value)[0])
    return replace(event, date=value, conflicts=conflicts, notes=event.notes + (note,))


def _rebuild(event: Event, mentions: list[Mention], group_of: dict[str, int]) -> Event:
    core = [m for m in mentions if not m.follows] or mentions
    value, bad = finest_common([m.date for m in core]) if core else (event.date, [])
    articles = list(dict.fromkeys(m.article_id for m in mentions))
    return replace(event, mentions=tuple(mentions), date=value, conflicts=tuple(core[i].id for i in bad),
                   independent_sources=len({group_of.get(a, hash(a)) for a in articles}))


def apply_corrections(events: list[Event], undated: list[Event], corrections: list[Correction],
                      articles: list[Article], gazetteer: Gazetteer | None = None) -> Applied:
    """Apply the corrections in order; deterministic for the same input."""
    group_of = reprint_groups(sorted(articles, key=lambda a: a.id))
    return _apply(corrections, list(events), list(undated), gazetteer, group_of)


@dataclass
class _State:
    """The events while corrections are applied to them."""

    events: list[Event]
    undated: list[Event]
    group_of: dict[str, int]
    gazetteer: Gazetteer | None
    hidden: list[Event] = field(default_factory=list)
    renamed: dict[str, Entity] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)

    def find(self, eid: str) -> tuple[list[Event], int] | None:
        for pool in (self.events, self.undated):
            for i, e in enumerate(pool):
                if e.id == eid or eid in e.aliases:
                    return pool, i
        return None


def _target(state: _State, c: Correction) -> tuple[list[Event], int] | None:
    hit = state.find(str(c.data["event"]))
    if hit is None:
        state.problems.append(c.problem(f"no event {c.data['event']!r} to {c.action}",
                                        "event ids change when their date, type or place changes; "
                                        "update or remove this correction"))
    return hit


def _fix_date(state: _State, c: Correction) -> None:
    hit = _target(state, c)
    if hit is None:
        return
    pool, i = hit
    value = date_value(str(c.data["date"]), c.data.get("mod"))
    pool[i] = _redate(pool[i], value, _note(c, f"date set to {value.value}"))
    if pool is state.undated:
        state.events.append(state.undated.pop(i))


def _hide(state: _State, c: Correction) -> None:
    hit = _target(state, c)
    if hit is not None:
        pool, i = hit
        state.hidden.append(replace(pool[i], notes=pool[i].notes + (_note(c, "hidden"),)))
        pool.pop(i)


def _split(state: _State, c: Correction) -> None:
    hit = _target(state, c)
    if hit is None:
        return
    pool, i = hit
    event = pool[i]
    wanted = {str(x) for x in c.data["mentions"]}
    moved = [m for m in event.mentions if m.id in wanted]
    if not moved or len(moved) == len(event.mentions):
        why = "are not in it" if not moved else "are all of it"
        state.problems.append(c.problem(f"cannot split {event.id}: the mentions listed {why}"))
        return
    kept = [m for m in event.mentions if m.id not in wanted]
    pool[i] = replace(_rebuild(event, kept, state.group_of), notes=event.notes + (_note(c, "split"),))
    new = _rebuild(event, moved, state.group_of)
    lead = moved[0]
    new = replace(new, id=event_id(new.date.value, lead.type, next(iter(new.places), None), state.taken),
                  aliases=(), type=lead.type, title=lead.summary.rstrip("."), summary=lead.summary,
                  notes=(_note(c, f"split from {event.id}"),))
    pool.append(new)


def _merge(state: _State, c: Correction) -> None:
    ids = [str(x) for x in c.data["events"]]
    hits = [state.find(x) for x in ids]
    missing = [x for x, h in zip(ids, hits, strict=True) if h is None]
    if len(ids) < 2 or missing:
        state.problems.append(c.problem(f"cannot merge: no event {', '.join(missing) or 'pair'}",
                                        "list two or more current event ids"))
        return
    pool, i = hits[0]  # type: ignore[misc]
    target = pool[i]
    others = [h[0][h[1]] for h in hits[1:]]  # type: ignore[index]
    merged = _rebuild(target, list(target.mentions) + [m for o in others for m in o.mentions], state.group_of)
    names = ", ".join(o.id for o in others)
    pool[i] = replace(merged, aliases=merged.aliases + tuple(o.id for o in others)
                      + tuple(a for o in others for a in o.aliases),
                      notes=target.notes + (_note(c, f"merged with {names}"),))
    for other in others:
        for p in (state.events, state.undated):
            if other in p:
                p.remove(other)


def _rename(state: _State, c: Correction) -> None:
    eid = str(c.data["entity"])
    entity = state.gazetteer.entities.get(eid) if state.gazetteer else None
    if state.gazetteer is not None and entity is None:
        state.problems.append(c.problem(f"no entity {eid!r} to rename"))
    elif entity is not None:
        state.renamed[eid] = replace(entity, name=str(c.data["name"]),
                                     aliases=tuple(dict.fromkeys(entity.aliases + (entity.name,))))


def _add(state: _State, c: Correction) -> None:
    d = c.data
    value = date_value(str(d["date"]), d.get("mod"))
    place = next(iter(d.get("places") or []), None)
    state.events.append(Event(
        id=event_id(value.value, str(d["type"]), place, state.taken), title=str(d["title"]),
        summary=str(d.get("summary") or d["title"]), type=str(d["type"]), date=value, mentions=(),
        people=tuple(d.get("people") or ()), places=tuple(d.get("places") or ()),
        organizations=tuple(d.get("organizations") or ()),
        notes=(_note(c, "added by the editor; no article states it"),)))


_HANDLERS = {"date": _fix_date, "hide": _hide, "split": _split, "merge": _merge,
             "rename": _rename, "add": _add}


def _apply(corrections: list[Correction], events: list[Event], undated: list[Event],
           gazetteer: Gazetteer | None, group_of: dict[str, int]) -> Applied:
    state = _State(events, undated, group_of, gazetteer, taken={e.id for e in events + undated})
    for correction in corrections:
        _HANDLERS[correction.action](state, correction)
    state.events.sort(key=lambda e: (e.date.start, -e.date.precision.rank, e.date.end, e.id))
    return Applied(state.events, state.undated, state.hidden, state.renamed, state.problems)
