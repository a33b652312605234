"""Stable event ids: date, type and main place (`2024-05-13-attack-diyala`), unique."""

from __future__ import annotations

from functools import lru_cache

from sitegen.extract.names import slugify


@lru_cache(maxsize=1 << 16)  # a process merging again (serve) names the same events again
def _base(date_value: str, type_: str, place: str | None) -> str:
    return "-".join(p for p in (slugify(date_value), slugify(type_), slugify(place) if place else "") if p)


def event_id(date_value: str, type_: str, place: str | None, taken: set[str]) -> str:
    """A slug never taken before in this build; a suffix (-2, -3, ...) settles collisions."""
    base = _base(date_value, type_, place)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
