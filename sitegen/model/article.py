"""Source articles as loaded (plain text with offsets) and what extraction found in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from sitegen.model.text import Span

if TYPE_CHECKING:
    from sitegen.model.entity import EntityRef
    from sitegen.model.event import Mention
    from sitegen.model.time import Timex


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the article (paragraph, heading, list item) in plain text and in the file.

    `start`/`end` are offsets into `Article.text`; `line` is the 1-based line of the
    block's first line in the Markdown file, so a problem can be reported where it is.
    """

    start: int
    end: int
    line: int
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class Article:
    """One source article: its front matter and its plain text with a map back to the file.

    `id` is the file's stem (`2024-05-14-isis-attack-army-post`), unique in a corpus.
    `published` is None when the front matter gives no date; `published_inferred` is True
    when a date was inferred from elsewhere (and must be shown as inferred).
    `meta` keeps the optional front-matter keys (author, agency, syndication_of, language,
    translated_from, archive_url, accessed) as given.
    """

    id: str
    path: str
    title: str
    publisher: str
    url: str | None
    published: date | None
    text: str
    blocks: tuple[Block, ...] = ()
    updated: datetime | date | None = None
    published_inferred: bool = False
    meta: dict = field(default_factory=dict)
    digest: str = ""  # content hash of the file, the cache key
    # whitespace-separated words of `text`: counted once, as every build sums them
    words: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", len(self.text.split()))

    def line_of(self, offset: int) -> int:
        """The 1-based line in the Markdown file where the text at `offset` comes from."""
        line = 1
        for block in self.blocks:
            if block.start > offset:
                break
            line = block.line
        return line


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extraction found in one article; a pure function of the article, so cacheable.

    `furniture` holds the spans recognised as page furniture ("Share.", "Updated: ...",
    captions): shown on the source page, never used as evidence for an event.
    """

    article_id: str
    sentences: tuple[Span, ...] = ()
    furniture: tuple[Span, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    mentions: tuple[Mention, ...] = ()
