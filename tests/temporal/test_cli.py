"""The `sitegen timex` command, for people (a table) and for programs (JSON lines)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitegen", "timex", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_jsonl_answers_each_line_with_one_list():
    lines = [json.dumps({"text": "He left on Monday.", "dct": "2024-05-15", "domain": "news"}),
             json.dumps({"text": "In March 1940 it began.", "dct": None})]
    done = _run(["--jsonl"], "\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out == [
        [{"start": 11, "end": 17, "text": "Monday", "type": "DATE", "value": "2024-05-13", "mod": None}],
        [{"start": 3, "end": 13, "text": "March 1940", "type": "DATE", "value": "1940-03", "mod": None}],
    ]


def test_jsonl_accepts_one_object_without_a_final_newline():
    done = _run(["--jsonl"], json.dumps({"text": "Every day, it rains.", "dct": "2024-05-15"}))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"start": 0, "end": 9, "text": "Every day", "type": "SET", "value": "P1D", "mod": None}]


def test_jsonl_splits_a_range_into_its_two_ends():
    done = _run(["--jsonl"], json.dumps({"text": "It ran from 2014 to 2017.", "dct": None}))
    assert [(t["text"], t["value"]) for t in json.loads(done.stdout)] == [("2014", "2014"), ("2017", "2017")]


def test_jsonl_bad_input_names_the_line():
    done = _run(["--jsonl"], '{"text": "fine", "dct": null}\nnot json\n')
    assert done.returncode == 2
    assert "line 2" in done.stderr


def test_table_for_a_file(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("The attack took place late on Monday.", encoding="utf-8")
    done = _run([str(article), "--dct", "2024-05-15"])
    assert done.returncode == 0, done.stderr
    assert "2024-05-13" in done.stdout and "late on Monday" in done.stdout


def test_bad_dct_is_explained(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Monday", encoding="utf-8")
    done = _run([str(article), "--dct", "15/05/2024"])
    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr
