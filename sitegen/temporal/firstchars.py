"""Which characters a regular expression's match can start with, to try fewer rules per word.

The tagger groups its rules by the first character they can match, and narrows each group
by the first few characters (`first_strings`), so that at a given word only the rules that
can start there are tried. The analysis walks Python's own parse tree of the pattern;
anything it does not understand counts as "may start with any character".
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812
import re._parser as P  # noqa: N812
import string
from functools import lru_cache

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


@lru_cache(maxsize=4)
def _parse(pattern: str):
    """The parse tree of `pattern` (case ignored), kept for the next analysis of the same
    rule: the tagger asks for its first characters and then for its prefixes."""
    return P.parse(pattern, re.IGNORECASE)


def first_chars(pattern: str) -> frozenset[str] | None:
    """Lower-case characters a match of `pattern` (case-insensitive) can begin with; None if
    any character may begin it (or the pattern can match the empty string)."""
    chars, nullable = _first(_parse(pattern))
    if chars is None or nullable:
        return None
    return chars


# Prefix analysis: the first few characters a match can begin with, position by position.
# A prefix is a tuple of character sets, one per position (None: any character there); a
# match can begin at a place in a text only if the text there fits one of the prefixes.
# Sets hold lower-case ASCII characters only: a non-ASCII character in the pattern may
# match an ASCII one when case is ignored (the Kelvin sign and "k"), so it stands for any
# character, and `fits` lets a non-ASCII character of the text fit every set.

_Prefix = tuple[frozenset[str] | None, ...]
_State = tuple[_Prefix, bool]  # a prefix, and whether the pattern may still constrain it
_MAX_STATES = 2000  # past this many prefixes the analysis gives up: any start is possible
_ASCII = [chr(i) for i in range(128)]
# ASCII as the prefixes see it: lower case, every digit as "0" and every space as " ";
# folding text and pattern alike keeps every fit, with fewer keys and shorter patterns
_FOLD = {c: "0" if c.isdigit() else " " if c.isspace() else c.lower() for c in _ASCII}
# the ASCII characters of the categories a class may use, as the engine defines them
_CATEGORY_CHARS = {
    cat: frozenset(_FOLD[c] for c in _ASCII if re.fullmatch(regex, c))
    for regex, cats in ((r"\d", (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT)),
                        (r"\w", (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD)),
                        (r"\s", (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE)))
    for cat in cats
}


class _TooMany(Exception):
    """The pattern has too many different beginnings to be worth listing."""


def _char_set(op, av) -> frozenset[str] | None:
    """The ASCII characters one single-character item matches, folded (None: any)."""
    if op is C.LITERAL:
        c = chr(av)
        return frozenset(_FOLD[c]) if c.isascii() else None
    if op is C.CATEGORY:
        return _CATEGORY_CHARS.get(av)
    if op is not C.IN:
        return None  # ANY, NOT_LITERAL
    out: set[str] = set()
    for item_op, item in av:
        if item_op is C.LITERAL and chr(item).isascii():
            out.add(_FOLD[chr(item)])
        elif item_op is C.RANGE and item[1] < 128:
            out.update(_FOLD[chr(i)] for i in range(item[0], item[1] + 1))
        elif item_op is C.CATEGORY and item in _CATEGORY_CHARS:
            out |= _CATEGORY_CHARS[item]
        else:
            return None  # a negated class, a non-ASCII character or range, another category
    return frozenset(out)


_SINGLE = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _extend(states: set[_State], items, k: int) -> set[_State]:
    """The states after the sequence `items`, each open prefix extended by what it can match."""
    for op, av in items:
        open_ = {s for s in states if s[1]}
        if not open_:
            break
        states = (states - open_) | _step(op, av, open_, k)
        if len(states) > _MAX_STATES:
            raise _TooMany
    return states


def _step(op, av, states: set[_State], k: int) -> set[_State]:
    """The open `states` extended by one item of a parsed pattern."""
    if op in _ZERO_WIDTH:
        return states  # look-arounds and anchors consume nothing; ignoring them only widens
    if op in _SINGLE:
        chars = _char_set(op, av)
        return {(p + (chars,), len(p) + 1 < k) for p, _ in states}
    if op is C.SUBPATTERN:
        return _extend(states, av[-1], k)
    if op is C.ATOMIC_GROUP:
        return _extend(states, av, k)
    if op is C.BRANCH:
        return set().union(*(_extend(states, branch, k) for branch in av[1]))
    if op in _REPEATS:
        return _repeat(av, states, k)
    return {(p, False) for p, _ in states}  # a back-reference or other: nothing more is known


def _repeat(av, states: set[_State], k: int) -> set[_State]:
    """The states after `lo` to `hi` repetitions. Each repetition only extends prefixes or
    leaves them, so the states settle after a few; all later counts give the settled set."""
    lo, hi, sub = av
    out = set(states) if lo == 0 else set()
    count = 0
    while count < hi:
        after = _extend(states, sub, k)
        count += 1
        if count >= lo or after == states:
            out |= after
        if after == states:
            break
        states = after
    return out


def first_strings(pattern: str, k: int) -> tuple[_Prefix, ...] | None:
    """The prefixes (at most `k` characters) a match of `pattern`, case ignored, can begin
    with; None when any text may begin one (too many to list)."""
    try:
        states = _extend({((), True)}, _parse(pattern), k)
    except _TooMany:
        return None
    return tuple(sorted({p for p, _ in states}, key=repr))


_OTHER = "\uffff"  # stands for every non-ASCII character of a text in `prefix_key`


def prefix_pattern(prefixes: tuple[_Prefix, ...] | None) -> re.Pattern[str] | None:
    """A regular expression that matches the start of a `prefix_key` exactly when the text
    fits one of `prefixes` (None: every text fits), shaped as a trie so one test is quick."""
    if prefixes is None:
        return None
    root: dict = {}
    for prefix in prefixes:
        node = root
        for chars in prefix:
            node = node.setdefault(chars, {})
        node[_END] = {}
    return re.compile(_render(root))


_END = "end"  # a trie key that no character set equals


def _render(node: dict) -> str:
    if _END in node:
        return ""  # a prefix ends here: what follows is free
    # children followed by the same text merge into one class: "[jm]a" for "ja" and "ma"
    by_rest: dict[str, frozenset[str] | None] = {}
    for chars, child in node.items():
        rest = _render(child)
        if rest in by_rest:
            known = by_rest[rest]
            by_rest[rest] = None if known is None or chars is None else known | chars
        else:
            by_rest[rest] = chars
    branches = sorted(_class(chars) + rest for rest, chars in by_rest.items())
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _class(chars: frozenset[str] | None) -> str:
    """A character class of `chars` and `_OTHER`, runs written as ranges ("0-9")."""
    if chars is None:
        return "(?s:.)"
    codes = sorted(map(ord, chars))
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else first + last if j == i + 1 else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + _OTHER + "]"


def prefix_key(text: str) -> str:
    """`text` as `prefix_pattern` reads it: ASCII folded, any other character as one that
    fits every set."""
    return "".join(_FOLD.get(c, _OTHER) for c in text)


def fits(pattern: re.Pattern[str] | None, key: str) -> bool:
    """Whether a text beginning with `key` (as made by `prefix_key`) may begin a match
    of the rule `pattern` was made for."""
    return pattern is None or pattern.match(key) is not None
