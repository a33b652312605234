"""The commands as a user runs them: extract, check, build."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import CONTENT, REPO


def sitegen(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=cwd, capture_output=True,
                          text=True)


def test_extract_prints_events_json_for_a_folder_and_for_one_file():
    done = sitegen("extract", "content/articles", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"articles", "events", "entities"} <= data.keys()
    assert len(data["articles"]) == 5
    one = sorted((CONTENT / "articles").glob("*.md"))[0]
    done = sitegen("extract", str(one), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["articles"]) == 1


def test_extract_table_lists_dated_events():
    done = sitegen("extract", "content/articles")
    assert done.returncode == 0, done.stderr
    assert "2024-05-13" in done.stdout and "2017-12" in done.stdout


def test_check_passes_on_the_seed_content():
    done = sitegen("check", "content")
    assert done.returncode == 0, done.stderr


def test_check_lists_every_problem_with_file_and_line(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "a.md").write_text("---\ntitle: A\npublisher: P\npublished: 2024-13-45\n---\nText.\n")
    bad_bytes = b"---\ntitle: B\npublisher: P\npublished: 2024-01-02\n---\n\xff\xfe bad\n"
    (articles / "b.md").write_bytes(bad_bytes)
    done = sitegen("check", str(tmp_path / "content"))
    assert done.returncode == 1
    assert "a.md:4:" in done.stderr
    assert "b.md:" in done.stderr and "UTF-8" in done.stderr


def test_build_command_writes_the_site_and_a_summary(tmp_path):
    done = sitegen("build", "--content", str(CONTENT), "-d", str(tmp_path / "out"), "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout and "events" in done.stdout
    assert (tmp_path / "out" / "index.html").exists()


def test_check_reports_a_correction_that_matches_nothing(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "corrections.yml").write_text(
        "corrections:\n"
        "  - action: hide\n"
        "    event: 1999-01-01-no-such-event\n"
        "    note: a false event\n", encoding="utf-8")
    done = sitegen("check", str(content), "--strict")
    assert done.returncode == 1
    assert "corrections.yml:2:" in done.stderr and "1999-01-01-no-such-event" in done.stderr


def test_a_correction_is_applied_and_shown_on_the_event_page(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    data = json.loads(sitegen("extract", str(content / "articles"), "--format", "json").stdout)
    target = next(e for e in data["events"] if e["date"]["value"] == "2024-04")
    (content / "corrections.yml").write_text(
        "corrections:\n"
        f"  - action: hide\n    event: {target['id']}\n    note: checked, not about Iraq\n",
        encoding="utf-8")
    done = sitegen("build", "--content", str(content), "-d", str(tmp_path / "site"), "--no-cache")
    assert done.returncode == 0, done.stderr
    built = json.loads((tmp_path / "site" / "events.json").read_text(encoding="utf-8"))
    assert target["id"] not in {e["id"] for e in built["events"]}


def test_serve_removes_its_scratch_site_when_it_stops(tmp_path, monkeypatch):
    # the preview's site lives in a temporary folder (a whole site: 700 MB at 10,000
    # articles); stopping the server, with Ctrl+C or otherwise, must not leave it behind
    import tempfile

    import pytest

    import sitegen.serve
    from sitegen.cli import main

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    served = []

    def fake_serve(out, watched, rebuild, *, first, host, port):
        served.append(out)
        (out / "index.html").parent.mkdir(parents=True)
        (out / "index.html").write_text("<p>site</p>", encoding="utf-8")
        raise KeyboardInterrupt  # the user stops the server

    monkeypatch.setattr(sitegen.serve, "serve", fake_serve)
    with pytest.raises(KeyboardInterrupt):
        main(["serve", "--content", str(CONTENT), "--port", "0"])
    assert served and served[0].parent.parent == tmp_path
    assert not served[0].parent.exists()
    assert list(tmp_path.iterdir()) == []
