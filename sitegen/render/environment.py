"""The Jinja environment pages are rendered with, and where the theme is found.

Built once per render: autoescaping on, undefined names are errors, templates cached.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

import sitegen
from sitegen.errors import SitegenError
from sitegen.render import filters
from sitegen.render.urls import KIND_DIRS, Urls


def theme_dir(configured: Path | None = None) -> Path:
    """The theme folder: the configured one, else the one shipped inside the package, else
    `theme/` at the root of a checkout."""
    package = Path(sitegen.__file__).resolve().parent
    candidates = [configured] if configured else [package / "theme", package.parent / "theme"]
    folder = next((c for c in candidates if (c / "base.html").is_file()), candidates[-1])
    if not (folder / "base.html").is_file():
        raise SitegenError(f"{folder}: not a sitegen theme (no base.html); set the theme folder "
                           "to a copy of the project's theme/ directory")
    return folder


def sprite_symbols(folder: Path) -> frozenset[str]:
    """Ids of the event-type marks the theme's SVG sprite defines (`mark-<type>`)."""
    sprite = folder / "partials" / "sprite.html"
    if not sprite.is_file():
        return frozenset()
    return frozenset(re.findall(r'<symbol[^>]*\bid="(mark-[\w-]+)"', sprite.read_text(encoding="utf-8")))


class EntryCache:
    """Chronology entries rendered once per (event, page depth) and reused on every listing:
    an event appears on the home, its year, era, type and entity pages."""

    def __init__(self, env: Environment):
        self._env = env
        self._cache: dict[tuple[str, str], Markup] = {}

    # Rendered once with this stand-in for the page root, then specialised per depth.
    _ROOT = "\x00"

    def __call__(self, event, root: str) -> Markup:
        key = (event.id, root)
        html = self._cache.get(key)
        if html is None:
            generic = self._cache.get((event.id, self._ROOT))
            if generic is None:
                template = self._env.get_template("partials/entry.html")
                generic = Markup(template.render(e=event, root=self._ROOT))
                self._cache[(event.id, self._ROOT)] = generic
            html = Markup(str(generic).replace(self._ROOT, root))
            self._cache[key] = html
        return html


class CompiledTemplates(BytecodeCache):
    """Templates as compiled by earlier environments in this process, by template and
    source checksum: a process that renders again and again (`sitegen serve`) makes a fresh
    environment each time (imported macros keep the globals of the render that loaded
    them) without compiling the theme again."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], object] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.code


def make_environment(folder: Path, urls: Urls, compiled: CompiledTemplates | None = None) -> Environment:
    """An autoescaping, strict Jinja environment over the theme, with sitegen's filters;
    templates compiled before are taken from `compiled`."""
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True,
                      undefined=StrictUndefined, auto_reload=False, cache_size=-1,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=compiled)
    symbols = sprite_symbols(folder)
    env.filters.update(
        display_date=filters.display_date,
        machine_date=filters.machine_date,
        time_html=filters.time_html,
        precision_note=filters.precision_note,
        http_url=filters.http_url,
        figure_ranges=filters.figure_ranges,
    )
    env.globals.update(
        urls=urls,
        casualties=lambda event: filters.figure_ranges([f for _, f in event.figures]),
        suffix="" if urls.directory_urls else "index.html",
        kind_dirs={k.value: v for k, v in KIND_DIRS.items()},
        entry=EntryCache(env),
        type_mark=lambda type_name: f"mark-{type_name}" if f"mark-{type_name}" in symbols else "mark-event",
    )
    return env
