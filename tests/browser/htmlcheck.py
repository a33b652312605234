"""A strict well-formedness check for the HTML sitegen writes, on top of the lenient html.parser.

Reports what a browser would silently repair: an element left open or closed out of order, an
end tag with no start, a block element inside <p> (the parser would end the paragraph early),
a link inside a link, a duplicate id or attribute, a self-closed HTML element, a missing doctype.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements that close a <p> when they start (HTML's "close a p element" list).
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
FOREIGN = {"svg", "math"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.ids: dict[str, int] = {}
        self.errors: list[str] = []
        self.doctype = False

    def _at(self) -> int:
        return self.getpos()[0]

    def _foreign(self) -> bool:
        return any(tag in FOREIGN for tag, _ in self.stack)

    def handle_decl(self, decl):
        if decl.lower().startswith("doctype"):
            self.doctype = True

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self._at()
        names = [name for name, _ in attrs]
        for name in {n for n in names if names.count(n) > 1}:
            self.errors.append(f"line {line}: <{tag}> has the attribute {name!r} twice")
        for name, value in attrs:
            if name == "id":
                if not value:
                    self.errors.append(f"line {line}: <{tag}> has an empty id")
                elif value in self.ids:
                    first = self.ids[value]
                    self.errors.append(f"line {line}: duplicate id {value!r} (first on line {first})")
                else:
                    self.ids[value] = line
        if not self._foreign():
            if tag in CLOSES_P and any(t == "p" for t, _ in self.stack):
                self.errors.append(f"line {line}: <{tag}> inside <p> (the paragraph would end here)")
            if tag == "a" and any(t == "a" for t, _ in self.stack):
                self.errors.append(f"line {line}: <a> inside <a>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in VOID or self._foreign():
            self.stack.append((tag, self._at()))

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in VOID and not (self._foreign() or tag in FOREIGN):
            self.errors.append(f"line {self._at()}: <{tag}/> is not a void element and stays open")
            self.stack.append((tag, self._at()))

    def handle_endtag(self, tag):
        if tag in VOID and not self._foreign():
            self.errors.append(f"line {self._at()}: end tag </{tag}> for a void element")
            return
        if not self.stack or all(t != tag for t, _ in self.stack):
            self.errors.append(f"line {self._at()}: </{tag}> closes nothing")
            return
        open_tag, opened = self.stack.pop()
        while open_tag != tag:
            self.errors.append(f"line {self._at()}: </{tag}> while <{open_tag}> from line {opened} is open")
            open_tag, opened = self.stack.pop()

    def close(self):
        super().close()
        for tag, line in self.stack:
            self.errors.append(f"line {line}: <{tag}> is never closed")
        if not self.doctype:
            self.errors.append("no <!doctype html>")


def html_errors(text: str) -> list[str]:
    """What is wrong with one HTML document, one message per problem with its line."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker.errors


def site_html_errors(site: Path) -> list[str]:
    """Every problem in every HTML file under `site`, prefixed with the file's path."""
    found = []
    for path in sorted(site.rglob("*.html")):
        found += [f"{path.relative_to(site)}: {e}" for e in html_errors(path.read_text(encoding="utf-8"))]
    return found
