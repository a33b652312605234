"""The `sitegen timex` command: tag a file for people, or JSON lines for programs (scorers)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from sitegen.temporal.tagger import DOMAINS, tag, tag_timex3


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `timex` subcommand to the main parser."""
    p = subparsers.add_parser("timex", help="find and normalise the time expressions in a text",
                              description="Find time expressions in FILE (or JSON lines on stdin with "
                                          "--jsonl) and print them with their TIMEX3 values.")
    p.add_argument("file", nargs="?", help="text file to tag")
    p.add_argument("--dct", help="document creation date, YYYY-MM-DD (relative dates stay "
                                 "unresolved without it)")
    p.add_argument("--domain", choices=DOMAINS, default="news")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--jsonl", action="store_true",
                   help='read {"text", "dct", "domain"} objects from stdin, one per line; '
                        "write one JSON list per line")
    p.set_defaults(run=run)


def _parse_dct(value: str | None) -> date | None:
    if not value:
        return None
    return date.fromisoformat(value.strip()[:10])


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _run_jsonl()
    if not args.file:
        print("sitegen timex: give a FILE to tag, or --jsonl to read JSON lines from stdin", file=sys.stderr)
        return 2
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        print(f"sitegen timex: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        dct = _parse_dct(args.dct)
    except ValueError:
        print(f"sitegen timex: --dct {args.dct!r} is not a date; write it as YYYY-MM-DD", file=sys.stderr)
        return 2
    found = tag(text, dct, domain=args.domain)
    if args.format == "json":
        print(json.dumps([_full_json(t) for t in found], ensure_ascii=False, indent=2))
        return 0
    print(f"{'start':>6} {'end':>6}  {'type':<8} {'value':<24} {'mod':<8} text")
    for t in found:
        print(f"{t.start:>6} {t.end:>6}  {t.type:<8} {t.value:<24} {t.mod or '':<8} {t.text}")
    return 0


def _full_json(t) -> dict:
    out = t.to_json()
    out["anchor"] = t.anchor
    out["rule"] = t.rule
    out["date"] = t.date.to_json() if t.date else None
    return out


def _run_jsonl() -> int:
    """One JSON list per input object; works both as a long-lived filter and once per document."""
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            dct = _parse_dct(obj.get("dct"))
            domain = obj.get("domain") or "news"
            found = tag_timex3(obj["text"], dct, domain=domain)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            print(f"sitegen timex: input line {n}: {exc}", file=sys.stderr)
            return 2
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0
