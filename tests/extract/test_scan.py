"""The fast table matching finds exactly what the plain way finds: a trie-shaped alternation
matches like the list of words longest first, and one scan of a text bucketed by sentence
gives what one scan per sentence gives."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.model.text import Span
from sitegen.text.scan import lowered, matches_by_span, spans_that_may_match, trie_alternation

WORDS = ["attack", "attacks", "attack on", "car bomb", "car bombing", "bomb", "raid", "raided",
         "Hit", "al-Hit"]
TEXT = st.text(alphabet=st.sampled_from(list("atckonsrbmidhHl-. \n")), max_size=80)


def plain(words: list[str], flags: int = 0) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", flags)


def trie(words: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(words, fold_case=bool(flags))})(?![\w-])", flags)


@given(TEXT, st.booleans())
def test_a_trie_matches_like_the_word_list_longest_first(text, fold):
    flags = re.IGNORECASE if fold else 0
    words = [w.lower() for w in WORDS] if fold else WORDS
    assert [m.span() for m in trie(words, flags).finditer(text)] == \
        [m.span() for m in plain(words, flags).finditer(text)]


def spans_of(text: str) -> list[Span]:
    """Sentence-like spans: the runs between full stops and line breaks."""
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.?", text)]


@given(TEXT)
def test_one_scan_bucketed_by_sentence_equals_a_scan_per_sentence(text):
    pattern = trie(WORDS)
    spans = spans_of(text)
    got = [[m.span() for m in ms] for ms in matches_by_span(pattern, text, spans)]
    assert got == [[m.span() for m in pattern.finditer(text, s.start, s.end)] for s in spans]


@given(TEXT)
def test_the_filter_never_drops_a_sentence_that_matches(text):
    pattern = trie(WORDS)
    spans = spans_of(text)
    for span, keep in zip(spans, spans_that_may_match(pattern, text, spans), strict=True):
        if pattern.search(text, span.start, span.end):
            assert keep


def test_trie_of_nothing_matches_nothing():
    assert re.search(trie_alternation([]), "anything") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen KILLED three – “police” said", "gunmen killed three – “police” said"),
    ("Erdoğan said", None),  # a non-ASCII letter: case-blind matching may differ
    ("the ſhelling", None),  # long s matches "s" only when case is ignored
    ("İstanbul", None),  # lowers to two characters
])
def test_lowered(text, expected):
    assert lowered(text) == expected


def test_lowered_scan_finds_what_case_blind_scan_finds():
    source = r"(?<![\w-])(?:kill(?:ed|ing)?|shell(?:ing)?)(?![\w-])"
    text = "Shelling KILLED two; the killing-spree and Killed went on – “shelling”."
    low = lowered(text)
    assert low is not None
    assert [m.span() for m in re.finditer(source, low)] == \
        [m.span() for m in re.finditer(source, text, re.IGNORECASE)]


@given(st.text(alphabet=st.sampled_from(list("atckonsrbmidhHlKAT-. \n’–\u212aſıİé")), max_size=80))
def test_lowered_scan_agrees_on_any_text(text):
    words = trie_alternation(WORDS, fold_case=True, space=r"\s+")
    source = rf"(?<![\w-])(?:{words})(?![\w-])"
    low = lowered(text)
    if low is not None:
        assert [m.span() for m in re.finditer(source, low)] == \
            [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
