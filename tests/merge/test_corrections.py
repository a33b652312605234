"""Editorial corrections: applied in order, noted on the event, stale ones reported."""

from datetime import date
from pathlib import Path

from sitegen.merge import check_corrections, merge, read_corrections
from tests.extract.helpers import analysis, article, gazetteer

MAY_15 = date(2024, 5, 15)
TEXTS = [("a", "A car bomb exploded in Kirkuk on Monday.", MAY_15),
         ("b", "A car bomb exploded in Basra on Monday.", MAY_15)]


def build(tmp_path: Path, corrections: str):
    (tmp_path / "corrections.yml").write_text(corrections, encoding="utf-8")
    found, problems = read_corrections(tmp_path)
    assert problems == []
    articles = [article(t, p, i) for i, t, p in TEXTS]
    analyses = [analysis(t, p, i) for i, t, p in TEXTS]
    return merge(analyses, articles, gazetteer(), corrections=found)


def test_hide_merge_date_and_add(tmp_path: Path):
    result = build(tmp_path, """corrections:
  - action: merge
    events: [2024-05-13-bombing-kirkuk, 2024-05-13-bombing-basra]
    note: one coordinated attack
  - action: date
    event: 2024-05-13-bombing-kirkuk
    date: 2024-05-12
    note: the bombs went off before midnight
  - action: add
    date: 2014-06-10
    type: capture
    title: ISIS takes Mosul
    places: [mosul]
""")
    assert [e.id for e in result.events] == ["2014-06-10-capture-mosul", "2024-05-13-bombing-kirkuk"]
    merged = result.events[1]
    assert merged.aliases == ("2024-05-13-bombing-basra",)
    assert merged.date.value == "2024-05-12"
    assert len(merged.conflicts) == 2  # both sources said Monday: flagged, not hidden
    assert merged.notes == ("Editorial correction: one coordinated attack",
                            "Editorial correction: the bombs went off before midnight")
    assert result.problems == []


def test_hide_moves_the_event_out_of_the_timeline(tmp_path: Path):
    result = build(tmp_path, "corrections:\n  - action: hide\n    event: 2024-05-13-bombing-basra\n"
                             "    note: not an event\n")
    assert [e.id for e in result.events] == ["2024-05-13-bombing-kirkuk"]
    assert [e.id for e in result.hidden] == ["2024-05-13-bombing-basra"]


def test_a_correction_that_matches_nothing_is_reported_with_its_line(tmp_path: Path):
    result = build(tmp_path, "corrections:\n  - action: hide\n    event: 2024-05-13-bombing-kirkuk\n"
                             "  - action: hide\n    event: 2099-01-01-attack-nowhere\n")
    assert [(p.line, p.severity) for p in result.problems] == [(4, "warning")]
    assert "2099-01-01-attack-nowhere" in result.problems[0].message
    assert [p.line for p in check_corrections(tmp_path, result.events + result.hidden)] == [4]


def test_malformed_corrections_name_file_and_line(tmp_path: Path):
    (tmp_path / "corrections.yml").write_text(
        "corrections:\n  - action: hide\n    event: x\n  - action: explode\n  - action: date\n    event: y\n",
        encoding="utf-8")
    problems = check_corrections(tmp_path)
    assert [(Path(p.path).name, p.line) for p in problems] == [("corrections.yml", 4), ("corrections.yml", 5)]
