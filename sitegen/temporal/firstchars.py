"""Which characters a regular expression's match can start with, to try fewer rules per word.

The tagger groups its rules by the first character they can match, so that at a given word
only the rules that can start there are tried. The analysis walks Python's own parse tree of
the pattern; anything it does not understand counts as "may start with any character".
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812
import re._parser as P  # noqa: N812
import string

ALPHABET = frozenset(string.ascii_lowercase + string.digits + "'’\"$.-")


def _category(cat) -> frozenset[str] | None:
    if cat is C.CATEGORY_DIGIT:
        return frozenset(string.digits)
    if cat in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD):
        return frozenset(string.ascii_lowercase + string.digits)
    return None  # spaces and negated categories: rules never start there; be safe


def _in_set(items) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            return None
        if op is C.LITERAL:
            out.add(chr(av).lower())
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 200:
                return None
            out.update(chr(i).lower() for i in range(lo, hi + 1))
        elif op is C.CATEGORY:
            cat = _category(av)
            if cat is None:
                return None
            out |= cat
        else:
            return None
    return frozenset(out)


def _first(items) -> tuple[frozenset[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match the empty string)."""
    acc: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            acc.add(chr(av).lower())
            return frozenset(acc), False
        if op is C.IN:
            s = _in_set(av)
            if s is None:
                return None, False
            return frozenset(acc | s), False
        if op is C.SUBPATTERN:
            s, nullable = _first(av[-1])
        elif op is C.BRANCH:
            s, nullable = frozenset(), False
            for branch in av[1]:
                bs, bn = _first(branch)
                if bs is None:
                    return None, False
                s, nullable = s | bs, nullable or bn
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _, sub = av
            s, nullable = _first(sub)
            nullable = nullable or lo == 0
        else:
            return None, False
        if s is None:
            return None, False
        acc |= s
        if not nullable:
            return frozenset(acc), False
    return frozenset(acc), True


def first_chars(pattern: str) -> frozenset[str] | None:
    """Lower-case characters a match of `pattern` (case-insensitive) can begin with; None if
    any character may begin it (or the pattern can match the empty string)."""
    chars, nullable = _first(P.parse(pattern, re.IGNORECASE))
    if chars is None or nullable:
        return None
    return chars
