"""Timeline -> a static website and its data exports, without MkDocs.

Public API: `render_site`, `RenderSettings`, `RenderResult`; `exports.events_json` gives
the data of events.json on its own.
"""

from sitegen.render.settings import RenderResult, RenderSettings
from sitegen.render.site import render_site

__all__ = ["RenderResult", "RenderSettings", "render_site"]
