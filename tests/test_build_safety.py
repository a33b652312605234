"""Building never loses content or a working site, and the core needs no MkDocs."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from sitegen.build import build_site
from sitegen.cache import AnalysisCache
from sitegen.errors import ContentError
from tests.conftest import CONTENT, REPO


def tree_digest(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] not in skip}


# Pagefind writes its filter indexes in an arbitrary order (its issue #638), so the search
# bundle is the one part of a build that is not byte-for-byte repeatable.
NOT_REPEATABLE = ("pagefind",)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(CONTENT, dest)
    return dest


BAD_ARTICLE = "---\ntitle: [unclosed\npublisher: X\n---\nBody text on Monday.\n"


def test_core_builds_with_mkdocs_unimportable(tmp_path):
    code = (
        "import sys; sys.modules['mkdocs'] = None\n"
        "from pathlib import Path\n"
        "from sitegen.build import build_site\n"
        f"r = build_site(Path({str(CONTENT)!r}), Path({str(tmp_path / 'site')!r}), jobs=1)\n"
        "assert r.events > 0, r\n"
        "assert not any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules\n"
        "               if sys.modules[m] is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").exists()


def test_failed_build_leaves_previous_site_intact(tmp_path, content_copy):
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1)
    before = tree_digest(out)
    (content_copy / "eras.yml").write_text("- title: [broken\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(content_copy, out, jobs=1)
    assert "eras.yml" in str(err.value)
    assert tree_digest(out) == before


def test_bad_article_is_skipped_and_reported_or_fails_under_strict(tmp_path, content_copy):
    (content_copy / "articles" / "2024-01-01-broken.md").write_text(BAD_ARTICLE, encoding="utf-8")
    report = build_site(content_copy, tmp_path / "site", jobs=1)
    assert any("2024-01-01-broken.md" in p.path and p.is_error for p in report.problems)
    assert report.articles == 5
    with pytest.raises(ContentError) as err:
        build_site(content_copy, tmp_path / "strict-site", jobs=1, strict=True)
    assert any("2024-01-01-broken.md" in p.path and p.line == 2 for p in err.value.problems)
    assert not (tmp_path / "strict-site").exists()


def test_build_does_not_touch_content_and_is_deterministic(tmp_path, content_copy):
    before = tree_digest(content_copy)
    build_site(content_copy, tmp_path / "a", jobs=2, cache_dir=tmp_path / "cache")
    build_site(content_copy, tmp_path / "b", jobs=1, cache_dir=None)
    build_site(content_copy, tmp_path / "c", jobs=2, cache_dir=tmp_path / "cache")  # from the cache
    assert tree_digest(content_copy) == before
    a, b, c = (tree_digest(tmp_path / n, skip=NOT_REPEATABLE) for n in "abc")
    assert a == b == c


def test_corrupt_cache_entry_is_rebuilt_not_trusted(tmp_path, content_copy):
    cache = tmp_path / "cache"
    build_site(content_copy, tmp_path / "a", jobs=1, cache_dir=cache)
    with closing(sqlite3.connect(cache / AnalysisCache.FILE)) as db, db:
        assert db.execute("UPDATE entries SET value = ?", (b"garbage",)).rowcount > 0
    report = build_site(content_copy, tmp_path / "b", jobs=1, cache_dir=cache)
    assert report.cache_hits == 0
    a, b = (tree_digest(tmp_path / n, skip=NOT_REPEATABLE) for n in "ab")
    assert a == b
    # the bad entries were replaced: the next build reads every article from the cache
    report = build_site(content_copy, tmp_path / "c", jobs=1, cache_dir=cache)
    assert report.cache_hits == report.articles


def test_a_cache_file_that_is_no_database_is_replaced(tmp_path, content_copy):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / AnalysisCache.FILE).write_bytes(b"not a database, perhaps a half-copied file" * 100)
    build_site(content_copy, tmp_path / "a", jobs=2, cache_dir=cache)
    build_site(content_copy, tmp_path / "b", jobs=1, cache_dir=None)
    a, b = (tree_digest(tmp_path / n, skip=NOT_REPEATABLE) for n in "ab")
    assert a == b
    report = build_site(content_copy, tmp_path / "c", jobs=2, cache_dir=cache)
    assert report.cache_hits == report.articles


def test_output_folder_inside_content_is_refused(content_copy):
    from sitegen.errors import SitegenError

    with pytest.raises(SitegenError, match="overlaps the content"):
        build_site(content_copy, content_copy / "site", jobs=1)


def test_mkdocs_build_from_the_repository_root(tmp_path):
    out = tmp_path / "mkdocs-site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (out / "events.json").exists()
    assert list((out / "events").glob("*/index.html"))
    about = (out / "about" / "index.html").read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    # The hand-written page rendered by MkDocs shares the chronology's layout and style sheet.
    stylesheet = [line for line in home.splitlines() if 'rel="stylesheet"' in line]
    assert stylesheet and stylesheet[0].strip().split("href=")[1].split('"')[1].split("/")[-1] in about
    from tests.render.linkcheck import check_site

    assert check_site(out) == ([], [])
    # no theme template is published raw (MkDocs copies files it does not render)
    raw = [p.name for p in out.rglob("*") if p.suffix in {".html", ".xml"} and "{%" in p.read_text("utf-8")]
    assert raw == []


def test_unchanged_content_is_not_rebuilt_and_an_edit_is(tmp_path, content_copy):
    out = tmp_path / "site"
    first = build_site(content_copy, out, jobs=1, cache_dir=tmp_path / "cache")
    before = tree_digest(out)
    again = build_site(content_copy, out, jobs=1, cache_dir=tmp_path / "cache")
    assert again.unchanged and again.events == first.events and tree_digest(out) == before
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    edited = build_site(content_copy, out, jobs=1, cache_dir=tmp_path / "cache")
    assert not edited.unchanged and edited.cache_hits == 4
    assert tree_digest(out) != before


def test_article_size_limit_from_site_yml_refuses_larger_files(tmp_path, content_copy):
    site_yml = content_copy / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "max_article_bytes: 3000\n", encoding="utf-8")
    sizes = {p.name: p.stat().st_size for p in (content_copy / "articles").glob("*.md")}
    report = build_site(content_copy, tmp_path / "site", jobs=1)
    refused = {Path(p.path).name for p in report.problems if "over the limit" in p.message}
    assert refused == {name for name, size in sizes.items() if size > 3000} and refused
    assert report.articles == len(sizes) - len(refused)


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_rebuild_after_an_edit_equals_a_cold_build_and_keeps_unchanged_files(tmp_path, content_copy):
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=2, cache_dir=tmp_path / "cache")
    before, inodes = tree_digest(out), _inodes(out)
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    build_site(content_copy, out, jobs=2, cache_dir=tmp_path / "cache")
    build_site(content_copy, tmp_path / "cold", jobs=1, cache_dir=None)
    after = tree_digest(out)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(tmp_path / "cold", skip=NOT_REPEATABLE)
    # a file written again with the same bytes is the previous site's file, not a new copy
    unchanged = [rel for rel, digest in after.items() if before.get(rel) == digest and rel != ".sitegen-site"]
    changed = [rel for rel, digest in after.items() if rel in before and before[rel] != digest]
    assert len(unchanged) > 20 and changed
    assert "css/site.css" in unchanged or any(rel.startswith("css/") for rel in unchanged)
    now = _inodes(out)
    assert all(now[rel] == inodes[rel] for rel in unchanged)
    assert all(now[rel] != inodes[rel] for rel in changed)


def test_a_build_failing_while_writing_leaves_the_previous_site_intact(tmp_path, content_copy, monkeypatch):
    import tempfile

    from sitegen.search import SearchJob

    out = tmp_path / "site"
    build_site(content_copy, out, jobs=2)
    before, inodes = tree_digest(out), _inodes(out)
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    finish = SearchJob.finish

    def fail(job):  # the search index is being built when the pages are written; then it fails
        finish(job)
        raise OSError("disk full")

    monkeypatch.setattr(SearchJob, "finish", fail)
    with pytest.raises(OSError, match="disk full"):
        build_site(content_copy, out, jobs=2)
    assert tree_digest(out) == before and _inodes(out) == inodes
    # no half-written folder left, nor Pagefind's scratch folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "scratch", "site"]
    assert list(scratch.iterdir()) == []


def test_rebuilds_sharing_memory_equal_cold_builds(tmp_path, content_copy):
    # sitegen serve keeps parsed articles, analyses and 8-grams between builds; every
    # rebuild from that memory must be the site a fresh build would make
    from sitegen.pipeline import BuildMemory

    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory)
    articles = sorted((content_copy / "articles").glob("*.md"))
    assert len(memory.articles) == len(articles) == len(memory.analyses) == len(memory.shingles.grams)
    first = articles[0].read_text(encoding="utf-8")
    added = "\nOn 3 March 2016, militants attacked a checkpoint near Ramadi, killing four soldiers.\n"
    edits = [lambda: articles[0].write_text(first.replace("Anbar", "Ninawa", 1), encoding="utf-8"),
             lambda: articles[1].unlink(),
             lambda: articles[2].write_text(articles[2].read_text(encoding="utf-8") + added,
                                            encoding="utf-8"),
             lambda: (content_copy / "articles" / "zz-new.md").write_text(
                 first.replace("title: ", "title: Reprinted ", 1) + added, encoding="utf-8")]
    hits = [len(articles) - 1, len(articles) - 1, len(articles) - 2, len(articles) - 1]
    for n, edit in enumerate(edits):
        edit()
        # the site is updated in place: a page the edit did not touch keeps its file
        inodes = _inodes(out)
        report = build_site(content_copy, out, jobs=1, memory=memory)  # no cache folder: memory alone
        assert report.cache_hits == hits[n]
        cold = tmp_path / f"cold-{n}"
        build_site(content_copy, cold, jobs=1)
        assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)
        after = _inodes(out)
        kept = [rel for rel in after if inodes.get(rel) == after[rel]]
        assert len(kept) > len(after) // 2, f"edit {n}: only {len(kept)} of {len(after)} files kept"
    # what the memory holds is the current corpus only
    assert len(memory.articles) == len(memory.analyses) == len(memory.shingles.grams) == len(articles)


def test_rebuild_from_memory_after_theme_change_renders_every_page(tmp_path, content_copy, monkeypatch):
    # a theme edit changes every page, though no article changed; a process rendering again
    # compiles again only the template that changed
    import jinja2

    from sitegen.pipeline import BuildMemory

    compiled = []
    compile_template = jinja2.Environment.compile

    def spy(env, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(env, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory)
    assert "base.html" in compiled
    first = (content_copy / "articles").glob("*.md").__next__()
    first.write_text(first.read_text(encoding="utf-8") + "\nOfficials said on Monday the road was open.\n",
                     encoding="utf-8")
    compiled.clear()
    build_site(content_copy, out, jobs=1, memory=memory)
    assert compiled == []
    base = theme / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("Skip to content", "Skip to the text"),
                    encoding="utf-8")
    build_site(content_copy, out, jobs=1, memory=memory)
    assert compiled == ["base.html"]
    cold = tmp_path / "cold"
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)
    assert "Skip to the text" in (out / "index.html").read_text(encoding="utf-8")


def test_search_index_is_kept_when_the_events_did_not_change(tmp_path, content_copy):
    from sitegen.output import read_stamp
    from sitegen.search import pagefind_available

    if not pagefind_available():
        pytest.skip("pagefind[bin] is not installed")
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1)
    first, inodes = read_stamp(out)["search"], _inodes(out)
    bundle = [rel for rel in inodes if rel.startswith("pagefind/")]
    assert first and bundle
    page = sorted((content_copy / "pages").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence about the method.\n",
                    encoding="utf-8")
    report = build_site(content_copy, out, jobs=1)  # a hand-written page changed, no event did
    assert not report.unchanged and read_stamp(out)["search"] == first
    now = _inodes(out)
    assert sorted(rel for rel in now if rel.startswith("pagefind/")) == sorted(bundle)
    assert all(now[rel] == inodes[rel] for rel in bundle)
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    build_site(content_copy, out, jobs=1)
    assert read_stamp(out)["search"] != first


def test_large_corpus_indexes_search_after_the_pages_with_the_same_result(tmp_path, content_copy,
                                                                         monkeypatch):
    """Above the event threshold the search index is built after rendering, not alongside it
    (to bound memory); the site and its search bundle are the same either way."""
    import sitegen.render.exports
    from sitegen.output import read_stamp
    from sitegen.search import pagefind_available

    if not pagefind_available():
        pytest.skip("pagefind[bin] is not installed")
    together, apart = tmp_path / "together", tmp_path / "apart"
    build_site(content_copy, together, jobs=2)
    monkeypatch.setattr(sitegen.build, "OVERLAP_SEARCH_MAX_EVENTS", 0)
    build_site(content_copy, apart, jobs=2)
    assert tree_digest(apart, skip=NOT_REPEATABLE) == tree_digest(together, skip=NOT_REPEATABLE)
    assert read_stamp(apart)["search"] == read_stamp(together)["search"]
    assert sorted(p.relative_to(apart).as_posix() for p in (apart / "pagefind").rglob("*.js")) == \
        sorted(p.relative_to(together).as_posix() for p in (together / "pagefind").rglob("*.js"))


def test_failed_rebuild_from_memory_leaves_the_served_site_intact(tmp_path, content_copy):
    # sitegen serve updates its site in place; a rebuild that fails must change nothing,
    # and the next good rebuild must still equal a cold build
    from jinja2 import TemplateSyntaxError

    from sitegen.pipeline import BuildMemory

    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory)
    before = tree_digest(out)
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    event_page = theme / "event.html"
    good = event_page.read_text(encoding="utf-8")
    event_page.write_text(good.replace("{% endblock %}", "{% endblock", 1), encoding="utf-8")
    with pytest.raises(TemplateSyntaxError):
        build_site(content_copy, out, jobs=1, memory=memory)
    assert tree_digest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]  # no staging left behind
    event_page.write_text(good, encoding="utf-8")
    build_site(content_copy, out, jobs=1, memory=memory)
    cold = tmp_path / "cold"
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)


def test_serve_publishes_pages_first_and_then_brings_exports_and_search_up_to_date(tmp_path, content_copy):
    from sitegen.output import read_stamp
    from sitegen.pipeline import BuildMemory
    from sitegen.search import pagefind_available

    if not pagefind_available():
        pytest.skip("pagefind[bin] is not installed")
    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    first = read_stamp(out)["search"]
    bundle = {rel: ino for rel, ino in _inodes(out).items() if rel.startswith("pagefind/")}
    exports = {rel: (out / rel).read_bytes()
               for rel in ("events.json", "events.csv", "timelinejs.json", "feed.xml")}
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    # the new pages are out, with the data exports, feeds and search index as they were
    assert any("Ninawa" in p.read_text(encoding="utf-8") for p in (out / "events").rglob("index.html"))
    assert {rel: (out / rel).read_bytes() for rel in exports} == exports
    assert read_stamp(out)["search"] == first
    assert {rel: ino for rel, ino in _inodes(out).items() if rel.startswith("pagefind/")} == bundle
    # until the rest is done, the site says so: the same input is not taken as built
    assert read_stamp(out)["pending"] is True
    assert build_site(content_copy, out, jobs=1, memory=memory, pages_first=True).unchanged is False
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    assert report.follow_up is not None
    report.follow_up()
    assert "pending" not in read_stamp(out)
    assert "Ninawa" in (out / "events.json").read_text(encoding="utf-8")
    assert build_site(content_copy, out, jobs=1, memory=memory, pages_first=True).unchanged is True
    cold = tmp_path / "cold"
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)
    assert read_stamp(out)["search"] == read_stamp(cold)["search"] != first
    # the new bundle replaced the old one whole, and the memory lists its files (Pagefind
    # names some files by a hash of content it orders arbitrarily, so they are not the cold
    # build's names)
    now = {rel for rel in _inodes(out) if rel.startswith("pagefind/")}
    assert now and now != set(bundle)
    assert now == {rel for rel in memory.pages.files if rel.startswith("pagefind/")}
    # and the next rebuild from memory is still the cold build's site
    article.write_text(article.read_text(encoding="utf-8").replace("Ninawa", "Kirkuk", 1), encoding="utf-8")
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True).follow_up()
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)
    assert read_stamp(out)["search"] == read_stamp(cold)["search"]


def test_a_follow_up_that_fails_is_done_by_the_next_build(tmp_path, content_copy, monkeypatch):
    # serve publishes the pages, then the exports; when writing the exports fails, the site
    # keeps its previous exports and the next build of the same input writes them
    import sitegen.render.exports
    from sitegen.output import read_stamp
    from sitegen.pipeline import BuildMemory

    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    before = (out / "events.json").read_bytes()
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(sitegen.render.exports, "events_json_text", fail)
    with pytest.raises(OSError, match="disk full"):
        report.follow_up()
    monkeypatch.undo()
    assert (out / "events.json").read_bytes() == before
    assert read_stamp(out)["pending"] is True
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    assert not report.unchanged
    report.follow_up()
    assert (out / "events.json").read_bytes() != before
    cold = tmp_path / "cold"
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)


def test_build_pauses_the_cycle_collector_and_turns_it_on_again(tmp_path, content_copy, monkeypatch):
    # A build keeps millions of objects alive at 10,000 articles, and each full collection
    # walked them all. The collector is paused while the model is merged and rendered, and
    # on again afterwards for the process that asked for the build (the MkDocs plugin, serve).
    import gc

    import sitegen.build
    import sitegen.pipeline

    seen = []

    def watch(module, name):
        real = getattr(module, name)

        def spy(*args, **kwargs):
            seen.append((name, gc.isenabled()))
            return real(*args, **kwargs)
        monkeypatch.setattr(module, name, spy)

    watch(sitegen.pipeline, "merge")
    watch(sitegen.build, "render_site")
    build_site(content_copy, tmp_path / "site", jobs=1)
    assert seen == [("merge", False), ("render_site", False)]
    assert gc.isenabled()
    with pytest.raises(ContentError):
        build_site(content_copy / "missing", tmp_path / "other", jobs=1)
    assert gc.isenabled()


def test_mkdocs_plugin_pauses_the_cycle_collector_too(tmp_path, monkeypatch):
    # `mkdocs build` and `mkdocs serve` run the pipeline through the plugin, in MkDocs' process.
    import gc

    from mkdocs.config import load_config

    import sitegen.mkdocs_plugin

    seen = []
    real = sitegen.mkdocs_plugin.render_site

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(sitegen.mkdocs_plugin, "render_site", spy)
    monkeypatch.chdir(REPO)
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["timeline"]
    try:
        plugin.on_pre_build(config=config)
    finally:
        plugin.on_post_build(config=config)
    assert seen == [False]
    assert gc.isenabled()


def test_serve_is_told_once_the_pages_are_in_place_and_frees_old_tables_afterwards(tmp_path, content_copy):
    # serve reloads the browser from `on_published`, before the build frees what it no longer
    # needs; those tables wait in the memory until serve releases them, and a process that
    # never does (or a failed build) does not pile them up
    from sitegen.pipeline import BuildMemory

    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    memory.release()
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    seen = []

    def published():
        pages = (p.read_text(encoding="utf-8") for p in (out / "sources").rglob("*.html"))
        seen.append("Ninawa" in "".join(pages))

    article.write_text(article.read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1), encoding="utf-8")
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True, on_published=published)
    assert seen == [True]  # once, with the edited source page already in place
    assert memory.merged.dropped and memory.pages.dropped
    memory.release()
    assert memory.merged.dropped == [] and memory.pages.dropped == []
    sizes = []
    for word in ("Kirkuk", "Basra", "Erbil"):
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("Ninawa", word, 1), encoding="utf-8")
        build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
        sizes.append((len(memory.merged.dropped), len(memory.pages.dropped)))
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace(word, "Ninawa", 1), encoding="utf-8")
    assert sizes[0] == sizes[1] == sizes[2]  # the leftovers of one build only


def test_a_follow_up_told_to_stop_leaves_its_work_to_the_next_build(tmp_path, content_copy, monkeypatch):
    # serve stops the exports and the search index of a build when another edit comes in:
    # the published site keeps its previous ones, says they are pending, and the next build
    # brings them up to date
    import tempfile
    import time

    import sitegen.search
    from sitegen.output import read_stamp
    from sitegen.pipeline import BuildMemory

    if not sitegen.search.pagefind_available():
        pytest.skip("pagefind[bin] is not installed")
    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    exports, bundle = (out / "events.json").read_bytes(), tree_digest(out / "pagefind")
    articles = sorted((content_copy / "articles").glob("*.md"))
    articles[0].write_text(articles[0].read_text(encoding="utf-8").replace("Anbar", "Ninawa", 1),
                           encoding="utf-8")
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    assert report.follow_up(lambda: True) is False  # another edit is already waiting
    assert (out / "events.json").read_bytes() == exports
    assert read_stamp(out)["pending"] is True
    asked = []  # an edit comes once events.json is written: the exports are not published
    assert report.follow_up(lambda: asked.append(1) or len(asked) > 1) is False
    assert (out / "events.json").read_bytes() == exports
    assert read_stamp(out)["pending"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # no staging left

    # told to stop while Pagefind runs (here a stand-in that would take a minute)
    started = []

    def slow_index(documents, bundle_dir, language, interrupted=None):
        process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        return process, Path(tempfile.mkdtemp(prefix="sitegen-search-"))

    monkeypatch.setattr(sitegen.search, "_start_index", slow_index)
    articles[1].write_text(articles[1].read_text(encoding="utf-8") + "\nOn 3 March 2016, militants "
                           "attacked a checkpoint near Ramadi, killing four soldiers.\n", encoding="utf-8")
    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    clock = time.monotonic()
    assert report.follow_up(lambda: bool(started)) is False  # an edit comes once Pagefind runs
    assert time.monotonic() - clock < 30
    assert started and started[0].poll() is not None  # Pagefind is not left running
    assert (out / "events.json").read_bytes() != exports  # the exports were done before
    assert tree_digest(out / "pagefind") == bundle  # the index in use is the previous one
    assert read_stamp(out)["pending"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # no scratch left
    monkeypatch.undo()

    # told to stop while the documents for Pagefind are written: none is left behind
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    with pytest.raises(sitegen.search.Interrupted):
        sitegen.search.start_search(copy, directory_urls=True, language="en", interrupted=lambda: True)
    assert list(scratch.iterdir()) == []
    monkeypatch.undo()
    shutil.rmtree(copy)

    report = build_site(content_copy, out, jobs=1, memory=memory, pages_first=True)
    assert report.follow_up() is True
    assert "pending" not in read_stamp(out)
    cold = tmp_path / "cold"
    build_site(content_copy, cold, jobs=1)
    assert tree_digest(out, skip=NOT_REPEATABLE) == tree_digest(cold, skip=NOT_REPEATABLE)


def test_entries_of_the_old_one_file_per_article_layout_are_removed(tmp_path, content_copy):
    cache = tmp_path / "cache"
    old = cache / "3f"
    old.mkdir(parents=True)
    (old / "3f0a.pickle").write_bytes(b"an entry of an earlier version")
    (cache / "notes").mkdir()
    (cache / "notes" / "mine.pickle").write_bytes(b"not ours to remove")
    report = build_site(content_copy, tmp_path / "a", jobs=1, cache_dir=cache)
    assert report.articles and not old.exists()
    assert (cache / "notes" / "mine.pickle").exists()
    assert report.cache_hits == 0


def test_a_cache_another_program_keeps_locked_is_left_alone(tmp_path, content_copy, monkeypatch):
    import sitegen.cache

    cache = tmp_path / "cache"
    build_site(content_copy, tmp_path / "a", jobs=1, cache_dir=cache)
    content_copy.joinpath("articles", "2099-01-01-new.md").write_text(
        "---\ntitle: New\npublisher: Test\npublished: 2024-05-15\n---\n\n"
        "Militants attacked a checkpoint in Anbar on Monday, killing two soldiers.\n", encoding="utf-8")
    monkeypatch.setattr(sitegen.cache, "LOCK_WAIT", 0.2)
    with closing(sqlite3.connect(cache / AnalysisCache.FILE, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another build in the middle of writing
        report = build_site(content_copy, tmp_path / "b", jobs=1, cache_dir=cache)
        other.execute("ROLLBACK")
    # it still reads what is there; the new article's entry could not be written
    assert report.cache_hits == report.articles - 1
    again = build_site(content_copy, tmp_path / "c", jobs=1, cache_dir=cache)
    assert again.cache_hits == again.articles - 1  # the entries were kept, not thrown away
    a, c = (tree_digest(tmp_path / n, skip=NOT_REPEATABLE) for n in "bc")
    assert a == c
    assert build_site(content_copy, tmp_path / "d", jobs=1, cache_dir=cache).cache_hits == again.articles
