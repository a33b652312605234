"""What a render needs to know besides the timeline, and what it reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RenderSettings:
    """Site-wide choices for one render.

    `base_url` is the absolute site URL (or ""): used only for feeds, the sitemap and
    canonical/OpenGraph URLs; every link inside a page is relative, so the site works under
    a project path. `directory_urls` False makes links end in `index.html`, so the site
    also browses from `file://`. `per_page` is how many events a chronology page lists.
    """

    title: str
    description: str = ""
    language: str = "en"
    base_url: str = ""
    pages_dir: Path | None = None
    theme_dir: Path | None = None
    generator_note: str = ""
    directory_urls: bool = True
    per_page: int = 100
    feed_entries: int = 20


@dataclass(frozen=True, slots=True)
class RenderResult:
    """How many HTML pages were written, and every file written (relative, `/`-separated)."""

    pages: int
    files: list[str] = field(default_factory=list)
    exported: list[str] = field(default_factory=list)  # the data exports and feeds among `files`
    # with `exports_later`: writes the data exports and feeds through the SiteFiles given,
    # returns their files (not among `files`)
    write_exports: Callable[..., list[str]] | None = None  # (SiteFiles, between) -> files written
