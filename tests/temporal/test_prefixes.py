"""The prefix analysis the tagger uses to skip rules: it may keep a rule that cannot match,
never drop one that can."""

from __future__ import annotations

import re

import pytest

from sitegen.temporal.firstchars import first_strings, fits, prefix_key, prefix_pattern
from sitegen.temporal.resources import default_resources

RES = default_resources()


def _fits(pattern: str, text: str, k: int = 3) -> bool:
    return fits(prefix_pattern(first_strings(pattern, k)), prefix_key(text[:k]))


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (r"the\s+same", "the same", True),
    (r"the\s+same", "The\tsame", True),  # case and kind of space do not matter
    (r"the\s+same", "two", False),
    (r"(?:early\s+)?(?:jan|feb)", "Feb", True),
    (r"(?:early\s+)?(?:jan|feb)", "early Jan", True),
    (r"(?:early\s+)?(?:jan|feb)", "mar", False),
    (r"\d{4}", "2014", True),
    (r"\d{4}", "May", False),
    (r"a{2,}b", "aab", True),
    (r"a{2,}b", "abb", False),
    (r"(?P<x>a)(?P=x)b", "aab", True),  # nothing known past a back-reference
    (r"ab", "a", False),  # the text ends before the match could
    (r"[^a]bc", "xbc", True),
    (r"kb", "\u212ab", True),  # the Kelvin sign matches "k" when case is ignored
    (r"\u212ab", "kb", True),
])
def test_fits(pattern, text, expected):
    assert _fits(pattern, text) is expected
    if expected:
        assert re.match(pattern, text, re.IGNORECASE)


@pytest.mark.parametrize("rule", RES.rules, ids=[r.name for r in RES.rules])
@pytest.mark.parametrize("k", [3, 6])
def test_every_rule_example_fits(rule, k):
    """Wherever a rule matches in its examples, the text there fits the rule's prefixes."""
    pattern = re.compile(rule.pattern, re.IGNORECASE)
    prefixes = prefix_pattern(first_strings(rule.pattern, k))
    for example in rule.examples:
        for start in range(len(example.text)):
            if pattern.match(example.text, start):
                assert fits(prefixes, prefix_key(example.text[start:start + k])), (rule.name, example.text)
