"""What `sitegen serve` watches: any change below the content and theme folders starts a rebuild."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.serve import snapshot


def test_snapshot_sees_edits_additions_and_removals_at_any_depth(tmp_path):
    content, theme = tmp_path / "content", tmp_path / "theme"
    (content / "articles" / "2024").mkdir(parents=True)
    theme.mkdir()
    article = content / "articles" / "2024" / "a.md"
    article.write_text("one", encoding="utf-8")
    (theme / "base.html").write_text("<html>", encoding="utf-8")
    before = snapshot([content, theme, tmp_path / "missing"])
    assert sorted(os.path.relpath(p, tmp_path) for p in before) == [
        os.path.join("content", "articles", "2024", "a.md"), os.path.join("theme", "base.html")]
    assert snapshot([content, theme]) == before
    os.utime(article, ns=(before[str(article)] + 10**9, before[str(article)] + 10**9))
    edited = snapshot([content, theme])
    assert edited != before
    (content / "articles" / "b.md").write_text("two", encoding="utf-8")
    added = snapshot([content, theme])
    assert len(added) == 3
    article.unlink()
    assert str(article) not in snapshot([content, theme])


def test_content_digest_changes_with_any_file_and_a_kept_one_reads_only_changed_files(tmp_path):
    # the build key hashes every content file; `sitegen serve` keeps each file's hash with
    # its size, time and inode, and reads again only files whose stat changed (the same
    # signal its watcher rebuilds on)
    import hashlib

    from sitegen.cache import tree_digest

    root = tmp_path / "content"
    (root / "articles").mkdir(parents=True)
    article = root / "articles" / "a.md"
    article.write_text("first text", encoding="utf-8")
    (root / "site.yml").write_text("title: T\n", encoding="utf-8")

    def key(known=None):
        digest = hashlib.sha256()
        tree_digest(root, digest, known=known)
        return digest.hexdigest()

    known: dict = {}
    start = key(known)
    assert start == key() == key(known)
    assert len(known) == 2
    stat = article.stat()
    article.write_text("other text", encoding="utf-8")  # same size
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert key() != start  # read afresh, the new bytes count
    assert key(known) == start  # unchanged stat: the kept hash is trusted
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert key(known) == key() != start
    (root / "site.yml").unlink()
    assert key(known) == key()
    assert len(known) == 1


def test_the_watcher_wakes_at_once_on_a_save_and_not_on_a_read(tmp_path):
    # serve rebuilds as soon as a file is saved, not at the next poll; reading the content
    # (as every build does) is no change
    import time

    from sitegen.serve import Watcher

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.md"
    article.write_text("one", encoding="utf-8")
    watcher = Watcher([content], interval=0.2)  # the safety poll: every 1 s with reports
    try:
        if watcher._observer is None:
            pytest.skip("this file system reports no changes; serve polls instead")
        started = time.perf_counter()
        assert watcher.changed() is False
        assert time.perf_counter() - started >= 0.9  # no report: only the slow safety poll
        article.read_text(encoding="utf-8")
        started = time.perf_counter()
        assert watcher.changed() is False  # a read wakes nothing
        assert time.perf_counter() - started >= 0.9
        time.sleep(0.05)
        article.write_text("two", encoding="utf-8")
        started = time.perf_counter()
        assert watcher.changed() is True
        assert time.perf_counter() - started < 0.8  # the report, not the poll
        (content / "articles" / "b.md").write_text("new", encoding="utf-8")
        assert watcher.changed() is True
        assert watcher.changed() is False
    finally:
        watcher.close()


def test_a_reported_save_is_checked_without_listing_every_file(tmp_path, monkeypatch):
    # with the system reporting which files changed, the watcher looks at those files only
    # (listing 10,000 files took 0.05 s of every edit); a new folder, or the safety poll,
    # still lists them all
    import time

    from sitegen import serve as serving

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.md"
    article.write_text("one", encoding="utf-8")
    watcher = serving.Watcher([content], interval=0.2)
    listed = []
    snapshot = serving.snapshot
    monkeypatch.setattr(serving, "snapshot", lambda folders: listed.append(1) or snapshot(folders))
    try:
        if watcher._observer is None:
            pytest.skip("this file system reports no changes; serve polls instead")
        time.sleep(0.05)
        article.write_text("two", encoding="utf-8")
        assert watcher.changed() is True and not listed
        (content / "articles" / "b.md").write_text("new", encoding="utf-8")
        assert watcher.changed() is True and not listed
        article.unlink()
        assert watcher.changed() is True and not listed
        assert str(article) not in watcher.last and str(content / "articles" / "b.md") in watcher.last
        (content / "articles" / "2024").mkdir()
        (content / "articles" / "2024" / "c.md").write_text("three", encoding="utf-8")
        assert watcher.changed() is True and listed  # a new folder: every file looked at
        assert watcher.last == snapshot([content])
    finally:
        watcher.close()


def test_the_watcher_polls_where_no_changes_are_reported(tmp_path, monkeypatch):
    from sitegen.serve import Watcher

    monkeypatch.setattr(Watcher, "_observe", lambda self: None)
    content = tmp_path / "content"
    content.mkdir()
    watcher = Watcher([content], interval=0.1)
    assert watcher.changed() is False
    (content / "a.md").write_text("one", encoding="utf-8")
    assert watcher.changed() is True
    assert watcher.changed() is False


class _Edits:
    """A stand-in for `Watcher`: a scripted run of edits (True) and quiet polls (False),
    each taking `step` seconds of a fake clock; `pending` tells whether the next is an edit."""

    def __init__(self, script, clock, step):
        self.script, self.clock, self.step = list(script), clock, step

    def changed(self):
        if not self.script:
            raise KeyboardInterrupt  # the end of the session
        self.clock[0] += self.step
        return self.script.pop(0)

    def pending(self):
        return bool(self.script) and self.script[0]

    def close(self):
        pass


def _serve_session(monkeypatch, script, step):
    """Run `serve` through `script`; return the calls it made, in order."""
    from sitegen import serve as serving

    calls, clock = [], [0.0]

    class Server:
        port = 8000

        def __init__(self, *args):
            pass

        def published(self):
            calls.append("published")

        def close(self):
            pass

    monkeypatch.setattr(serving, "PageServer", Server)
    monkeypatch.setattr(serving, "Watcher", lambda *args: _Edits(script, clock, step))
    monkeypatch.setattr(serving.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(serving, "collect_between_builds", lambda: calls.append("collect"))

    def rebuild(published):
        calls.append("build")
        published()
        return lambda interrupted: calls.append("follow-up: stop" if interrupted() else "follow-up")

    serving.serve(Path("site"), [], rebuild)
    return calls


def test_serve_collects_cycles_when_edits_pause_not_after_every_build(monkeypatch):
    # the collector walks the whole heap (seconds on a large corpus): an edit saved soon
    # after another must not wait for it, but it runs once the edits pause
    calls = _serve_session(monkeypatch, [True, False, True] + [False] * 6, step=2.0)
    assert calls[:7] == ["build", "published", "follow-up", "build", "published", "follow-up", "collect"]
    assert calls.count("collect") == 1


def test_serve_leaves_the_follow_up_to_the_next_build_when_another_edit_is_waiting(monkeypatch):
    from sitegen import serve as serving

    calls = _serve_session(monkeypatch, [True] * (serving.MAX_UNCOLLECTED + 1), step=0.5)
    # each build's exports and index stop for the edit waiting, but the last build's
    assert calls.count("follow-up: stop") == serving.MAX_UNCOLLECTED
    assert calls.count("follow-up") == 1
    # with no pause at all, cycles are still collected now and then, keeping memory bounded,
    # but not while an edit waits
    assert calls[-2:] == ["follow-up", "collect"]


def test_serve_never_collects_cycles_by_itself(monkeypatch):
    # an automatic full collection (seconds with a large model in memory) could start just
    # as an edit is saved; serve collects only at the moments it chooses, and gives the
    # process back as it was
    import gc

    from sitegen import serve as serving

    seen = []
    monkeypatch.setattr(serving, "PageServer", lambda *args: type("S", (), {
        "port": 8000, "published": lambda self: None, "close": lambda self: None})())
    monkeypatch.setattr(serving, "Watcher", lambda *args: _Edits([True], [0.0], 1.0))
    assert gc.isenabled()
    serving.serve(Path("site"), [], lambda published: seen.append(gc.isenabled()))
    assert seen == [False]
    assert gc.isenabled()
