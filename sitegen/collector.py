"""Python's cycle collector, paused while a build runs.

A build makes millions of objects that live until it ends (articles, analyses, mentions,
events, page records), and every full collection walks all of them: at 10,000 articles that
was several seconds of each build. What a build drops is freed by reference counting as
usual; what it leaves in reference cycles waits for the next collection, which a
long-running process makes between builds (`collect_between_builds`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_on_call() -> Iterator[None]:
    """No automatic cycle collection inside the block: only `collect_between_builds`, when
    the caller chooses. In a long-running process that holds a large model, an automatic
    full collection (seconds) would come at any moment, such as just as an edit is saved."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection inside the block (as it was, after it). Objects the
    calling process had frozen with `gc.freeze()` are unfrozen on the way out."""
    enabled = gc.isenabled()
    with collector_on_call():
        try:
            yield
        finally:
            if enabled:
                # what the block allocated is all in the youngest generation, and the first
                # collection would walk it all; moved to the oldest (freeze, then unfreeze:
                # two list splices), it waits for a full collection instead
                gc.freeze()
                gc.unfreeze()


def collect_between_builds() -> None:
    """Free what builds left in reference cycles, while nothing waits on the process."""
    gc.collect()
