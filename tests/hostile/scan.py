"""Scanning a built site for payloads that would run in a reader's browser or spreadsheet.

A payload counts only where it would take effect: a tag or attribute in HTML markup (the
same characters escaped as text are harmless), a script block that does not parse, a link
whose scheme runs code, HTML inside the TimelineJS export (TimelineJS shows those fields as
HTML), a CSV cell a spreadsheet would evaluate as a formula, a file outside the site folder.
Shared by the hostile-corpus tests and the fuzz benchmark, so both count the same things.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

# Tags markdown-it writes for hand-written pages (raw HTML off); the theme's own tags are added.
MARKDOWN_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "ul", "ol", "li", "code", "pre",
    "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "s",
})
# Tags allowed inside TimelineJS text fields: none; an export carries plain text only.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                            "background", "cite", "srcset", "ping", "manifest", "codebase"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                            *(f"lpt{i}" for i in range(1, 10))})
JSON_LD_OPEN = '<script type="application/ld+json">'
_JSON_LD = re.compile(re.escape(JSON_LD_OPEN) + r"(.*?)</script", re.S | re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]|&#0*9;|&#x0*9;|&tab;|&newline;", re.I)
_STYLE_PAYLOAD = re.compile(r"expression\s*\(|javascript:|behavior\s*:|-moz-binding|@import", re.I)
_THEME_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_FORMULA_START = tuple("=+@\t\r")


@dataclass(frozen=True, slots=True)
class Finding:
    """One payload that would take effect: the file (relative to the site), what, and where."""

    path: str
    kind: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}: {self.excerpt[:120]!r}"


def theme_tags(theme: Path) -> frozenset[str]:
    """Every element name the theme's templates and sprite write, in lower case."""
    names = set()
    for path in theme.rglob("*"):
        if path.suffix in (".html", ".svg") and path.is_file():
            names.update(t.lower() for t in _THEME_TAG.findall(path.read_text(encoding="utf-8")))
    return frozenset(names)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value (after dropping what it ignores)."""
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", value).lower())
    return match.group(1) if match else None


class _MarkupScanner(HTMLParser):
    """Collects findings from the markup of one HTML document or fragment."""

    def __init__(self, rel: str, allowed_tags: frozenset[str], site: Path | None):
        super().__init__(convert_charrefs=True)
        self.rel, self.allowed, self.site = rel, allowed_tags, site
        self.findings: list[Finding] = []

    def _add(self, kind: str, excerpt: str) -> None:
        self.findings.append(Finding(self.rel, kind, excerpt))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = self.get_starttag_text() or tag
        if tag == "script":
            self._script(dict(attrs), shown)
        elif tag not in self.allowed:
            self._add("unexpected element", shown)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add("event-handler attribute", shown)
            elif name in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self._add(f"{scheme}: address in {name}", shown)
            elif name == "style" and _STYLE_PAYLOAD.search(value):
                self._add("style payload", shown)
            elif tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self._add("meta refresh", shown)

    handle_startendtag = handle_starttag

    def _script(self, attrs: dict[str, str | None], shown: str) -> None:
        """Only the site's own scripts: JSON-LD data, or a module file shipped in the site."""
        if self.site is None:
            self._add("script element", shown)
            return
        if attrs.get("type") == "application/ld+json" and "src" not in attrs:
            return
        src = attrs.get("src") or ""
        if not src or url_scheme(src) is not None or src.startswith("/"):
            self._add("script element", shown)
            return
        target = (self.site / self.rel).parent / src.split("?")[0]
        try:
            target.resolve().relative_to(self.site.resolve())
        except ValueError:
            self._add("script outside the site", shown)
            return
        if not target.is_file() or "/js/" not in "/" + target.relative_to(self.site).as_posix():
            self._add("script that is not a shipped file", shown)


def scan_markup(text: str, rel: str, allowed_tags: frozenset[str], site: Path | None = None) -> list[Finding]:
    """Findings in one HTML document (`site` given: its own scripts are allowed) or fragment."""
    scanner = _MarkupScanner(rel, allowed_tags, site)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


def scan_json_ld(text: str, rel: str) -> list[Finding]:
    """Every JSON-LD block must be whole JSON with no markup that could end or hide the block."""
    findings = []
    for match in _JSON_LD.finditer(text):
        block = match.group(1)
        if "<!--" in block or "<" in block:
            findings.append(Finding(rel, "markup inside JSON-LD", block))
        try:
            json.loads(block)
        except ValueError:
            findings.append(Finding(rel, "JSON-LD block cut short (a </script> in the data?)", block))
    return findings


def scan_feed(text: str, rel: str) -> list[Finding]:
    """Feeds must be well-formed XML; HTML carried in them is scanned; links must be web links."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        return [Finding(rel, f"feed is not well-formed XML ({err})", text[:200])]
    findings = []
    for element in root.iter():
        href = element.get("href")
        if href is not None and url_scheme(href) not in (None, *SAFE_SCHEMES):
            findings.append(Finding(rel, "non-web link in feed", href))
        if element.get("type") in ("html", "xhtml") and element.text:
            findings += scan_markup(element.text, rel, frozenset())
    return findings


def scan_timelinejs(data: object, rel: str) -> list[Finding]:
    """TimelineJS renders `headline` and `text` as HTML: they must carry no markup at all."""
    findings = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("headline", "text") and isinstance(value, str):
                findings += [Finding(rel, f"HTML in TimelineJS {key}: {f.kind}", f.excerpt)
                             for f in scan_markup(value, rel, frozenset())]
            else:
                findings += scan_timelinejs(value, rel)
    elif isinstance(data, list):
        for item in data:
            findings += scan_timelinejs(item, rel)
    return findings


def scan_csv(text: str, rel: str) -> list[Finding]:
    """A cell a spreadsheet would run as a formula (starts with = + @, or - before a non-number)."""
    findings = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            risky = cell.startswith(_FORMULA_START) or (
                cell.startswith("-") and not re.fullmatch(r"-\d+(\.\d+)?", cell))
            if risky:
                findings.append(Finding(rel, "formula in CSV cell", cell))
    return findings


def scan_paths(site: Path) -> list[Finding]:
    """Every file is inside the site folder, none is a link, none has a reserved name."""
    findings = []
    root = site.resolve()
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_symlink():
            findings.append(Finding(rel, "symbolic link in the site", str(path.readlink())))
            continue
        try:
            path.resolve().relative_to(root)
        except ValueError:
            findings.append(Finding(rel, "file outside the site folder", str(path.resolve())))
        if "\x00" in rel or "\\" in rel:
            findings.append(Finding(rel, "control character or backslash in a file name", rel))
    return findings


def reserved_names(site: Path) -> list[Finding]:
    """Paths that Windows refuses to create or open (CON, NUL, COM1 ..., any extension)."""
    return [Finding(path.relative_to(site).as_posix(), "reserved file name", path.name)
            for path in sorted(site.rglob("*"))
            if path.name.split(".")[0].lower() in RESERVED_NAMES]


def scan_site(site: Path, theme: Path, *, csv_formulas: bool = True,
              timelinejs_markup: bool = True) -> list[Finding]:
    """Every payload that would take effect in the site built into `site` with `theme`.

    The two flags leave out a class of finding (for tests that look at it on its own).
    """
    allowed = theme_tags(theme) | MARKDOWN_TAGS
    findings = scan_paths(site)
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(site).as_posix()
        suffix = path.suffix.lower()
        if suffix not in (".html", ".xml", ".json", ".csv", ".svg", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        if suffix == ".html":
            findings += scan_markup(text, rel, allowed, site)
            findings += scan_json_ld(text, rel)
        elif suffix == ".svg":
            findings += scan_markup(text, rel, allowed, None)
        elif suffix == ".xml":
            findings += scan_feed(text, rel)
        elif suffix == ".json":
            try:
                data = json.loads(text)
            except ValueError as err:
                findings.append(Finding(rel, f"not valid JSON ({err})", text[:200]))
                continue
            if timelinejs_markup and path.name == "timelinejs.json":
                findings += scan_timelinejs(data, rel)
        elif suffix == ".csv" and csv_formulas:
            findings += scan_csv(text, rel)
    return findings
