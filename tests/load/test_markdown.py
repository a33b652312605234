"""Plain text from Markdown: each block's offsets give back exactly its text, lines are file lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitegen.load.markdown import to_plain_text


def _texts(body: str, first_line: int = 1) -> list[tuple[str, int, str]]:
    plain = to_plain_text(body, first_line)
    return [(plain.text[b.start:b.end], b.line, b.kind) for b in plain.blocks]


def test_emphasis_links_images_and_code_keep_their_words():
    body = "A *b* **c** [d](https://x.org) ![e *f*](g.png) `h`.\n"
    assert _texts(body) == [("A b c d e f h.", 1, "paragraph")]


def test_html_is_text_and_entities_are_decoded():
    assert _texts("<script>alert(1)</script> &amp; <b>x</b>\n") == [
        ("<script>alert(1)</script> & <b>x</b>", 1, "paragraph")]


def test_captured_text_that_looks_like_markup():
    body = ("Headline |\n\nRequired fields are marked *\n\n    Indented caption\n\n"
            "2014. The year it began.\n\n> A quote\n> on two lines\n")
    assert _texts(body, 10) == [
        ("Headline |", 10, "paragraph"),
        ("Required fields are marked *", 12, "paragraph"),
        ("Indented caption", 14, "paragraph"),
        ("2014. The year it began.", 16, "list_item"),
        ("A quote\non two lines", 18, "quote"),
    ]


def test_an_ordered_item_with_only_its_number():
    assert _texts("2017.\n") == [("2017.", 1, "list_item")]


def test_bullets_and_headings():
    assert _texts("# Title\n\n- one\n- two\n") == [
        ("Title", 1, "heading"), ("one", 3, "list_item"), ("two", 4, "list_item")]


def test_blocks_are_joined_by_a_blank_line():
    plain = to_plain_text("One.\n\n\n\nTwo.\n")
    assert plain.text == "One.\n\nTwo."
    assert [(b.start, b.end) for b in plain.blocks] == [(0, 4), (6, 10)]


def test_empty_body():
    plain = to_plain_text("\n   \n")
    assert plain.text == "" and plain.blocks == ()


_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"),
                max_size=40)


@given(st.lists(_line, max_size=12))
def test_offsets_are_exact_for_any_input(lines):
    plain = to_plain_text("\n".join(lines))
    assert plain.text == "\n\n".join(plain.text[b.start:b.end] for b in plain.blocks)
    for block in plain.blocks:
        assert block.start < block.end
        assert 1 <= block.line <= max(1, len(lines))
