"""Hand-written pages (`content/pages/*.md`, optional front matter `title`) rendered with
markdown-it-py, raw HTML disabled, so an editor's page cannot inject markup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from sitegen.errors import ContentError, Problem


@dataclass(frozen=True, slots=True)
class HandPage:
    """One hand-written page: its slug (file stem), title and body HTML (already safe)."""

    slug: str
    title: str
    html: str


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    return md.enable("table").use(front_matter_plugin)


def render_page(text: str, path: Path) -> HandPage:
    """Parse one page; the title comes from front matter, else the first heading, else the stem."""
    md = _parser()
    tokens = md.parse(text)
    meta: dict = {}
    for token in tokens:
        if token.type == "front_matter":
            try:
                loaded = yaml.safe_load(token.content) or {}
            except yaml.YAMLError as err:
                raise ContentError(Problem(str(path), 1, f"front matter is not valid YAML: {err}",
                                           "write it as `title: My page` between two --- lines")) from err
            if not isinstance(loaded, dict):
                raise ContentError(Problem(str(path), 1, "front matter must be a mapping",
                                           "write it as `title: My page` between two --- lines"))
            meta = loaded
    title = str(meta.get("title") or "")
    if not title:
        for i, token in enumerate(tokens):
            if token.type == "heading_open" and token.tag == "h1":
                title = tokens[i + 1].content
                del tokens[i:i + 3]  # the layout prints the title as the page's h1
                break
    html = md.renderer.render(tokens, md.options, {})
    # the layout prints the page title as the only h1; headings inside the body step down one level
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
    return HandPage(path.stem, title or path.stem.replace("-", " ").capitalize(), html)


def read_pages(folder: Path) -> list[HandPage]:
    """Every `*.md` page in `folder`, sorted by file name."""
    if not folder.is_dir():
        return []
    return [render_page(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.md"))]
