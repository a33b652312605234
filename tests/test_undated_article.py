"""An article whose front matter has no date (EXPECTED.md, last section): the tool says which
file lacks it, dates only what the text itself settles, and lists the rest as undated."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CONTENT

FRANCEINFO = "2024-09-14-us-army-says-it-killed-four-is-leaders.md"


@pytest.fixture(scope="module")
def undated_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("undated") / "content"
    shutil.copytree(CONTENT, content)
    path = content / "articles" / FRANCEINFO
    path.write_text(re.sub(r"(?m)^published:.*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    return content


def run(*args):
    return subprocess.run([sys.executable, "-m", "sitegen", *args], capture_output=True, text=True)


def test_check_names_the_file_without_a_date(undated_content):
    done = run("check", str(undated_content))
    assert FRANCEINFO in done.stderr and "published" in done.stderr


def test_only_dates_the_text_settles_are_used(undated_content, tmp_path):
    done = run("build", "--content", str(undated_content), "-d", str(tmp_path / "site"), "--no-cache")
    assert done.returncode == 0, done.stderr
    assert FRANCEINFO in done.stderr  # the build says which file lacks a date
    data = json.loads((tmp_path / "site" / "events.json").read_text(encoding="utf-8"))
    article = next(a for a in data["articles"] if a["path"].endswith(FRANCEINFO))
    assert article["published"] is None
    dated = {m["date"]["value"] for e in data["events"] for m in e["mentions"]
             if m["article"] == article["id"]}
    # "at the end of 2017", "in late 2017" and "created in 2014" carry their year; "on August 29"
    # and "on Friday September 13" do not ("Friday September 13" fits both 2019 and 2024).
    assert dated <= {"2014", "2017", "2017-12"}, dated
    undated = [e for e in data["undated"] if any(m["article"] == article["id"] for m in e["mentions"])]
    assert undated, "the raid and the announcements must be listed as undated, with their source"
    assert not any(e["date"]["value"].startswith(("2019", "2024")) for e in data["events"]
                   if {m["article"] for m in e["mentions"]} == {article["id"]})
