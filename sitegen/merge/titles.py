"""One-line event titles ("ISIS attack in Hit kills four soldiers") built from an event's
structured parts with the templates of `events/titles.tsv`, else its supporting clause
without attribution ("..., the government said"). A title only says what a mention says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from sitegen.extract.clauses import clause_of, clause_spans
from sitegen.extract.entities import DEMONYM, REFERENCE, Gazetteer
from sitegen.extract.figures import vocabulary
from sitegen.extract.triggers import lexicon
from sitegen.model.entity import EntityKind
from sitegen.model.event import Figure, Mention
from sitegen.text.scan import trie_alternation
from sitegen.text.tables import read_rows, resource, word_list

SLOTS = frozenset({"actor", "claimant", "label", "place", "killed", "wounded", "captured"})
_SLOT = re.compile(r"\{(\w+)\}")
_PART = re.compile(r"\[([^\[\]]*)\]")
_MAX_WORDS = 16
_MIN_CLAUSE = 6
_ACTOR_KINDS = (EntityKind.ORGANIZATION, EntityKind.PERSON)


@dataclass(frozen=True, slots=True)
class Template:
    """One title template and the slots it cannot do without."""

    text: str
    required: frozenset[str]

    def fill(self, slots: dict[str, str]) -> str | None:
        """The title with `slots` put in, or None when a required slot is unknown."""
        if not self.required <= slots.keys():
            return None

        def optional(m: re.Match[str]) -> str:
            names = set(_SLOT.findall(m.group(1)))
            return m.group(1) if names <= slots.keys() else ""

        text = _PART.sub(optional, self.text)
        return _SLOT.sub(lambda m: slots[m.group(1)], text)


@cache
def templates() -> dict[str, tuple[Template, ...]]:
    """Templates by type or class, in file order (errors name file and line)."""
    lex = lexicon()
    keys = set(lex.classes) | set(lex.classes.values())
    out: dict[str, list[Template]] = {}
    for row in read_rows(resource("events", "titles.tsv"), 2, 2):
        key, text = row.fields
        if key not in keys:
            raise row.fail(f"unknown event type or class {key!r} (see types.tsv)")
        if text.count("[") != text.count("]") or re.search(r"\[[^\]]*\[", text):
            raise row.fail("brackets must be paired and not nested")
        unknown = set(_SLOT.findall(text)) - SLOTS
        if unknown:
            raise row.fail(f"unknown slots {sorted(unknown)}; known: {sorted(SLOTS)}")
        required = frozenset(_SLOT.findall(_PART.sub("", text)))
        out.setdefault(key, []).append(Template(text, required))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _attribution() -> re.Pattern[str]:
    """A closing ", the ministry said (on Tuesday)": a comma, a few words, a speech verb and
    at most a few words more; not ", said that troops had reached the Tigris", where what
    was said follows."""
    speech = [w.surface for w in lexicon().words.values() if "speech" in w.flags and w.pos == "verb"]
    return re.compile(rf",\s+(?:[^,]{{0,60}}?\s)?(?:{trie_alternation(speech, fold_case=True)})"
                      r"\b(?!\s+that\b)(?:\s+[^\s,]+){0,4}\s*$", re.IGNORECASE)


def _passive_before(words_between: str) -> bool:
    return any(w.lower() in word_list("events/passive.txt") for w in words_between.split())


def _surface(text: str) -> str:
    """A name as written, without a leading "the" ("the Islamic State" -> "Islamic State")."""
    return re.sub(r"^[Tt]he\s+", "", text.strip())


def _actor(m: Mention, gazetteer: Gazetteer) -> str | None:
    """Who did it: the last organisation or person (or a place acting, not a location)
    named before the trigger in its clause, unless the verb is passive."""
    trig = m.trigger_at
    if trig is None:
        return None
    text, base = m.sentence_text, m.sentence.start
    clauses = clause_spans(text, 0, len(text))
    own = clause_of(clauses, trig)
    found = possessor = None
    for ref in m.entities:
        start, end = ref.start - base, ref.end - base
        if not (0 <= start and end <= trig) or clause_of(clauses, start) != own or ref.role == REFERENCE:
            continue
        entity = gazetteer.entities.get(ref.entity_id)
        kind = entity.kind if entity else EntityKind.PERSON
        if ref.role == DEMONYM or kind not in _ACTOR_KINDS:
            # a place is where, not who ("in Baghdad"), except a nation or nationality right
            # before the event noun, which says whose it is ("US military raid")
            gap = text[end:trig].split()
            if not gap or len(gap) == 1 and gap[0].islower():
                found = _surface(ref.text)
            continue
        if _passive_before(text[end:trig]) or _passive_before(text[trig:trig + len(m.trigger or "")]):
            continue
        if _POSSESSIVE.match(text, end):
            # "killed the Islamic State group's top commander in an air strike": whose the
            # object is, not who acted; the subject's owner ("Islamic State's fighters
            # attacked ...") stands when no one else is named
            if found is None and len(text[clauses[own][0]:start].split()) <= 1:
                possessor = _surface(ref.text)
            continue
        found = _surface(ref.text)
    return found or possessor


_POSSESSIVE = re.compile(r"['’]s?\b")


def _claimant(m: Mention) -> str | None:
    """Who claims the event, as the mention writes it (a named entity only)."""
    if m.modality != "claimed" or not m.claimed_by:
        return None
    named = [r for r in m.entities if r.entity_id == m.claimed_by]
    return _surface(named[0].text) if named else None


def _count(f: Figure) -> str | None:
    """A figure as reported: "at least 15 people", "3,000 to 5,000 fighters", "dozens of
    people"; None for one (a singular noun the text would have to give)."""
    group = f.group or "people"
    vague = vocabulary().vague
    if f.qualifier and f.qualifier in vague:  # the words stand for the number: "dozens of people"
        words = f"{f.qualifier} of" if f"{f.qualifier} of" in vague else f.qualifier
        return f"{words} {group}"
    if f.max is not None and f.max != f.min:
        number = f"{f.min:,} to {f.max:,}"
    elif f.min <= 1:
        return None
    else:
        number = _spelled().get(f.min, f"{f.min:,}")
    qualifier = f.qualifier if f.qualifier and f.qualifier != "between" else None
    words = [qualifier, number, group]
    return " ".join(w for w in words if w)


@cache
def _spelled() -> dict[int, str]:
    """Numbers below ten in words ("four soldiers"), from the figures vocabulary."""
    words: dict[int, str] = {}
    for word, value in vocabulary().numbers.items():
        if value < 10 and " " not in word:
            words.setdefault(value, word)
    return words


def _main_figure(mentions: list[Mention], kind: str) -> str | None:
    """The count of `kind` most sources give (the larger on a tie)."""
    counts: Counter[tuple[int, int | None, str | None, str | None]] = Counter()
    for m in mentions:
        for f in {(f.min, f.max, f.group, f.qualifier): f for f in m.figures if f.kind == kind}.values():
            counts[(f.min, f.max, f.group, f.qualifier)] += 1
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], k[0]))
    return _count(Figure(kind, best[0], best[1], best[3], best[2], "", 0, 0))


@cache
def _place_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for row in read_rows(resource("events", "title_places.tsv"), 2, 2):
        if row.fields[1] not in ("contain", "near", "pair"):
            raise row.fail(f"use must be contain, near or pair, not {row.fields[1]!r}")
        words[row.fields[0]] = row.fields[1]
    return words


def _place_phrase(m: Mention, place: str) -> str | None:
    """Where the mention puts the event, as a title says it: "in Homs province", "near
    Tikrit", "between Diyala and Salahuddin"; None when it names the place otherwise."""
    words = _place_words()
    refs = [r for r in m.entities if r.role not in (REFERENCE, DEMONYM)]
    for i, ref in enumerate(refs):
        if ref.entity_id != place:
            continue
        start = ref.start - m.sentence.start
        before = m.sentence_text[:start].split()[-6:]
        if any(w.endswith((",", ".", ";", ":")) for w in before):
            before = before[max(j for j, w in enumerate(before) if w.endswith((",", ".", ";", ":"))) + 1:]
        spots = [j for j, w in enumerate(before) if w.lower() in words]
        if not spots:
            continue
        word = before[spots[-1]]
        use, between = words[word.lower()], before[spots[-1] + 1:]
        name = _surface(ref.text)
        if use == "pair":
            other = refs[i + 1] if i + 1 < len(refs) else None
            gap = m.sentence_text[ref.end - m.sentence.start:other.start - m.sentence.start] if other else ""
            if other and not between and gap.strip() == "and":
                return f"{word.lower()} {name} and {_surface(other.text)}"
            continue
        if use == "contain" or not between:  # "in a Baghdad market", "in Iraq's Anbar" -> "in ..."
            return f"{word.lower()} {name}"
    return None


@cache
def _speech() -> re.Pattern[str]:
    """Any speech verb of the trigger lexicon, as a word."""
    speech = [w.surface for w in lexicon().words.values() if "speech" in w.flags and w.pos == "verb"]
    return re.compile(rf"\b(?:{trie_alternation(speech, fold_case=True)})\b", re.IGNORECASE)


_QUOTED = re.compile(r"^[“\"]?(?P<quote>[^“”\"]{3,}?)[,.!?]?[”\"],?\s+(?P<who>[^,“”\"]+)(?P<rest>.*)$")
_QUOTE_WORDS = 12


def _quoted_title(text: str) -> str | None:
    """“Quote,” Name, role, said -> Name: “Quote”."""
    m = _QUOTED.match(text)
    if not m or not _speech().search(m.group("who") + m.group("rest")):
        return None
    who = _speech().split(m.group("who"))[0].strip()
    if not who or not who[0].isupper():
        return None
    words = m.group("quote").split()
    quote = " ".join(words[:_QUOTE_WORDS]) + (" …" if len(words) > _QUOTE_WORDS else "")
    return f"{who}: “{quote}”"


def clause_title(summary: str) -> str:
    """The supporting sentence as a title: a quote under its speaker's name, no closing
    attribution, at most 16 words, cut at a clause boundary when long."""
    text = summary.rstrip(".…").strip()
    quoted = _quoted_title(text)
    if quoted:
        return quoted
    trimmed = _attribution().sub("", text)
    if len(trimmed.split()) >= 4:
        text = trimmed
    return _balanced(_cut(text))


def _balanced(title: str) -> str:
    """A quotation opened in the title is closed in it."""
    return title + "”" if title.count("“") > title.count("”") else title


def _cut(text: str) -> str:
    words = text.split()
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    # the longest run of whole clauses that fits ("... in Iran | as thousands gathered ...")
    ends = [b for _, b in clause_spans(text, 0, len(text))]
    fits = [b for b in ends if _MIN_CLAUSE <= len(text[:b].split()) <= _MAX_WORDS]
    if fits:
        return text[:max(fits)].rstrip(" ,;:–—")
    cut = " ".join(words[:_MAX_WORDS])
    comma = cut.rfind(", ")
    return (cut[:comma] if comma > len(cut) // 2 else cut) + " …"


def event_title(core: list[Mention], lead: Mention, type_: str, place: str | None,
                gazetteer: Gazetteer) -> str:
    """The title of an event of `type_` told by `core` (`lead` first) at the place with id
    `place`, which is written as the mentions write it."""
    lex = lexicon()
    ordered = [lead] + [m for m in core if m is not lead]
    slots: dict[str, str] = {"label": lex.labels.get(type_, type_)}
    phrases = [p for p in (_place_phrase(m, place) for m in ordered) if p] if place else []
    if phrases:
        slots["place"] = Counter(phrases).most_common(1)[0][0]
    for kind in ("killed", "wounded", "captured"):
        count = _main_figure(core, kind)
        if count:
            slots[kind] = count
    for m in ordered:
        actor = _actor(m, gazetteer)
        if actor and actor not in slots.get("place", ""):
            slots["actor"] = actor
            break
    claimed = [m for m in ordered if m.type == type_]
    for m in claimed or ordered:
        claimant = _claimant(m)
        if claimant:
            slots["claimant"] = claimant
            break
    for key in (type_, lex.type_class(type_)):
        for template in templates().get(key, ()):
            title = template.fill(slots)
            if title:
                return title[0].upper() + title[1:]
    return clause_title(lead.summary)
