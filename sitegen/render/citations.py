"""Ready-to-paste citations of a source: a plain-text line and a Wikipedia {{cite news}}."""

from __future__ import annotations

from sitegen.model import Article
from sitegen.render.filters import http_url


def _wiki(value: str) -> str:
    """A template parameter value that cannot break the template: no pipes or braces."""
    return value.replace("|", "{{!}}").replace("}}", "} }").replace("\n", " ").strip()


def cite_news(article: Article) -> str:
    """A `{{cite news}}` block for `article` with the fields Wikipedia editors expect."""
    fields = [("title", article.title), ("url", http_url(article.url) or ""),
              ("work", article.publisher),
              ("agency", str(article.meta.get("agency") or "")),
              ("date", article.published.isoformat() if article.published else ""),
              ("archive-url", http_url(str(article.meta.get("archive_url") or "")) or ""),
              ("access-date", str(article.meta.get("accessed") or "")),
              ("language", str(article.meta.get("language") or ""))]
    body = " ".join(f"|{name}={_wiki(value)}" for name, value in fields if value)
    return "{{cite news " + body + "}}"


def plain_citation(article: Article, event_title: str = "") -> str:
    """A one-line citation: publisher, "title", date, URL."""
    parts = [article.publisher, f"\u201c{article.title}\u201d"]
    if article.published:
        parts.append(article.published.isoformat() + (" (inferred)" if article.published_inferred else ""))
    if http_url(article.url):
        parts.append(str(article.url))
    line = ", ".join(p for p in parts if p) + "."
    return f"{event_title}. {line}" if event_title else line
