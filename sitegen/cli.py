"""Command-line interface: parses options, calls one core function, prints errors once.

Exit codes: 0 success; 1 the content has errors (or, with --strict, warnings);
2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from itertools import islice
from pathlib import Path

from sitegen.errors import ContentError, Problem, SitegenError

DEFAULT_CONTENT = Path("content")


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _cache_dir(args, content: Path) -> Path | None:
    if getattr(args, "no_cache", False):
        return None
    if getattr(args, "cache", None):
        return Path(args.cache)
    return content.resolve().parent / ".sitegen-cache"


def cmd_build(args) -> int:
    from sitegen.build import build_site
    from sitegen.progress import Progress

    content = Path(args.content)
    progress = Progress(False if args.quiet else None)
    report = build_site(content, Path(args.site_dir), strict=args.strict, jobs=args.jobs,
                        cache_dir=_cache_dir(args, content), progress=progress, base_url=args.base_url)
    _print_problems(report.problems)
    print(report.summary())
    print(f"Site written to {args.site_dir}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from sitegen.build import build_site
    from sitegen.extract.entities import load_gazetteer
    from sitegen.pipeline import BuildMemory, warm_up
    from sitegen.progress import Progress
    from sitegen.render.environment import theme_dir
    from sitegen.serve import serve

    content = Path(args.content)
    out = Path(tempfile.mkdtemp(prefix="sitegen-serve-")) / "site"
    cache = _cache_dir(args, content)
    memory = BuildMemory()  # what a rebuild after an edit need not redo

    def rebuild(published=None):
        report = build_site(content, out, strict=args.strict, jobs=args.jobs, cache_dir=cache,
                            progress=Progress(False), memory=memory, pages_first=True,
                            on_published=published)
        _print_problems(report.problems)
        print(report.summary(), file=sys.stderr)

        def after(interrupted=None) -> None:  # run by serve once the browser has the new pages
            memory.release()
            if report.follow_up is not None:
                report.follow_up(interrupted)
        return after

    def first() -> None:
        rebuild()()  # and free what it no longer needs
        # so the first edit is analysed as fast as the next ones: a few of the articles the
        # build has just parsed, with the corpus's own gazetteer
        parsed = (article for _, (article, _) in memory.articles.values() if article is not None)
        warm_up(load_gazetteer(content), tuple(islice(parsed, 20)))

    try:
        serve(out, [content, theme_dir(None)], rebuild, first=first, host=args.host, port=args.port)
    finally:  # the preview's site is a scratch copy: gone with the server, however it stops
        shutil.rmtree(out.parent, ignore_errors=True)
    return 0


def cmd_extract(args) -> int:
    from sitegen.pipeline import run_pipeline
    from sitegen.progress import Progress
    from sitegen.render.exports import events_json

    path = Path(args.path)
    if not path.exists():
        raise SitegenError(f"{path}: no such file or folder. Give a folder of articles "
                           "(like content/articles) or one article file.")
    content = Path(args.content) if args.content else _content_of(path)
    result = run_pipeline(content, articles_path=path, strict=args.strict, jobs=args.jobs,
                          cache_dir=None, progress=Progress(False), explain=args.explain)
    _print_problems(result.problems)
    if args.explain:
        for line in result.explain:
            print(line, file=sys.stderr)
    if args.format == "json":
        json.dump(events_json(result.timeline), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_table(result.timeline)
    return 0


def _content_of(path: Path) -> Path | None:
    """The content folder an articles path belongs to (for entities.yml, eras.yml), if any."""
    folder = path if path.is_dir() else path.parent
    parent = folder.resolve().parent
    markers = ("entities.yml", "site.yml", "eras.yml")
    if folder.name == "articles" and any((parent / n).exists() for n in markers):
        return parent
    return None


def _print_table(timeline) -> None:
    rows = [("date", "precision", "type", "sources", "event")]
    for event in list(timeline.events) + list(timeline.undated):
        rows.append((event.date.value, event.date.precision.value, event.type,
                     ",".join(event.articles), event.title))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[4])


def cmd_check(args) -> int:
    from sitegen.check import check_content
    from sitegen.pipeline import editorial_problems, run_pipeline

    content = Path(args.path)
    if not content.is_dir():
        raise SitegenError(f"{content}: not a folder. Give the content folder (the one holding articles/).")
    problems = check_content(content) + editorial_problems(content)
    if not any(p.is_error for p in problems):
        # Corrections are checked against what the articles actually yield: a correction that
        # no longer matches an event is reported. Nothing is written but the extraction cache.
        result = run_pipeline(content, cache_dir=_cache_dir(args, content))
        known = {(p.path, p.line, p.message) for p in problems}
        problems += [p for p in result.problems if (p.path, p.line, p.message) not in known]
    _print_problems(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} errors, {warnings} warnings in {content}", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _add_common(p: argparse.ArgumentParser, *, content: bool = True) -> None:
    if content:
        p.add_argument("--content", default=str(DEFAULT_CONTENT),
                       help="content folder with articles/, pages/ and *.yml (default: content)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: all cores)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description="A static site generator for "
                                     "sourced chronologies.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build the site from a content folder")
    _add_common(p)
    p.add_argument("-d", "--site-dir", default="site", help="output folder (default: site)")
    p.add_argument("--cache", help="cache folder (default: .sitegen-cache beside the content)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--base-url", help="absolute URL the site is published at (feeds, sitemap)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress lines")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="build, serve on localhost and rebuild on every change")
    _add_common(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--cache", help="cache folder (default: .sitegen-cache beside the content)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("extract", help="print the events found in a folder of articles or one file")
    p.add_argument("path", help="a folder of articles (like content/articles) or one article file")
    _add_common(p, content=False)
    p.add_argument("--content", help="content folder for entities.yml and eras.yml (default: guessed)")
    p.add_argument("--format", choices=("json", "table"), default="table")
    p.add_argument("--explain", action="store_true", help="say why mentions were merged or kept apart")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("check", help="validate the content and list every problem as file:line")
    p.add_argument("path", nargs="?", default=str(DEFAULT_CONTENT), help="content folder (default: content)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.set_defaults(run=cmd_check)

    from sitegen.temporal import cli as timex_cli

    timex_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ContentError as err:
        _print_problems(err.problems)
        errors = sum(p.is_error for p in err.problems)
        print(f"Nothing was written: {errors} errors, {len(err.problems) - errors} warnings.",
              file=sys.stderr)
        return 1
    except SitegenError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
