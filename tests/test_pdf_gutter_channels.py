"""Two columns set closer than a fragment's split gap are read one after the other
(bibkaz/read/pdf_layout.py, gutter_channels), and a page's foot set in the two columns is read down
each (FOOT_COLUMN_LINES).

Real page: the Survey of Current Business (BEA, March 2013, public domain;
tests/fixtures/pdf_pages/SOURCES.md), 11 pt columns 12 pt apart, whose rows were read across both
columns ("N JULY, the Bureau of Economic Analysis (BEA) accounts.⁴ BEA's strategic …").
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.read import read_document
from bibkaz.read.pdf_layout import Glyph, gutter_channels

PAGES = Path(__file__).parent / "fixtures" / "pdf_pages"


def test_a_narrow_gutters_columns_are_read_one_after_the_other():
    text = read_document(PAGES / "bea_scb_narrow_gutter.pdf").text
    assert "Bureau of Economic Analysis (BEA)\nI will release" in text
    assert "accounts.⁴ BEA’s strategic plan for the national economic\naccounts outlines" in text
    # the left column's notes keep their lines together, the right column's after the left's text
    assert "\n 2. The changes in definitions and classifications that are discussed in this\narticle are" in text
    assert text.index("plan for maintaining and improving its economic") < text.index("accounts.⁴ BEA’s strategic")


def _row(words: list[tuple[str, float]], base: float, size: float = 10.0) -> list[Glyph]:
    """A row of glyphs, each word's letters 5 pt wide, starting at the given x."""
    out = []
    for word, x in words:
        for i, ch in enumerate(word):
            out.append(Glyph(ch, x + 5 * i, x + 5 * i + 5, base, size))
    return out


def test_word_spaces_that_do_not_line_up_are_no_channel():
    # a justified paragraph: wide word spaces, each row's at another x
    rows = [_row([("a" * (2 + r), 0), ("bbbb", 5 * (2 + r) + 9)], 700 - 12 * r) for r in range(10)]
    assert gutter_channels(rows) == []
    # the same gap at one x in every row is a channel
    rows = [_row([("aaaa", 0), ("bbbb", 29)], 700 - 12 * r) for r in range(10)]
    assert gutter_channels(rows) == [24.0]


def test_a_reference_list_set_in_two_columns_at_the_pages_foot_is_read_down_each_column():
    # Frontiers (CC BY 4.0): "References" opens at 7 pt under the 9 pt text of the page's two columns;
    # read as notes across the page, each row joined the two columns' entries
    text = read_document(PAGES / "frontiers_references_foot.pdf").text
    assert "Peeking inside the black-box: a survey\non explainable artificial intelligence (XAI)." in text
    assert "survey   Artelt" not in text
    assert text.index("Arras, L., Osman, A., and Samek, W. (2022)") < text.index("Artelt, A. (2019). CEML")
