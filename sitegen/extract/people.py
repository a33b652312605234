"""People found by pattern, not by list: a title or rank, an Arabic name particle, or a
role after the name ("Yehia Rasool, spokesperson for ...") marks a capitalised sequence
as a person's name. Titles and ranks are kept as the person's role, never in the name.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from sitegen.extract.gazetteer import Gazetteer

_PART = r"(?:-[\w’']+)"
_PARTICLES = ("al", "el", "bin", "ibn", "bint")
# A capitalised word, or a name particle ("al-Tunisi", "bin"): r"[A-Z][\w’']*{_PART}*|
# (?:al|el|bin|ibn|bint){_PART}+|(?:al|el|bin|ibn|bint)\b" written with one literal first
# character per branch, which matches the same but lets the engine skip to the next
# possible first character instead of trying every branch at every position.
_TOKEN = re.compile("|".join([*(rf"{c}[\w’']*{_PART}*" for c in string.ascii_uppercase),
                              *(rf"{p}{_PART}+" for p in _PARTICLES), *(rf"{p}\b" for p in _PARTICLES)]))
_CUE_BEFORE = re.compile(r"\b(?:known as|identified as|named|called)\s+$")
_ROLE_PLACE = re.compile(r"\s(?:to|of|for|in)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+,?\s*$")
_ROLE_AFTER = re.compile(r",\s+((?:[\w’'.-]+\s*){1,6})")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person's name at `start:end` with the role written beside it (or None)."""

    start: int
    end: int
    name: str
    role: str | None


@dataclass(frozen=True, slots=True)
class _TitleIndex:
    """The title table arranged for quick look-ups, built once per table.

    `forms` maps each written form (with and without its final period) to the first
    (priority, surface, role) it has in table order, so the longest title still wins.
    """

    forms: dict[str, tuple[int, str, str | None]]
    lengths: tuple[int, ...]
    tails: frozenset[str]  # the last two characters of every form: a quick first test
    capital_heads: frozenset[str]
    heads: frozenset[str]
    lower_roles: dict[str, str | None]


@cache
def _title_index(titles: tuple[tuple[str, str | None], ...]) -> _TitleIndex:
    forms: dict[str, tuple[int, str, str | None]] = {}
    for i, (surface, role) in enumerate(titles):
        for j, form in enumerate((surface, surface.rstrip("."))):
            forms.setdefault(form, (2 * i + j, surface, role))
    capital_heads = set()
    for surface, _ in titles:
        if surface[0].isupper():
            head = surface.split()[0]
            capital_heads.update((head, head.rstrip(".")))
    lower_roles: dict[str, str | None] = {}
    for surface, role in titles:
        if surface[0].islower():
            lower_roles.setdefault(surface, role)
    lengths = tuple(sorted({len(f) for f in forms})) or (0,)
    return _TitleIndex(forms, lengths, frozenset(f[-2:] for f in forms), frozenset(capital_heads),
                       frozenset(s.split()[0].rstrip(".") for s, _ in titles), lower_roles)


def _title_at_end(text: str, index: _TitleIndex) -> tuple[str, str | None] | None:
    """The title that `text` ends with ("... Brig. Gen. "), if any."""
    stripped = text.rstrip()
    if stripped[-2:] not in index.tails and index.lengths[0] >= 2:
        return None
    n = len(stripped)
    best: tuple[int, str, str | None] | None = None
    forms = index.forms
    for length in index.lengths:
        if length > n:
            break
        hit = forms.get(stripped[n - length:])
        if hit is not None and (length == n or not stripped[n - length - 1].isalnum()) \
                and (best is None or hit[0] < best[0]):
            best = hit
    return (best[1], best[2]) if best else None


def role_before(text: str, gazetteer: Gazetteer) -> tuple[bool, str | None]:
    """Whether a title (optionally "to/of/for <Place>" and a comma) precedes the name."""
    return _role_before(text, _title_index(gazetteer.titles))


def _role_before(text: str, index: _TitleIndex) -> tuple[bool, str | None]:
    window = text[-80:]
    found = _title_at_end(window, index)
    if found:
        return True, found[1]
    # "... spokesperson for the Interior Ministry, ": the window must end in a capitalised word
    tail = window.rstrip()
    tail = (tail[:-1] if tail.endswith(",") else tail).rstrip()
    last = tail.rsplit(None, 1)[-1] if tail else ""
    if not ("A" <= last[:1] <= "Z"):
        return False, None
    m = _ROLE_PLACE.search(window)
    if m:
        found = _title_at_end(window[:m.start()], index)
        if found:
            return True, found[1]
    return False, None


def _role_after(text: str, index: _TitleIndex) -> str | None:
    """The role in ", spokesperson for ..." or ", the Islamic State deputy commander" after a name."""
    m = _ROLE_AFTER.match(text)
    if not m:
        return None
    roles = index.lower_roles
    for head in m.group(1).split()[:6]:
        if head in roles:
            return roles[head]
    return None


def find_people(text: str, start: int, end: int, gazetteer: Gazetteer,
                taken: list[tuple[int, int]]) -> list[PersonMatch]:
    """People named in `text[start:end]` whose spans do not overlap `taken` (gazetteer hits)."""
    found: list[PersonMatch] = []
    index = _title_index(gazetteer.titles)
    particles = gazetteer.particles
    groups: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    last = -2
    at, count = 0, len(taken)  # `taken` is in text order and its spans do not overlap
    for m in _TOKEN.finditer(text, start, end):
        begin, finish = m.span()
        while at < count and taken[at][1] <= begin:
            at += 1
        if at < count and taken[at][0] < finish:
            continue
        if last == begin - 1 and text[last] == " " and current:
            current.append(m)
        else:
            current = [m]
            groups.append(current)
        last = finish
    for group in groups:
        # peel titles off the left ("Prime Minister Mohammed ...", "Gen. Erik Kurilla")
        role: str | None = None
        titled = False
        while group:
            before = text[max(start, group[0].start() - 80):group[0].start()]
            ok, r = _role_before(before, index)
            if ok:
                titled, role = True, r
            if len(group) > 1 and group[0].group() in index.capital_heads:
                rest = text[group[0].start():group[-1].end()]
                hit = next(((s, r2) for s, r2 in gazetteer.titles
                            if rest.startswith(s) or rest.startswith(s.rstrip("."))), None)
                if hit:
                    consumed = len(hit[0]) if rest.startswith(hit[0]) else len(hit[0].rstrip("."))
                    limit = group[0].start() + consumed
                    group = [t for t in group if t.start() >= limit]
                    titled, role = True, hit[1]
                    continue
            break
        while group and group[-1].group().lower() in particles:
            group.pop()
        if len(group) < 2 and not (titled and group):
            continue
        s, e = group[0].start(), group[-1].end()
        name = text[s:e]
        before = text[max(start, s - 40):s]
        if not titled and _THE_BEFORE.search(before):
            continue
        particle = any(t.group().split("-")[0] in particles for t in group)
        after_role = _role_after(text[e:end], index)
        cued = bool(_CUE_BEFORE.search(before))
        if not (titled or particle or after_role or cued):
            continue
        if len(group) == 1 and titled:
            if group[0].group() in index.heads:
                continue
            found.append(PersonMatch(s, e, name, role))  # a surname after a title; resolved later
            continue
        found.append(PersonMatch(s, e, name, role or after_role))
    return found
