"""The date wording table is validated at load; a defect names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import ResourceError
from sitegen.render.wording import RESOURCES, load_wording, parse_wording

SHIPPED = RESOURCES / "en" / "display.yaml"


def test_shipped_wording_loads():
    assert load_wording("en").months[11] == "December"


def test_pattern_with_a_wrong_placeholder_is_reported_with_its_line():
    text = SHIPPED.read_text(encoding="utf-8").replace('END: "late {date}"', 'END: "late {when}"')
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "late {when}" in row)
    with pytest.raises(ResourceError) as err:
        parse_wording(text, Path("display.yaml"))
    assert f"display.yaml: line {line}:" in str(err.value)
    assert "mods.END" in str(err.value)


def test_missing_month_is_reported():
    text = SHIPPED.read_text(encoding="utf-8").replace("November, ", "")
    with pytest.raises(ResourceError, match="12 month names"):
        parse_wording(text, Path("display.yaml"))


def test_unknown_language_is_reported():
    with pytest.raises(ResourceError, match="no display wording"):
        load_wording("xx")
