"""Values kept between the runs of one long-running process (`sitegen serve`) by the
identity of the objects they are made from: unchanged model objects (articles, analyses,
mentions) stay the very same objects between rebuilds, so an identity check is enough."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

V = TypeVar("V")


def kept(last: dict[int, tuple[Any, V]], fresh: dict[int, tuple[Any, V]], obj: object,
         make: Callable[[Any], V]) -> V:
    """`make(obj)`, or what it gave for the very same object in the last run (`last`); put in
    `fresh` either way, for the next run. Each object is kept with its value, so no other
    object can have its id while `last` holds it: an entry found is the object's own."""
    known = last.get(id(obj))
    if known is None:
        known = (obj, make(obj))
    fresh[id(obj)] = known
    return known[1]
