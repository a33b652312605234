"""The one place that turns model objects into site paths, so links and files always agree.

Paths are relative to the site root, in directory form (`events/<id>/`); `Urls.href` turns
one into the link written in pages (`events/<id>/` or `events/<id>/index.html`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from sitegen.model import EntityKind

_UNSAFE = re.compile(r"[^\w.-]+")
# Device names Windows refuses as file or folder names, whatever the extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)", re.I)

KIND_DIRS = {EntityKind.PERSON: "people", EntityKind.PLACE: "places",
             EntityKind.ORGANIZATION: "organizations"}


_MAX_SEGMENT = 120  # bytes; well under the 255 most file systems allow


@lru_cache(maxsize=1 << 16)  # every page's address is made again on every render of a site
def segment(value: str) -> str:
    """A path segment for an id: word characters, dots and hyphens only, never empty."""
    cleaned = _UNSAFE.sub("-", str(value)).strip("-.")
    if _RESERVED.match(cleaned):
        cleaned = "_" + cleaned  # so the site can be copied to and served from any system
    if len(cleaned.encode()) > _MAX_SEGMENT:
        # file systems refuse names over 255 bytes: keep a readable start and a hash of the whole
        digest = hashlib.sha256(cleaned.encode()).hexdigest()[:12]
        cleaned = cleaned.encode()[:_MAX_SEGMENT - 13].decode(errors="ignore").rstrip("-.") + "-" + digest
    return cleaned or "_"


def file_of(path: str) -> str:
    """The file a directory-form path is written to: `events/x/` -> `events/x/index.html`."""
    return f"{path}index.html" if path == "" or path.endswith("/") else path


def depth(path: str) -> int:
    """How many folders deep the page at `path` lives (the root page is 0)."""
    return file_of(path).count("/")


def root_of(path: str) -> str:
    """The relative prefix from the page at `path` back to the site root ("" or "../../")."""
    return "../" * depth(path)


@dataclass(frozen=True, slots=True)
class Urls:
    """Site paths of every kind of page; `href` gives the form used in links."""

    directory_urls: bool = True

    def href(self, path: str) -> str:
        if self.directory_urls:
            return quote(path, safe="/#.-_~") or "./"
        return quote(file_of(path), safe="/#.-_~")

    # Directory-form paths, relative to the site root.
    @staticmethod
    def home(page: int = 1) -> str:
        return "" if page <= 1 else f"page/{page}/"

    @staticmethod
    def event(event_id: str) -> str:
        return f"events/{segment(event_id)}/"

    @staticmethod
    def source(article_id: str) -> str:
        return f"sources/{segment(article_id)}/"

    @staticmethod
    def entity(kind: EntityKind, entity_id: str) -> str:
        return f"{KIND_DIRS[kind]}/{segment(entity_id)}/"

    @staticmethod
    def kind_index(kind: EntityKind) -> str:
        return f"{KIND_DIRS[kind]}/"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year:04d}/"

    @staticmethod
    def era(era_id: str) -> str:
        return f"eras/{segment(era_id)}/"

    @staticmethod
    def type(type_name: str) -> str:
        return f"types/{segment(type_name)}/"

    @staticmethod
    def page(slug: str) -> str:
        return f"{segment(slug)}/"
