"""Every rule in the shipped rule files carries examples; each must behave as written there."""

from __future__ import annotations

from datetime import date

import pytest

from sitegen.temporal import tag
from sitegen.temporal.resources import default_resources

RES = default_resources()
CASES = [(rule.name, ex) for rule in RES.rules for ex in rule.examples]
NEGATIVES = [(neg.name, ex) for neg in RES.negatives for ex in neg.examples]


@pytest.mark.parametrize(("rule", "example"), CASES, ids=[f"{r}:{e.text[:30]}" for r, e in CASES])
def test_rule_example(rule, example):
    dct = date.fromisoformat(example.dct) if example.dct else None
    found = tag(example.text, dct, domain=example.domain)
    hits = [t for t in found if t.text == example.expect["text"]]
    assert hits, f"{rule}: {example.expect['text']!r} not found in {[t.text for t in found]}"
    t = hits[0]
    assert t.type == example.expect["type"], rule
    assert t.value == example.expect["value"], rule
    assert (t.mod or "") == example.expect.get("mod", ""), rule


@pytest.mark.parametrize(("rule", "sentence"), NEGATIVES, ids=[f"{r}" for r, _ in NEGATIVES])
def test_negative_rule_example(rule, sentence):
    assert tag(sentence, date(2024, 5, 15)) == [], rule
