"""Per-stage progress and timings for long builds: shown on a terminal, quiet in CI."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Times each stage; prints a line per stage when `verbose` (default: stderr is a terminal)."""

    def __init__(self, verbose: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        if verbose is None:
            verbose = self.stream.isatty() and not os.environ.get("CI")
        self.verbose = verbose
        self.times: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        start = time.perf_counter()
        if self.verbose:
            print(f"  {name}{': ' + detail if detail else ''} ...", file=self.stream, flush=True)
        yield
        took = time.perf_counter() - start
        self.times[name] = self.times.get(name, 0.0) + took
        if self.verbose:
            print(f"  {name} done in {took:.2f}s", file=self.stream, flush=True)

    def count(self, name: str, done: int, total: int) -> None:
        """A counter for long stages, redrawn in place on a terminal."""
        if self.verbose and total and (done == total or done % max(1, total // 20) == 0):
            end = "\n" if done == total else "\r"
            print(f"  {name}: {done}/{total}", end=end, file=self.stream, flush=True)
