"""Malformed resource files are reported with the file and the rule at fault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.errors import ResourceError
from sitegen.temporal.resources import RESOURCE_ROOT, load

SHIPPED = RESOURCE_ROOT / "en" / "temporal"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    for name in ("vocabulary.yaml", "rules.yaml", "negatives.yaml"):
        shutil.copy(SHIPPED / name, tmp_path / name)
    return tmp_path


def _append_rule(directory: Path, text: str) -> None:
    with (directory / "rules.yaml").open("a", encoding="utf-8") as fh:
        fh.write(text)


def test_shipped_resources_load():
    res = load(SHIPPED)
    assert res.rules and res.negatives and "months" in res.tables


def test_bad_regex_names_file_and_rule(copy):
    _append_rule(copy, "\n  - name: broken_rule\n    kind: date\n    pattern: '(?P<year>\\d{4}'\n"
                       "    examples:\n      - {text: 'in 2014', expect: {text: '2014', type: DATE, "
                       "value: '2014'}}\n")
    with pytest.raises(ResourceError) as err:
        load(copy)
    assert "rules.yaml" in str(err.value) and "broken_rule" in str(err.value)


def test_unknown_kind_is_reported(copy):
    _append_rule(copy, "\n  - name: odd_kind\n    kind: guess\n    pattern: 'x'\n"
                       "    examples:\n      - {text: 'x', expect: {text: 'x', type: DATE, value: 'x'}}\n")
    with pytest.raises(ResourceError, match="odd_kind"):
        load(copy)


def test_rule_without_examples_is_reported(copy):
    _append_rule(copy, "\n  - name: no_examples\n    kind: date\n    pattern: '(?P<year>\\d{4})'\n")
    with pytest.raises(ResourceError, match="no_examples.*example"):
        load(copy)


def test_unknown_macro_is_reported(copy):
    _append_rule(copy, "\n  - name: bad_macro\n    kind: date\n    pattern: '@nosuchtable'\n"
                       "    examples:\n      - {text: 'x', expect: {text: 'x', type: DATE, value: 'x'}}\n")
    with pytest.raises(ResourceError, match="bad_macro.*@nosuchtable"):
        load(copy)


def test_bad_yaml_names_line(copy):
    (copy / "negatives.yaml").write_text("rules:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="negatives.yaml: line"):
        load(copy)


def test_table_with_capitals_is_reported(copy):
    text = (copy / "vocabulary.yaml").read_text(encoding="utf-8")
    (copy / "vocabulary.yaml").write_text(text.replace("    january: 1", "    January: 1"), encoding="utf-8")
    with pytest.raises(ResourceError, match="months"):
        load(copy)
