"""A problem in a value before it has a place: the caller adds the file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """What is wrong with one value: severity ("error" or "warning"), message and hint."""

    severity: str
    message: str
    hint: str = ""
