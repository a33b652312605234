"""The MkDocs plugin `timeline`: a thin adapter that hands sitegen's finished site to MkDocs.

sitegen builds and renders the chronology itself (its own Jinja2 environment, in
parallel); MkDocs keeps the hand-written pages, `serve` and `gh-deploy`. The core runs in
`on_pre_build`, before MkDocs empties the site folder, so content with errors stops the
build and leaves the previous site intact.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from sitegen.collector import collector_paused
from sitegen.config import load_site_config
from sitegen.errors import ContentError, SitegenError
from sitegen.pipeline import run_pipeline
from sitegen.render import render_site
from sitegen.search import add_search

log = get_plugin_logger(__name__)

# sitegen writes these itself, for every page it makes; MkDocs' versions would replace them.
_OWN_TEMPLATES = ("sitemap.xml", "404.html")


class TimelineConfig(base.Config):
    content = c.Type(str, default="content")
    strict = c.Type(bool, default=False)
    jobs = c.Type(int, default=0)
    cache = c.Optional(c.Type(str))


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Runs sitegen's pipeline and adds every generated file to the MkDocs build."""

    def __init__(self):
        self._rendered: Path | None = None
        self._content: Path | None = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self._content = (root / self.config.content).resolve()
        for name in _OWN_TEMPLATES:
            config.theme.static_templates.discard(name)
        # content/site.yml names the site for both renderers, so every page carries one title.
        site, _ = load_site_config(self._content)
        if (self._content / "site.yml").exists():
            config.site_name = site.title
            config.site_description = site.description or config.site_description
        return config

    @collector_paused()  # as `sitegen build` does: see sitegen.collector
    def on_pre_build(self, *, config) -> None:
        from sitegen.build import render_settings

        assert self._content is not None
        cache = Path(self.config.cache) if self.config.cache else self._content.parent / ".sitegen-cache"
        try:
            result = run_pipeline(self._content, strict=self.config.strict or config.strict,
                                  jobs=self.config.jobs, cache_dir=cache)
        except ContentError as err:
            raise PluginError(f"sitegen: the content has errors; the site was not changed.\n{err}") from err
        except SitegenError as err:
            raise PluginError(f"sitegen: {err}") from err
        for problem in result.problems:
            log.warning(str(problem))
        self._cleanup()
        self._rendered = Path(tempfile.mkdtemp(prefix="sitegen-mkdocs-"))
        site_url = config.site_url or ""
        settings = render_settings(result, self._content, base_url=site_url or None)
        rendered = render_site(result.timeline, self._rendered, settings, jobs=self.config.jobs or 0)
        add_search(self._rendered)
        log.info(f"{len(result.timeline.events)} events, {rendered.pages} pages")

    def on_files(self, files: Files, *, config) -> Files:
        """Add sitegen's finished files; pages MkDocs renders itself (hand-written) win, and
        sitegen's own files replace theme files of the same name."""
        assert self._rendered is not None
        pages = {f.dest_uri for f in files if f.is_documentation_page()}
        for path in sorted(self._rendered.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(self._rendered).as_posix()
            if rel in pages:
                continue
            existing = files.get_file_from_path(rel)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, rel, abs_src_path=str(path)))
        # With the templates taken out of static_templates, MkDocs would copy them raw.
        for name in _OWN_TEMPLATES:
            leftover = files.get_file_from_path(name)
            if leftover is not None and leftover.generated_by is None:
                files.remove(leftover)
        return files

    def on_serve(self, server, *, config, builder):
        if self._content is not None:
            server.watch(str(self._content))
        return server

    def on_post_build(self, *, config) -> None:
        self._cleanup()

    def on_build_error(self, *, error) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._rendered is not None:
            shutil.rmtree(self._rendered, ignore_errors=True)
            self._rendered = None
