"""Figures from several sources are summarised as a range, never averaged."""

from sitegen.model import Figure
from sitegen.render.filters import figure_ranges


def fig(kind, low, high):
    return Figure(kind, low, high, None, None, "", 0, 0)


def test_open_and_closed_figures_give_floor_and_open_top():
    [r] = figure_ranges([fig("killed", 14, 14), fig("killed", 15, None)])
    assert (r.low, r.high, r.differ) == (14, None, True)
    assert r.text == "14–15+ killed"


def test_agreeing_sources_are_not_marked_as_differing():
    [r] = figure_ranges([fig("wounded", 5, 5), fig("wounded", 5, 5)])
    assert (r.text, r.differ) == ("5 wounded", False)


def test_ranges_are_kept_per_kind_with_thousands_separators():
    ranges = figure_ranges([fig("displaced", 3000, 5000), fig("killed", 4, 4)])
    assert [r.text for r in ranges] == ["3,000–5,000 displaced", "4 killed"]
