"""The benchmark's corpus generator, for tests that need more articles than the fixtures hold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "make_corpus.py"


def corpus_generator():
    """The `make_corpus` module (it lives with the benchmarks, outside the package)."""
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # its dataclasses look their module up while defined
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("make_corpus", None)
    return module


def write_corpus(n: int, folder: Path, seed: int) -> None:
    """Write `n` generated articles to `folder/articles/`."""
    corpus_generator().write_corpus(n, folder, seed=seed)
