"""Benchmark extraction and merging speed on a content folder.

Usage: python benchmarks/extract_speed.py CORPUS_DIR [--repeat N] [--profile N]

CORPUS_DIR holds articles/ (and optionally entities.yml), e.g. one written by
`benchmarks/make_corpus.py 200 DIR`. Prints words per second of process CPU time (one
process, best of N passes) for: loading the articles, tagging time expressions, the rest
of `analyze` (its time minus the tagger's), the whole `analyze`, and `merge`. Words are
the whitespace-separated words of the article texts. `--profile N` prints the N costliest
functions of one `analyze` pass under cProfile instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from sitegen.extract import analyze
from sitegen.extract.entities import load_gazetteer
from sitegen.load.corpus import load_corpus
from sitegen.merge import merge
from sitegen.temporal import tag


def _best(repeat: int, work) -> tuple[float, object]:
    """The least CPU time of `repeat` runs of `work()`, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        result = work()
        best = min(best, time.process_time() - t0)
    return best, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a content folder with articles/")
    ap.add_argument("--repeat", type=int, default=3, metavar="N", help="passes per stage (best is kept)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile analyze, print N rows")
    args = ap.parse_args(argv)
    if not (args.corpus / "articles").is_dir():
        sys.exit(f"extract_speed.py: no articles/ folder in {args.corpus}")
    gazetteer = load_gazetteer(args.corpus)
    load_time, loaded = _best(args.repeat, lambda: load_corpus(args.corpus / "articles"))
    articles = loaded[0]  # type: ignore[index]
    if not articles:
        sys.exit(f"extract_speed.py: no articles in {args.corpus / 'articles'}")
    words = sum(len(a.text.split()) for a in articles)
    for article in articles:  # load and compile every table (some are compiled on first use) untimed
        analyze(article, gazetteer)
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for a in articles:
            analyze(a, gazetteer)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
        return 0
    tag_time, _ = _best(args.repeat, lambda: [tag(a.text, a.published) for a in articles])
    analyze_time, analyses = _best(args.repeat, lambda: [analyze(a, gazetteer) for a in articles])
    merge_time, result = _best(args.repeat, lambda: merge(analyses, articles, gazetteer))  # type: ignore[arg-type]
    rest = max(analyze_time - tag_time, 1e-9)
    mentions = sum(len(a.mentions) for a in analyses)  # type: ignore[union-attr]
    print(f"{len(articles)} articles, {words:,} words, {mentions:,} mentions, "
          f"{len(result.events):,} dated events")  # type: ignore[union-attr]
    print(f"{'stage':<18} {'CPU s':>8} {'words/s':>12}")
    for name, seconds in (("load", load_time), ("tag", tag_time), ("analyze w/o tag", rest),
                          ("analyze (whole)", analyze_time), ("merge", merge_time)):
        print(f"{name:<18} {seconds:>8.3f} {words / seconds if seconds else 0:>12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
