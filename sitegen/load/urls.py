"""Checking addresses given in front matter: http(s) expected, script-bearing schemes refused.

A source's address becomes a link on the site; `javascript:` or `data:` there would run
code in a reader's browser, so such values are refused outright, not just warned about.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sitegen.load.issues import Issue

_REFUSED = frozenset({"javascript", "vbscript", "data"})
_WEB = frozenset({"http", "https"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")


def check_url(value: str) -> tuple[str | None, list[Issue]]:
    """The address to keep (None when refused) and what is wrong with it."""
    scheme_match = _SCHEME.match(_IGNORED_BY_BROWSERS.sub("", value).lower())
    scheme = scheme_match.group(1) if scheme_match else None
    if scheme in _REFUSED:
        return None, [Issue("error", f"{scheme}: addresses are refused ({value[:40]!r})",
                            "Give the page's http:// or https:// address.")]
    if scheme not in _WEB:
        return value, [Issue("warning", f"{value!r} is not an http:// or https:// address",
                             "Give the full address as shown in a browser, starting with https://.")]
    issues = []
    if not urlsplit(value.strip()).netloc:
        issues.append(Issue("warning", f"{value!r} names no host", "Write it as https://host/path."))
    if re.search(r"\s", value.strip()):
        issues.append(Issue("warning", f"{value!r} contains spaces", "Encode spaces as %20."))
    return value.strip(), issues
