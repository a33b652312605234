"""Search benchmark: MkDocs' search index against Pagefind on one synthetic site of N articles.

Usage: python benchmarks/search.py CORPUS_SIZE [--work DIR] [--seed S] [--chromium PATH]
                                   [--query WORDS ...]

Generates the corpus (benchmarks/make_corpus.py), builds it with sitegen, then indexes the
same built HTML pages three ways and measures each:

- MkDocs: the search plugin's own indexer (`mkdocs.contrib.search.search_index.SearchIndex`,
  default settings: full text, pages and their headed sections) over the text of each page's
  <main>, writing `search_index.json` as `mkdocs build` would; queried in Chromium through the
  plugin's own `worker.js` and `lunr.js`, which fetch the whole index and build it in the
  browser before the first answer.
- Pagefind (CLI): `python -m pagefind --site SITE` over every page, as a site would use it
  with no markup changes.
- Pagefind (sitegen): `sitegen.search.add_search(SITE)`, the index sitegen ships: one record
  per event, with facets.

For each: indexing time, index size on disk, the bytes a browser downloads to answer one query
in a fresh browser (counted by the local server; for Pagefind this includes the first ten
results' data), the time from starting search to the answer (cold), and the mean time of
later queries (warm). The site is served from 127.0.0.1 by this script; Chromium is Debian's
`/usr/bin/chromium` driven by Playwright. Prints one Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (a sibling script, not a package)

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MKDOCS_DIR = "_mkdocs_search"


@dataclass
class Figures:
    """One search tool's figures on one site."""

    name: str
    records: int
    index_seconds: float
    disk_bytes: int
    query_bytes: int = 0
    query_gzip: int = 0
    query_files: int = 0
    cold_ms: float = 0.0
    warm_ms: float = 0.0
    hits: int = 0
    note: str = ""


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_site(n: int, work: Path, seed: int) -> Path:
    corpus = work / f"corpus-{n}"
    if not (corpus / make_corpus.MARKER).is_file():
        make_corpus.write_corpus(n, corpus, seed)
    site = work / f"site-{n}"
    if site.exists():
        shutil.rmtree(site)
    print(f"building {n} articles with sitegen ...", file=sys.stderr)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "build", "--content", str(corpus), "-d", str(site),
                    "--no-cache"], check=True, stdout=subprocess.DEVNULL)
    print(f"  built in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    return site


# --- MkDocs ------------------------------------------------------------------------------------

_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)


def _page(site: Path, path: Path) -> SimpleNamespace:
    """What the search plugin reads from an MkDocs page: content, url, title and toc."""
    html = path.read_text(encoding="utf-8")
    main = _MAIN.search(html)
    content = main.group(1) if main else html
    title = _TITLE.search(html)
    rel = path.relative_to(site).as_posix()
    url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    toc = [SimpleNamespace(id=i, title=unescape(re.sub(r"<[^>]+>", "", t)), url=f"#{i}", children=[])
           for _, i, t in _HEADING.findall(content)]
    return SimpleNamespace(content=content, url=url, toc=toc,
                           title=unescape(title.group(1)) if title else url)


def index_mkdocs(site: Path) -> Figures:
    from mkdocs.contrib.search import search_index

    out = site / MKDOCS_DIR
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    pages = sorted(p for p in site.rglob("*.html") if MKDOCS_DIR not in p.parts and "pagefind" not in p.parts)
    start = time.perf_counter()
    index = search_index.SearchIndex(lang=["en"], separator=r"[\s\-]+", min_search_length=3,
                                     prebuild_index=False, indexing="full")
    for path in pages:
        index.add_entry_from_context(_page(site, path))
    data = index.generate_search_index()
    (out / "search_index.json").write_text(data, encoding="utf-8")
    seconds = time.perf_counter() - start
    templates = Path(search_index.__file__).parent / "templates" / "search"
    for name in ("lunr.js", "worker.js", "main.js"):
        shutil.copyfile(templates / name, out / name)
    gz = len(gzip.compress(data.encode("utf-8")))
    return Figures("MkDocs search (lunr)", len(index._entries), seconds, tree_bytes(out),
                   note=f"search_index.json {len(data) / 1e6:.2f} MB, {gz / 1e6:.2f} MB gzipped")


# --- Pagefind ------------------------------------------------------------------------------------

def index_pagefind_cli(site: Path, bundle: str) -> Figures:
    out = site / bundle
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", bundle],
                          capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    pages = re.search(r"Indexed (\d+) page", done.stdout)
    return Figures("Pagefind CLI, every page", int(pages.group(1)) if pages else 0, seconds, tree_bytes(out))


def index_pagefind_sitegen(site: Path) -> Figures:
    from sitegen.search import BUNDLE_DIR, add_search, search_records

    start = time.perf_counter()
    add_search(site)
    seconds = time.perf_counter() - start
    records = len(search_records(json.loads((site / "events.json").read_text(encoding="utf-8"))))
    return Figures("Pagefind, sitegen.search (events)", records, seconds, tree_bytes(site / BUNDLE_DIR))


# --- the browser ----------------------------------------------------------------------------------

class _Counting(SimpleHTTPRequestHandler):
    served: list[tuple[str, int, int]] = []

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        # what a server compressing its responses would send (Pagefind's index is gzipped already)
        self.served.append((self.path, len(data), len(gzip.compress(data, 6))))


BENCH_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head>
<body><script>
window.mkdocsQuery = (queries) => new Promise((resolve) => {
  const t0 = performance.now(); const times = []; let i = 0; let first = 0; let hits = 0;
  const worker = new Worker("/%(mk)s/worker.js");
  worker.onmessage = (e) => {
    if (e.data.allowSearch) { worker.postMessage({query: queries[0]}); return; }
    if (!e.data.results) return;
    if (i === 0) { first = performance.now() - t0; hits = e.data.results.length; }
    else times.push(performance.now() - t0);
    i += 1;
    if (i < queries.length) { window._t = performance.now(); worker.postMessage({query: queries[i]}); }
    else resolve({first, hits, times});
  };
  worker.postMessage({init: true});
});
</script></body></html>"""

PAGEFIND_JS = """async ([bundle, queries]) => {
  const t0 = performance.now();
  const pf = await import(bundle + "pagefind.js");
  await pf.init();
  const first = await pf.search(queries[0]);
  await Promise.all(first.results.slice(0, 10).map((r) => r.data()));
  const cold = performance.now() - t0;
  const warm = [];
  for (const q of queries.slice(1)) {
    const t = performance.now();
    const s = await pf.search(q);
    await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
    warm.push(performance.now() - t);
  }
  return {cold, hits: first.results.length, warm};
}"""

MKDOCS_WARM_JS = """async (queries) => {
  const r = await window.mkdocsQuery(queries);
  return r;
}"""


def measure_in_browser(site: Path, figures: list[Figures], bundles: list[str | None], queries: list[str],
                       chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    (site / "_bench.html").write_text(BENCH_PAGE % {"mk": MKDOCS_DIR}, encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS, headless=True)
            for fig, bundle in zip(figures, bundles, strict=True):
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                page.goto(base + "_bench.html")
                page.wait_for_load_state("load")
                _Counting.served.clear()
                if bundle is None:
                    result = page.evaluate(MKDOCS_WARM_JS, queries)
                    fig.cold_ms = result["first"]
                    # the worker reports times since it started: make them per query
                    ends = [fig.cold_ms, *result["times"]]
                    steps = [b - a for a, b in zip(ends, ends[1:], strict=False)]
                    fig.warm_ms = sum(steps) / len(steps) if steps else 0.0
                    served = list(_Counting.served)
                else:
                    result = page.evaluate(PAGEFIND_JS, [f"/{bundle}/", queries])
                    fig.cold_ms = result["cold"]
                    fig.warm_ms = sum(result["warm"]) / len(result["warm"]) if result["warm"] else 0.0
                    served = list(_Counting.served)
                # bytes for the first query alone: a fresh context, one query
                if bundle is not None:
                    context.close()
                    context = browser.new_context(service_workers="block")
                    page = context.new_page()
                    page.goto(base + "_bench.html")
                    page.wait_for_load_state("load")
                    _Counting.served.clear()
                    page.evaluate(PAGEFIND_JS, [f"/{bundle}/", queries[:1]])
                    served = list(_Counting.served)
                fig.hits = result["hits"]
                fig.query_bytes = sum(size for _, size, _ in served)
                fig.query_gzip = sum(min(size, gz) for _, size, gz in served)
                fig.query_files = len(served)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def pick_queries(site: Path) -> list[str]:
    """A person's surname, a place and a word from event text, from the built corpus."""
    data = json.loads((site / "events.json").read_text(encoding="utf-8"))
    people = [e["name"] for e in data["entities"] if e["kind"] == "person"]
    places = [e["name"] for e in data["entities"] if e["kind"] == "place"]
    queries = []
    if people:
        queries.append(people[len(people) // 2].split()[-1])
    if places:
        queries.append(places[len(places) // 2])
    queries += ["checkpoint", "claimed responsibility"]
    return queries


def table(figures: list[Figures], n: int, pages: int, queries: list[str]) -> str:
    lines = [f"Corpus: {n} articles, {pages} HTML pages. Queries: {', '.join(queries)} "
             "(bytes and cold time for the first; warm = mean of the others).", "",
             "| index | records | indexing s | on disk MB | first query: files | first query: KB "
             "| first query: KB gzipped | cold ms | warm ms | hits (1st query) | note |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for f in figures:
        lines.append(f"| {f.name} | {f.records} | {f.index_seconds:.2f} | {f.disk_bytes / 1e6:.2f} "
                     f"| {f.query_files} | {f.query_bytes / 1e3:.0f} | {f.query_gzip / 1e3:.0f} "
                     f"| {f.cold_ms:.0f} | {f.warm_ms:.1f} "
                     f"| {f.hits} | {f.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of articles in the synthetic corpus")
    parser.add_argument("--work", type=Path, help="folder for the corpus and site (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--query", nargs="*", help="queries to run (default: picked from the corpus)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    site = build_site(args.size, work, args.seed)
    pages = sum(1 for _ in site.rglob("*.html"))
    print("indexing ...", file=sys.stderr)
    figures = [index_mkdocs(site), index_pagefind_cli(site, "_pagefind_all"), index_pagefind_sitegen(site)]
    queries = args.query or pick_queries(site)
    print(f"querying in Chromium: {queries} ...", file=sys.stderr)
    measure_in_browser(site, figures, [None, "_pagefind_all", "pagefind"], queries, args.chromium)
    print(table(figures, args.size, pages, queries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
