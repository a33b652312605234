"""The gazetteer: places, organisations, titles and the corpus's own `entities.yml`.

Shipped tables live in `resources/en/gazetteer/`; an editor adds aliases and entities for
one corpus in `content/entities.yml` without touching code. The result is a plain frozen
value (picklable) so extraction can run in worker processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from sitegen.errors import ContentError, Problem
from sitegen.extract.names import name_key, slugify
from sitegen.model.entity import Entity, EntityKind
from sitegen.text.scan import trie_alternation
from sitegen.text.tables import compile_pattern, read_rows, resource

_KINDS = {"country", "region", "province", "city", "site"}


@dataclass(frozen=True)
class Gazetteer:
    """Every known entity with an index from each written name to the entity id."""

    entities: dict[str, Entity]
    names: dict[str, str]
    demonyms: dict[str, str]
    titles: tuple[tuple[str, str | None], ...]
    particles: frozenset[str]
    reference_cues: tuple[re.Pattern[str], ...]
    place_kinds: dict[str, str] = field(default_factory=dict)
    matcher: re.Pattern[str] | None = None
    # ancestors() already worked out; merging asks for the same few hundred places very often
    _ancestry: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def ancestors(self, entity_id: str) -> tuple[str, ...]:
        """The entity and every place containing it, innermost first (Hit, Anbar, Iraq)."""
        known = self._ancestry.get(entity_id)
        if known is None:
            known = self._ancestry[entity_id] = self._chain(entity_id)
        return known

    def _chain(self, entity_id: str) -> tuple[str, ...]:
        chain: list[str] = []
        current: str | None = entity_id
        while current and current not in chain:
            chain.append(current)
            entity = self.entities.get(current)
            current = entity.parent if entity else None
        return tuple(chain)

    def lookup(self, name: str) -> str | None:
        """The id of the entity written `name`, by exact name or by spelling key."""
        return self.names.get(name) or self.names.get("key:" + name_key(name))


def _split(value: str) -> tuple[str, ...]:
    return () if value in ("", "-") else tuple(a.strip() for a in value.split("|") if a.strip())


def _float(row, value: str) -> float | None:
    if value in ("", "-"):
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise row.fail(f"not a number: {value!r}") from exc


def _shipped_entities() -> tuple[list[Entity], dict[str, str]]:
    entities: list[Entity] = []
    kinds: dict[str, str] = {}
    rows = read_rows(resource("gazetteer", "places.tsv"), 8, 8)
    ids = {row.fields[0] for row in rows}
    for row in rows:
        pid, kind, name, aliases, parent, country, lat, lon = row.fields
        if kind not in _KINDS:
            raise row.fail(f"kind must be one of {sorted(_KINDS)}, not {kind!r}")
        if pid in kinds:
            raise row.fail(f"the id {pid!r} is listed twice")
        for ref in (parent, country):
            if ref != "-" and ref not in ids:
                raise row.fail(f"unknown place id {ref!r}")
        names = list(_split(aliases))
        if kind == "province":
            base = name.removesuffix(" Governorate")
            names += [f"{base} province", f"{base} Province", f"{base} governorate"]
        entities.append(Entity(pid, EntityKind.PLACE, name, tuple(dict.fromkeys(names)),
                               parent=None if parent == "-" else parent,
                               country=None if country == "-" else country,
                               lat=_float(row, lat), lon=_float(row, lon)))
        kinds[pid] = kind
    for row in read_rows(resource("gazetteer", "organizations.tsv"), 4, 4):
        oid, name, aliases, country = row.fields
        if oid in kinds or any(e.id == oid for e in entities):
            raise row.fail(f"the id {oid!r} is already used")
        if country != "-" and country not in ids:
            raise row.fail(f"unknown place id {country!r}")
        entities.append(Entity(oid, EntityKind.ORGANIZATION, name, _split(aliases),
                               country=None if country == "-" else country))
    return entities, kinds


def _titles() -> tuple[tuple[str, str | None], ...]:
    rows = read_rows(resource("gazetteer", "titles.tsv"), 2, 2)
    titles = [(r.fields[0], None if r.fields[1] == "-" else r.fields[1]) for r in rows]
    return tuple(sorted(titles, key=lambda t: -len(t[0])))


def _read_yaml_entities(path: Path) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """The items of `entities.yml` with their line numbers, and any problems of form."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [Problem(str(path), line, f"not valid YAML: {exc}", "check indentation and quoting")]
    if root is None:
        return [], []
    items_node = root
    if isinstance(root, yaml.MappingNode):
        items_node = next((v for k, v in root.value if k.value == "entities"), None)
    if not isinstance(items_node, yaml.SequenceNode):
        return [], [Problem(str(path), root.start_mark.line + 1, "expected a list under `entities:`",
                            "write `entities:` then one `- id: ...` item per entity")]
    items = []
    for node in items_node.value:
        line = node.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(node))
        if not isinstance(data, dict):
            problems.append(Problem(str(path), line, "an entity must be a mapping (id, kind, name, aliases)"))
            continue
        items.append((line, data))
    return items, problems


def _apply_corpus(path: Path, entities: dict[str, Entity]) -> list[Problem]:
    """Add the corpus's entities and aliases to `entities` in place; return problems found."""
    items, problems = _read_yaml_entities(path)
    where = str(path)
    for line, data in items:
        unknown = set(data) - {"id", "kind", "name", "aliases", "native_names", "parent", "country",
                               "lat", "lon", "description"}
        if unknown:
            problems.append(Problem(where, line, f"unknown keys: {', '.join(sorted(unknown))}",
                                    "allowed: id, kind, name, aliases, native_names, parent, country, "
                                    "lat, lon, description"))
        name = data.get("name")
        eid = data.get("id") or (slugify(str(name)) if name else None)
        if not eid:
            problems.append(Problem(where, line, "an entity needs an `id` or a `name`"))
            continue
        aliases = data.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(Problem(where, line, f"`aliases` of {eid} must be a list of names"))
            continue
        kind_text = data.get("kind")
        existing = entities.get(str(eid))
        if existing is None:
            try:
                kind = EntityKind(kind_text or "person")
            except ValueError:
                problems.append(Problem(where, line, f"unknown kind {kind_text!r} for {eid}",
                                        "use person, place or organization"))
                continue
            if not name:
                problems.append(Problem(where, line, f"new entity {eid} needs a `name`"))
                continue
            existing = Entity(str(eid), kind, str(name))
        parent = data.get("parent", existing.parent)
        if parent and parent not in entities and parent != eid:
            problems.append(Problem(where, line, f"parent {parent!r} of {eid} is not a known entity",
                                    "use the id of a place in the gazetteer or in this file"))
            parent = existing.parent
        entities[str(eid)] = replace(
            existing,
            name=str(name or existing.name),
            aliases=tuple(dict.fromkeys(existing.aliases + tuple(aliases))),
            native_names=tuple(existing.native_names) + tuple(data.get("native_names") or ()),
            parent=parent, country=data.get("country", existing.country),
            lat=data.get("lat", existing.lat), lon=data.get("lon", existing.lon),
            description=str(data.get("description", existing.description) or ""))
    return problems


def check_entities(content_dir: Path | None) -> list[Problem]:
    """Problems in `content_dir/entities.yml` (file and line), for `sitegen check`."""
    if content_dir is None or not (content_dir / "entities.yml").is_file():
        return []
    entities = {e.id: e for e in _shipped_entities()[0]}
    problems = _apply_corpus(content_dir / "entities.yml", entities)
    seen: dict[str, str] = {}
    for entity in entities.values():
        for alias in (entity.name, *entity.aliases):
            other = seen.setdefault(alias, entity.id)
            if other != entity.id:
                problems.append(Problem(str(content_dir / "entities.yml"), 1,
                                        f"the name {alias!r} is given to both {other} and {entity.id}",
                                        "keep each name on one entity", severity="warning"))
    return problems


def load_gazetteer(content_dir: Path | None = None) -> Gazetteer:
    """General resources plus the corpus's `content/entities.yml`; raises ContentError on errors."""
    shipped, kinds = _shipped_entities()
    entities = {e.id: e for e in shipped}
    if content_dir is not None and (content_dir / "entities.yml").is_file():
        problems = [p for p in _apply_corpus(content_dir / "entities.yml", entities) if p.is_error]
        if problems:
            raise ContentError(problems)
    names: dict[str, str] = {}
    for entity in entities.values():
        for alias in (entity.name, *entity.aliases):
            names.setdefault(alias, entity.id)
            names.setdefault("key:" + name_key(alias), entity.id)
    demonyms = {}
    for row in read_rows(resource("gazetteer", "demonyms.tsv"), 2, 2):
        if row.fields[1] not in entities:
            raise row.fail(f"unknown place id {row.fields[1]!r}")
        demonyms[row.fields[0]] = row.fields[1]
    cues = tuple(compile_pattern(r, r.fields[1], re.IGNORECASE)
                 for r in read_rows(resource("gazetteer", "reference_cues.tsv"), 2, 2))
    particles = frozenset(r.fields[0] for r in read_rows(resource("gazetteer", "name_particles.txt"), 1, 1))
    surfaces = sorted({s for s in names if not s.startswith("key:")} | set(demonyms), key=lambda s: -len(s))
    # not inside a name: "al-Baghdadi" is a man, not the town of Baghdadi
    inside_name = "".join(f"(?<!{re.escape(p)}-)" for p in sorted(particles))
    inside_name = f"(?>(?<!-)|{inside_name})" if inside_name else ""  # most names follow no hyphen
    alternation = trie_alternation(surfaces)
    matcher = re.compile(r"(?<![\w])" + inside_name + "(?:" + alternation + r")(?![\w])")
    return Gazetteer(entities, names, demonyms, _titles(), particles, cues, kinds, matcher)
