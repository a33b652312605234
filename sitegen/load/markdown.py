"""Markdown body -> plain text and `Block`s with exact offsets and file lines.

markdown-it-py gives block tokens with line maps but inline tokens without positions, so
the plain text is built here: each block's inline text (markup reduced to its words,
line breaks kept as "\\n"), blocks joined by "\\n\\n". The parser is CommonMark with raw
HTML off (a captured "<b>" stays visible text) and indented code off (indentation in a
captured page is not code). An ordered-list number is kept as text ("2017. Iraq ...")
because in a chronology such a number is often a year.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitegen.model.article import Block

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                    # markdown-it drops blocks nested deeper than this; captured
                                    # pages can quote quotes, so allow far more than its 20
                                    "maxNesting": 200}).disable("code")
_BLOCK_SEPARATOR = "\n\n"
_INLINE_TEXT = frozenset({"text", "text_special", "code_inline", "html_inline"})
_BREAKS = frozenset({"softbreak", "hardbreak"})
_CONTAINERS = {"blockquote_open": "quote", "list_item_open": "list_item"}


@dataclass(frozen=True, slots=True)
class PlainText:
    """An article body as plain text and its blocks (offsets into `text`, lines in the file)."""

    text: str
    blocks: tuple[Block, ...]


def to_plain_text(body: str, first_line: int = 1) -> PlainText:
    """Plain text of a Markdown `body` whose first line is line `first_line` of its file."""
    pieces: list[tuple[str, int, str]] = []  # (text, file line, kind)
    containers: list[str] = []
    pending_marker: list[tuple[str, int] | None] = []  # per list item: ordered marker not yet used
    kind = "paragraph"
    for token in _PARSER.parse(body):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
            if token.type == "list_item_open":
                ordered = token.markup in (".", ")") and token.info
                pending_marker.append((f"{token.info}{token.markup}", _line(token, first_line))
                                      if ordered else None)
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
            if token.type == "list_item_close":
                marker = pending_marker.pop()
                if marker is not None:  # an item with no text of its own: "2014." alone
                    pieces.append((marker[0], marker[1], "list_item"))
        elif token.type in ("heading_open", "paragraph_open"):
            kind = "heading" if token.type == "heading_open" else (
                containers[-1] if containers else "paragraph")
        elif token.type == "inline":
            text = _inline_text(token)
            if pending_marker and pending_marker[-1] is not None and containers[-1] == "list_item":
                text = f"{pending_marker[-1][0]} {text}".rstrip()
                pending_marker[-1] = None
            if text:
                pieces.append((text, _line(token, first_line), kind))
        elif token.type == "fence" and token.content.strip():
            pieces.append((token.content.rstrip("\n"), _line(token, first_line) + 1, "code"))
    return _join(pieces)


def _inline_text(token: Token) -> str:
    return "".join(_child_text(child) for child in token.children or ())


def _child_text(child: Token) -> str:
    if child.type in _BREAKS:
        return "\n"
    if child.type == "image":
        return "".join(_child_text(c) for c in child.children or ())
    return child.content if child.type in _INLINE_TEXT else ""


def _line(token: Token, first_line: int) -> int:
    return (token.map[0] if token.map else 0) + first_line


def _join(pieces: list[tuple[str, int, str]]) -> PlainText:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, line, kind in pieces:
        if parts:
            parts.append(_BLOCK_SEPARATOR)
            offset += len(_BLOCK_SEPARATOR)
        parts.append(text)
        blocks.append(Block(offset, offset + len(text), line, kind))
        offset += len(text)
    return PlainText("".join(parts), tuple(blocks))
