"""What `sitegen serve` watches: any change below the content and theme folders starts a rebuild."""

from __future__ import annotations

import os

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
