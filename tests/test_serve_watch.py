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
