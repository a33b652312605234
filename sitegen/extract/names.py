"""Normalised forms of names: slugs for ids and keys for comparing spellings."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """A lowercase ASCII id: `"Abu-Ali al-Tunisi"` -> `"abu-ali-al-tunisi"`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def name_key(text: str) -> str:
    """A key under which spellings differing only in case, hyphens and spaces are equal."""
    return slugify(text).replace("-", "")
