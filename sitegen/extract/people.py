"""People found by pattern, not by list: a title or rank, an Arabic name particle, or a
role after the name ("Yehia Rasool, spokesperson for ...") marks a capitalised sequence
as a person's name. Titles and ranks are kept as the person's role, never in the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.extract.gazetteer import Gazetteer

_TOKEN = re.compile(r"[A-Z][\w’']*(?:-[\w’']+)*|(?:al|el|bin|ibn|bint)(?:-[\w’']+)+|(?:al|el|bin|ibn|bint)\b")
_CUE_BEFORE = re.compile(r"\b(?:known as|identified as|named|called)\s+$")


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person's name at `start:end` with the role written beside it (or None)."""

    start: int
    end: int
    name: str
    role: str | None


def _title_at_end(text: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """The title that `text` ends with ("... Brig. Gen. "), if any."""
    stripped = text.rstrip()
    for surface, role in gazetteer.titles:
        for form in (surface, surface.rstrip(".")):
            if not stripped.endswith(form):
                continue
            if len(stripped) == len(form) or not stripped[-len(form) - 1].isalnum():
                return surface, role
    return None


def role_before(text: str, gazetteer: Gazetteer) -> tuple[bool, str | None]:
    """Whether a title (optionally "to/of/for <Place>" and a comma) precedes the name."""
    window = text[-80:]
    found = _title_at_end(window, gazetteer)
    if found:
        return True, found[1]
    m = re.search(r"\s(?:to|of|for|in)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+,?\s*$", window)
    if m:
        found = _title_at_end(window[:m.start()], gazetteer)
        if found:
            return True, found[1]
    return False, None


def _role_after(text: str, gazetteer: Gazetteer) -> str | None:
    """The role in ", spokesperson for ..." or ", the Islamic State deputy commander" after a name."""
    m = re.match(r",\s+((?:[\w’'.-]+\s*){1,6})", text)
    if not m:
        return None
    for head in m.group(1).split()[:6]:
        for surface, role in gazetteer.titles:
            if surface == head and surface[0].islower():
                return role
    return None


def find_people(text: str, start: int, end: int, gazetteer: Gazetteer,
                taken: list[tuple[int, int]]) -> list[PersonMatch]:
    """People named in `text[start:end]` whose spans do not overlap `taken` (gazetteer hits)."""
    found: list[PersonMatch] = []
    tokens = [m for m in _TOKEN.finditer(text, start, end)
              if not any(s < m.end() and m.start() < e for s, e in taken)]
    groups: list[list[re.Match[str]]] = []
    for tok in tokens:
        if groups and text[groups[-1][-1].end():tok.start()] == " ":
            groups[-1].append(tok)
        else:
            groups.append([tok])
    for group in groups:
        # peel titles off the left ("Prime Minister Mohammed ...", "Gen. Erik Kurilla")
        role: str | None = None
        titled = False
        while group:
            before = text[max(start, group[0].start() - 80):group[0].start()]
            ok, r = role_before(before, gazetteer)
            if ok:
                titled, role = True, r
            first = group[0].group()
            if any(first == s.split()[0].rstrip(".") or first == s.split()[0] for s, _ in gazetteer.titles
                   if s[0].isupper()) and len(group) > 1:
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
        while group and group[-1].group().lower() in gazetteer.particles:
            group.pop()
        if len(group) < 2 and not (titled and group):
            continue
        s, e = group[0].start(), group[-1].end()
        name = text[s:e]
        before = text[max(start, s - 40):s]
        if re.search(r"\b[Tt]he\s+$", before) and not titled:
            continue
        particle = any(t.group().split("-")[0] in gazetteer.particles for t in group)
        after_role = _role_after(text[e:end], gazetteer)
        cued = bool(_CUE_BEFORE.search(before))
        if not (titled or particle or after_role or cued):
            continue
        if len(group) == 1 and titled:
            if any(group[0].group() == t.split()[0].rstrip(".") for t, _ in gazetteer.titles):
                continue
            found.append(PersonMatch(s, e, name, role))  # a surname after a title; resolved later
            continue
        found.append(PersonMatch(s, e, name, role or after_role))
    return found
