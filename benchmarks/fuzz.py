"""Fuzz benchmark: the whole pipeline over generated hostile articles, in batches.

Usage: python benchmarks/fuzz.py [--cases 10000] [--seed 0] [--batch 100] [--jobs 1] [--work DIR]

Generates N articles (deterministic for a seed): prose with dates, figures and names, with
markup payloads and odd Unicode mixed in; random front matter (wrong types, impossible dates,
refused addresses, unknown keys); broken files (other encodings, binary, empty, BOM); deep
nesting and long lines; duplicate and reserved file names. Each batch of articles is its own
content folder (with a site.yml, eras.yml and entities.yml carrying markup too), so one crash
never hides another. For every batch it runs `sitegen check`, `sitegen extract` and `sitegen
build` (in this process), hashing the content folder before and after each command, scans
the site for payloads that would take effect, and builds again in a fresh process with
another hash seed to compare the two sites byte for byte.

Prints the figures on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz.strategies import DATE_WORDS, KNOWN_KEYS, PAYLOADS, SPECIAL_CHARS  # noqa: E402
from tests.hostile.scan import reserved_names, scan_site  # noqa: E402

PLACES = ("Mosul", "Hit", "Kirkuk", "Ramadi", "Fallujah", "Tikrit", "Samarra", "Sinjar", "Baghdad",
          "Haditha", "Tal Afar", "Baiji", "Anbar", "Diyala", "Qaim", "Raqqa", "Deir ez-Zor")
ACTORS = ("Militants", "ISIS fighters", "Gunmen", "Security forces", "The army", "A suicide bomber",
          "Coalition aircraft", "Police", "Unknown attackers", "Kurdish forces")
VERBS = ("attacked", "killed", "bombed", "raided", "captured", "ambushed", "shelled", "seized")
OBJECTS = ("an army post", "a checkpoint", "a convoy", "a village", "a police station", "a market",
           "four soldiers", "the town", "a mosque", "two shepherds")
FIGURES = ("killing {n} people", "wounding {n} civilians", "and {n} soldiers were killed",
           "leaving at least {n} dead", "with {n} fighters captured", "{n} were displaced")
SAYERS = ("officials said", "a spokesman said on {day}", "the ministry said", "witnesses told reporters",
          "according to a statement")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MARKDOWN_NOISE = ("# ", "## ", "> ", "- ", "1. ", "**", "_", "`", "[", "](javascript:alert(1))", "![x](",
                  "\n```\n", "|a|b|\n|-|-|\n", "<div>", "</div>", "&amp;", "\\")
# Hostile entities written into every batch's entities.yml, mentioned by some articles.
HOSTILE_ENTITIES = (
    {"id": "evil-one", "kind": "person", "name": "<script>alert('entity')</script> Evil One",
     "aliases": ["Evil One", "<img src=x onerror=alert(1)>"], "description": "</script><!--"},
    {"id": "dotdot", "kind": "place", "name": "Dotdot", "aliases": ["Dotdot Town"], "parent": "iraq"},
    {"id": "quote-front", "kind": "organization", "name": "\" onmouseover=\"alert(1)\" Front",
     "aliases": ["Quote Front"]},
)
HOSTILE_NAMES = ("Evil One", "Dotdot", "Quote Front")
SEARCH_INDEX = "pagefind/"  # the search index, written by the Pagefind program after rendering
MARKER = ".sitegen-site"  # the build's own record in the output folder
# A NUL byte makes the whole file binary (refused); broken files test that, prose should load.
TEXT_PAYLOADS = tuple(p for p in PAYLOADS if "\x00" not in p)


@dataclass
class Tally:
    """Everything the benchmark counts, across batches."""

    articles: int = 0
    batches: int = 0
    commands: int = 0
    crashes: list[str] = field(default_factory=list)
    clear_errors: int = 0
    problems: Counter = field(default_factory=Counter)
    built_articles: int = 0
    pages: int = 0
    payloads: Counter = field(default_factory=Counter)
    payload_examples: list[str] = field(default_factory=list)
    export_payloads: Counter = field(default_factory=Counter)
    ill_formed: int = 0
    reserved: int = 0
    content_changed: int = 0
    identical: int = 0
    identical_but_search: int = 0
    marker_differs: int = 0
    different: list[str] = field(default_factory=list)


def _pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def _sprinkle(rng: random.Random, text: str, rate: float) -> str:
    """Insert payloads and odd characters at word boundaries of `text`."""
    words = text.split(" ")
    out = []
    for word in words:
        out.append(word)
        if rng.random() < rate:
            out.append(_pick(rng, TEXT_PAYLOADS) if rng.random() < 0.6 else _pick(rng, SPECIAL_CHARS))
    return " ".join(out)


def _date_words(rng: random.Random, year: int) -> str:
    choice = rng.random()
    if choice < 0.45:
        return f"on {rng.randint(1, 28)} {_pick(rng, MONTHS)} {year}"
    if choice < 0.6:
        return f"on {_pick(rng, DAYS)}"
    if choice < 0.7:
        return f"in {_pick(rng, MONTHS)} {year}"
    return _pick(rng, DATE_WORDS)


def _number(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.7:
        return str(rng.randint(1, 500))
    if choice < 0.8:
        return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
    if choice < 0.9:
        return _pick(rng, ("four", "twenty-one", "dozens of", "hundreds", "a dozen", "10^400", "-5", "1e308"))
    return "9" * rng.randint(20, 300)


def _sentence(rng: random.Random, year: int, payload_rate: float) -> str:
    actor = _pick(rng, ACTORS)
    if rng.random() < 0.15:
        actor = _pick(rng, HOSTILE_NAMES)
    words = (f"{actor} {_pick(rng, VERBS)} {_pick(rng, OBJECTS)} in {_pick(rng, PLACES)} "
             f"{_date_words(rng, year)}, {_pick(rng, FIGURES).format(n=_number(rng))}, "
             f"{_pick(rng, SAYERS).format(day=_pick(rng, DAYS))}.")
    return _sprinkle(rng, words, payload_rate)


def _prose(rng: random.Random, year: int, payload_rate: float) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 8)):
        sentences = " ".join(_sentence(rng, year, payload_rate) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.2:
            sentences = _pick(rng, MARKDOWN_NOISE) + sentences
        paragraphs.append(sentences)
    return "\n\n".join(paragraphs) + "\n"


def _front(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def _printable(rng: random.Random, text: str) -> str:
    """YAML refuses control characters in a file, so front matter keeps to printable ones."""
    return "".join(c for c in text if c.isprintable() or c == " ") or "x"


def _good_front(rng: random.Random, year: int, payload_rate: float) -> dict:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {
        "title": _printable(rng, _sprinkle(rng, f"{_pick(rng, ACTORS)} {_pick(rng, VERBS)} "
                                                f"{_pick(rng, OBJECTS)}", payload_rate)),
        "publisher": _printable(rng, _sprinkle(rng, "The Daily Example", payload_rate)),
        "url": f"https://example.org/{year}/{rng.randrange(10**6)}?q=<script>&a=\"'",
        "published": day,
    }


def _odd_value(rng: random.Random):
    return _pick(rng, (
        lambda: rng.randint(-10**30, 10**30), lambda: rng.random() * 1e308, lambda: None, lambda: True,
        lambda: [_pick(rng, PAYLOADS)], lambda: {"a": _pick(rng, PAYLOADS)},
        lambda: _pick(rng, ("2024-02-30", "2024-13-01", "0000-00-00", "99999-01-01", "14/05/2024",
                            "May 14, 2024", "14 May 2024", "2024-05-14T25:61:00", "2024-05-14 05:08 +25:00",
                            "2024-05-14T05:08:00Z", "2024-05-14T05:08:00+03:00", "yesterday", "")),
        lambda: _pick(rng, ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x",
                            "ftp://example.org/", "//example.org/x", "https://", "mailto:a@example.org")),
        lambda: _printable(rng, _pick(rng, PAYLOADS)),
    ))()


def _bad_front(rng: random.Random, year: int, payload_rate: float) -> dict:
    fields = _good_front(rng, year, payload_rate)
    for _ in range(rng.randint(1, 4)):
        key = _pick(rng, KNOWN_KEYS) if rng.random() < 0.7 else _printable(rng, _pick(rng, PAYLOADS))
        if rng.random() < 0.2:
            fields.pop(key, None)
        else:
            fields[key] = _odd_value(rng)
    return fields


def _broken_bytes(rng: random.Random, year: int) -> bytes:
    text = _front(_good_front(rng, year, 0.0)) + _prose(rng, year, 0.0)
    return _pick(rng, (
        lambda: text.encode("latin-1", "replace") + b"\xe9\xff",
        lambda: text.encode("utf-16"),
        lambda: b"",
        lambda: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        lambda: bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))),
        lambda: text.encode()[: rng.randint(0, 60)],
        lambda: b"   \n\t\n",
        lambda: ("---\n" + text).encode(),
        lambda: text.replace("---\n", "", 1).encode(),
        lambda: text.encode() + b"\x00",
    ))()


def _structure(rng: random.Random, year: int) -> str:
    front = _front(_good_front(rng, year, 0.1))
    body = _pick(rng, (
        lambda: (_pick(rng, ("> ", "- ", "1. ", "* ", "[")) * rng.randint(10, 2000)
                 + _sentence(rng, year, 0.1)),
        lambda: _sentence(rng, year, 0.1) + " " + "x" * rng.randint(1000, 50_000),
        lambda: " ".join(_pick(rng, MONTHS) for _ in range(rng.randint(10, 300))) + f" {year}.",
        lambda: "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 3000)))
        .encode("utf-8", "replace").decode("utf-8", "replace"),
        lambda: "".join(_pick(rng, SPECIAL_CHARS) + _sentence(rng, year, 0.5) for _ in range(5)),
        lambda: "\n".join(_pick(rng, MARKDOWN_NOISE) * rng.randint(1, 50) for _ in range(50)),
    ))()
    return front + body.replace("\x00", "") + "\n"


def make_article(rng: random.Random, index: int) -> tuple[str, bytes]:
    """One generated article: its path under articles/ and its bytes."""
    year = rng.randint(2014, 2024)
    kind = rng.random()
    name = f"{year}-{index:05d}-{_pick(rng, ('attack', 'report', 'claim', 'raid'))}.md"
    if kind < 0.55:
        data = (_front(_good_front(rng, year, 0.15)) + _prose(rng, year, 0.15)).encode()
    elif kind < 0.75:
        data = (_front(_bad_front(rng, year, 0.15)) + _prose(rng, year, 0.1)).encode()
    elif kind < 0.87:
        data = _broken_bytes(rng, year)
    else:
        data = _structure(rng, year).encode("utf-8", "replace")
    naming = rng.random()
    if naming < 0.01:
        name = _pick(rng, ("CON.md", "nul.md", "Aux.md", "com1.md", "lpt9.md"))
    elif naming < 0.02:
        name = f"sub/{name}"  # a duplicate id when the same name appears at the top level too
    elif naming < 0.03:
        name = f"{year}-{index:05d}-Ünïcode name with spaces.md"
    return name, data


def write_batch(rng: random.Random, folder: Path, start: int, count: int) -> None:
    """A content folder with `count` generated articles and hostile (but valid) settings files."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    names: list[str] = []
    for index in range(start, start + count):
        name, data = make_article(rng, index)
        if name.startswith("sub/") and names:
            name = "sub/" + Path(names[-1]).name  # same file name as the previous article
        names.append(name)
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_bytes(data)
    site = {"title": "</title><script>alert('site')</script> Fuzz \" onload=\"x",
            "description": "<img src=x onerror=alert(1)> ' onfocus='x", "language": "en"}
    (folder / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    eras = {"eras": [
        {"id": "early", "title": "<script>alert('era')</script>", "start": "2014-01-01", "end": "2018-12-31",
         "summary": "</script><!-- \" '"},
        {"id": "late", "title": "\" onmouseover=\"alert(1)", "start": "2019-01-01"},
    ]}
    (folder / "eras.yml").write_text(yaml.safe_dump(eras, allow_unicode=True), encoding="utf-8")
    (folder / "entities.yml").write_text(yaml.safe_dump({"entities": list(HOSTILE_ENTITIES)},
                                                        allow_unicode=True), encoding="utf-8")


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file()
            else "dir" for p in sorted(folder.rglob("*"))}


def run_command(args: list[str], tally: Tally, where: str) -> int | None:
    """Run a sitegen command in this process; an exception that escapes it is a crash."""
    tally.commands += 1
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            from sitegen.cli import main as sitegen_main

            code = sitegen_main(args)
    except BaseException as exc:  # noqa: BLE001 - anything escaping the CLI is what we count
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        crash(tally, f"{where}: {args[0]}: {type(exc).__name__}: {str(exc)[:160]} "
                     f"at {Path(frame.filename).name}:{frame.lineno} ({frame.name})")
        return None
    if code != 0:
        tally.clear_errors += 1
    return code


def crash(tally: Tally, text: str) -> None:
    """Count a crash and say it at once, so a long run shows its crashes as they happen."""
    tally.crashes.append(text)
    print(f"CRASH {text}", file=sys.stderr, flush=True)


def changed(before: dict[str, str], after: dict[str, str]) -> int:
    return sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def snapshot_code(work: Path) -> Path:
    """Copy sitegen (code, resources, theme) into `work` and import it from there, so both
    builds of a batch run the same code even while the working tree is being edited."""
    root = work / "code"
    shutil.copytree(REPO / "sitegen", root / "sitegen", symlinks=False,
                    ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(root))
    return root


def run_batch(folder: Path, tally: Tally, jobs: int, theme: Path, label: str, code_root: Path) -> None:
    content = folder / "content"
    before = tree_digest(content)
    run_command(["check", str(content)], tally, label)
    tally.content_changed += changed(before, tree_digest(content))
    run_command(["extract", str(content / "articles"), "--content", str(content), "--format", "json",
                 "-j", str(jobs)], tally, label)
    tally.content_changed += changed(before, tree_digest(content))
    site_a, site_b = folder / "out-a" / "site", folder / "out-b" / "site"
    code = run_command(["build", "--content", str(content), "-d", str(site_a), "-q", "-j", str(jobs),
                        "--cache", str(folder / "cache")], tally, label)
    tally.content_changed += changed(before, tree_digest(content))
    if code != 0 or not site_a.is_dir():
        return
    findings = scan_site(site_a, theme)
    for finding in findings:
        if finding.kind.startswith("HTML in TimelineJS") or finding.kind == "formula in CSV cell":
            tally.export_payloads[finding.kind.split(":")[0]] += 1
        elif finding.kind.startswith("feed is not well-formed"):
            tally.ill_formed += 1
        else:
            tally.payloads[finding.kind] += 1
            if len(tally.payload_examples) < 10:
                tally.payload_examples.append(f"{label}: {finding}")
    tally.reserved += len(reserved_names(site_a))
    tally.pages += sum(1 for _ in site_a.rglob("*.html"))
    hash_seed = 1 + int(hashlib.sha256(label.encode()).hexdigest(), 16) % 1000
    env = dict(os.environ, PYTHONPATH=str(code_root), PYTHONHASHSEED=str(hash_seed))
    command = [sys.executable, "-m", "sitegen", "build", "--content", str(content), "-d", str(site_b), "-q",
               "-j", str(jobs), "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=code_root)
    tally.commands += 1
    tally.content_changed += changed(before, tree_digest(content))
    if "Traceback" in done.stderr:
        crash(tally, f"{label}: second build: {done.stderr.strip().splitlines()[-1][:200]}")
        return
    a, b = tree_digest(site_a), tree_digest(site_b) if site_b.is_dir() else {}
    differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    if not differing:
        tally.identical += 1
    elif all(k.startswith(SEARCH_INDEX) or k == MARKER for k in differing):
        tally.identical_but_search += 1
        tally.marker_differs += MARKER in differing
    else:
        elsewhere = [k for k in differing if not k.startswith(SEARCH_INDEX) and k != MARKER]
        tally.different.append(f"{label} ({len(elsewhere)} files, e.g. {elsewhere[0]})")
        print(f"DIFFER {tally.different[-1]}: {', '.join(elsewhere[:5])}", file=sys.stderr, flush=True)


def report(tally: Tally, seconds: float) -> str:
    lines = [
        f"cases: {tally.articles} generated articles in {tally.batches} batches, "
        f"{tally.commands} sitegen commands, {tally.pages} HTML pages scanned, {seconds:.0f} s",
        f"crashes without a clear error: {len(tally.crashes)} (target 0)",
        f"unescaped payloads found in output: {sum(tally.payloads.values())} (target 0)"
        + (f" {dict(tally.payloads)}" if tally.payloads else ""),
        f"files in content/ changed: {tally.content_changed} (target 0)",
        f"two-build byte comparison: {tally.identical}/{tally.batches} batches identical; "
        f"{tally.identical_but_search} identical apart from the search index ({SEARCH_INDEX}) and the "
        f"build record ({MARKER}, different in {tally.marker_differs}); "
        f"{len(tally.different)} differ elsewhere"
        + (f": {'; '.join(tally.different[:10])}" if tally.different else ""),
        f"commands that stopped with a clear error (exit 1): {tally.clear_errors}",
        "export and file-name findings, counted apart: "
        f"markup in TimelineJS text {tally.export_payloads['HTML in TimelineJS headline'] + tally.export_payloads['HTML in TimelineJS text']}, "  # noqa: E501
        f"formula cells in events.csv {tally.export_payloads['formula in CSV cell']}, "
        f"ill-formed feeds {tally.ill_formed}, reserved file names {tally.reserved}",
    ]
    lines += [f"  crash: {c}" for c in tally.crashes[:20]]
    lines += [f"  payload: {p}" for p in tally.payload_examples]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="articles to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--batch", type=int, default=100, help="articles per content folder (default 100)")
    parser.add_argument("--start", type=int, default=0,
                        help="first case to run (default 0), to split a run over several processes")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="worker processes per build (default 1)")
    parser.add_argument("--work", help="folder for the batches (default: a temporary folder, removed)")
    args = parser.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="sitegen-fuzz-"))
    code = snapshot_code(work)
    from sitegen.render.environment import theme_dir

    theme = theme_dir(None)
    assert Path(theme).resolve().is_relative_to(code.resolve()), theme
    tally = Tally()
    start = time.perf_counter()
    try:
        for first in range(args.start, args.cases, args.batch):
            count = min(args.batch, args.cases - first)
            label = f"batch {first // args.batch:04d}"
            folder = work / f"batch-{first // args.batch:04d}"
            shutil.rmtree(folder, ignore_errors=True)
            write_batch(random.Random(f"{args.seed}:{first}"), folder / "content", first, count)
            run_batch(folder, tally, args.jobs, theme, label, code)
            tally.articles += count
            tally.batches += 1
            if not args.work:
                shutil.rmtree(folder, ignore_errors=True)
            same = tally.identical + tally.identical_but_search
            print(f"{label}: {tally.articles}/{args.cases - args.start} articles, "
                  f"{len(tally.crashes)} crashes, {sum(tally.payloads.values())} payloads, "
                  f"{tally.content_changed} content files changed, {same} identical, "
                  f"{len(tally.different)} differing, "
                  f"{time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(report(tally, time.perf_counter() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
