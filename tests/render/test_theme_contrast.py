"""The theme's text colours meet WCAG AA (4.5:1) on their backgrounds, light and dark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "theme" / "css" / "site.css").read_text(encoding="utf-8")

# (text colour, background) pairs the theme actually uses for text
PAIRS = [("fg", "bg"), ("muted", "bg"), ("link", "bg"), ("visited", "bg"), ("alert", "bg"),
         ("furniture", "bg"), ("mark-fg", "mark"), ("muted", "band"), ("fg", "band"), ("link", "band")]


def _schemes() -> dict[str, dict[str, str]]:
    light = CSS[:CSS.index("@media (prefers-color-scheme: dark)")]
    dark = CSS[CSS.index("@media (prefers-color-scheme: dark)"):CSS.index("* {")]
    return {name: dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))
            for name, block in (("light", light), ("dark", dark))}


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_contrast_meets_aa(scheme, text, background):
    colours = _schemes()[scheme]
    assert contrast(colours[text], colours[background]) >= 4.5


def test_contrast_formula_on_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
