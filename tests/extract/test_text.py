"""Sentence segmentation and page furniture, as a reader of the source page expects them."""

import pytest

from sitegen.text.sentences import segment


def sentences(text: str) -> list[str]:
    spans, _ = segment(text)
    return [s.of(text) for s in spans]


def test_titles_and_abbreviations_do_not_end_sentences():
    text = ("Brig. Gen. Ahmed al-Lami was killed in Hit. The U.S. Treasury Department offered "
            "a reward. Col. Wassak and Lt. Smith were wounded.")
    assert sentences(text) == [
        "Brig. Gen. Ahmed al-Lami was killed in Hit.",
        "The U.S. Treasury Department offered a reward.",
        "Col. Wassak and Lt. Smith were wounded.",
    ]


def test_a_quote_closing_after_the_stop_stays_with_its_sentence():
    text = "He said it was “a cowardly act.” The army vowed to respond."
    assert sentences(text) == ["He said it was “a cowardly act.”", "The army vowed to respond."]


def test_a_headline_without_a_stop_is_its_own_sentence():
    text = "ISIS attack on army post kills officer\nAn officer was killed on Monday."
    assert sentences(text) == ["ISIS attack on army post kills officer", "An officer was killed on Monday."]


def test_a_dateline_is_cut_off_the_first_sentence_and_kept_as_furniture():
    text = "ERBIL, Kurdistan Region – The group claimed the attack.\nBAGHDAD –\nA second line."
    spans, furniture = segment(text)
    assert [s.of(text) for s in spans] == ["The group claimed the attack.", "A second line."]
    assert [(f.of(text).strip(), kind) for f, kind in furniture] == [
        ("ERBIL, Kurdistan Region –", "dateline"), ("BAGHDAD –", "dateline")]


@pytest.mark.parametrize("line", [
    "BAGHDAD, Sept 27 (Reuters) - Militants attacked a checkpoint.",
    "MOSUL, Iraq, Jan. 5 (Reuters) - Militants attacked a checkpoint.",
    "BAGHDAD, Iraq (AP) — Militants attacked a checkpoint.",
    "Baghdad (AFP) - Militants attacked a checkpoint.",
    "Baghdad, 27 September 2024 (Al Jazeera) – Militants attacked a checkpoint.",
])
def test_datelines_with_a_filing_day_or_an_agency_are_furniture(line):
    spans, furniture = segment(line)
    assert [s.of(line) for s in spans] == ["Militants attacked a checkpoint."]
    assert [kind for _, kind in furniture] == ["dateline"]


@pytest.mark.parametrize("line", ["Islamic State (IS) - the group that seized Mosul - attacked.",
                                  "US - Iraq talks began on Monday."])
def test_a_sentence_opening_with_a_name_and_a_dash_is_no_dateline(line):
    assert segment(line)[1] == []


def test_page_furniture_is_recognised_and_left_out_of_sentences():
    text = ("The raid killed 14 militants.\nShare.\nSource link\nLeave a Comment\nReading time: 1 min\n"
            "Updated: May 15, 2024, 5:08 AM\nPowered by automated translation\nExit mobile version\n"
            "Mourners gather at the coffin of a soldier in Najaf on Tuesday. Reuters")
    spans, furniture = segment(text)
    assert [s.of(text) for s in spans] == ["The raid killed 14 militants."]
    assert [kind for _, kind in furniture] == ["share", "link", "comments", "metadata", "metadata",
                                               "translation", "navigation", "caption"]


def test_a_malformed_table_row_is_reported_with_file_and_line(tmp_path):
    import pytest

    from sitegen.errors import ResourceError
    from sitegen.text.tables import read_rows

    table = tmp_path / "triggers.tsv"
    table.write_text("# comment\nattack\tattack\tnoun\t-\nkilled\tkilling\n", encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        read_rows(table, 4, 4)
    assert str(caught.value) == f"{table}: line 3: expected 4 tab-separated fields, found 2"
