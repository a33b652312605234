"""Work spread over forked worker processes, as the extract and load stages do it."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import Any

# Items sent to a worker at a time: enough that sending them costs little, few enough that
# one worker does not go on alone at the end for long (64 articles: about 0.2 s).
MAX_CHUNK = 64


def can_fork() -> bool:
    """Whether workers can be forked here (they inherit the parent's tables instead of
    loading their own); elsewhere the work runs in this process."""
    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(function: Callable[[Any], Any], items: list, jobs: int) -> Iterator[Any]:
    """`function` of each of `items`, in order, computed by `jobs` forked processes that
    live while the results are read (close the iterator to stop them early)."""
    chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 8)))
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(function, items, chunksize=chunk)
