"""Atom feeds (site, era, entity), the sitemap and robots.txt, built with ElementTree so
every value is escaped as XML.

Nothing here reads the clock: an entry's `updated` is the latest publication date among
the articles that report the event, so two builds of the same content are identical.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from xml.etree import ElementTree as ET

from sitegen.model import Article, Event
from sitegen.render.filters import display_date

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"
# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, surrogates,
# U+FFFE/U+FFFF): dropped, since a feed that is not XML is lost to every reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without the characters XML cannot hold (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", value)


def stable_id(kind: str, key: str) -> str:
    """A permanent Atom id that does not change when the site moves."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"sitegen:{kind}:{key}"))


def _stamp(day: date | None) -> str:
    return f"{day.isoformat()}T00:00:00Z" if day else EPOCH


def event_updated(event: Event, articles: dict[str, Article]) -> date | None:
    """When the record last changed, as far as the content tells: its newest source."""
    days = [articles[a].published for a in event.articles if a in articles and articles[a].published]
    return max(days) if days else None


def atom_feed(*, title: str, feed_key: str, events: Sequence[Event], articles: dict[str, Article],
              link_for: Callable[[Event], str], self_href: str, site_href: str, author: str) -> str:
    """An Atom document listing `events` (newest first as given). `link_for(event)` gives each
    entry's link, absolute or relative to the feed's own location."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = xml_text(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = stable_id("feed", feed_key)
    updated = [event_updated(e, articles) for e in events]
    newest = max((d for d in updated if d), default=None)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=xml_text(self_href))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=xml_text(site_href))
    author_element = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author_element, f"{{{ATOM}}}name").text = xml_text(author or title)
    for event, day in zip(events, updated, strict=True):
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = xml_text(f"{display_date(event.date)}: {event.title}")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = stable_id("event", event.id)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=xml_text(link_for(event)))
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = xml_text(event.summary or event.title)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def sitemap(base_url: str, paths: Iterable[str]) -> str:
    """A sitemap of absolute URLs (`base_url` must be set: sitemaps refuse relative URLs)."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}urlset")
    base = base_url.rstrip("/") + "/"
    for path in paths:
        ET.SubElement(ET.SubElement(root, f"{{{ns}}}url"), f"{{{ns}}}loc").text = xml_text(base + path)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def robots(base_url: str, has_sitemap: bool) -> str:
    """robots.txt allowing everything, pointing at the sitemap when there is one."""
    lines = ["User-agent: *", "Allow: /"]
    if has_sitemap:
        lines.append(f"Sitemap: {base_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
