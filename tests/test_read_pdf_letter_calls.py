"""A table's lettered note called by a raised letter (bibkaz/read/pdf_layout.py).

CRS and GAO tables call their notes "a.", "b." … by a raised smaller letter after a cell's last word
("King Hussein Iᵇ"); a text conversion glues it to the word ("Hussein Ib", "Kalakauaa"). The real
page is CRS Insight IN12682's second page (public domain, tests/fixtures/pdf_pages/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.read import read_document
from bibkaz.read.pdf_layout import Glyph, page_lines

PAGES = Path(__file__).parent / "fixtures" / "pdf_pages"


def test_a_raised_letter_after_a_cells_word_is_its_notes_call():
    lines = read_document(PAGES / "crs_in12682_letter_calls.pdf").lines
    assert " July 26, 1994   King Hussein Iᵇ   Hashemite Kingdom of Jordan" in lines
    assert not any("Hussein Ib" in line for line in lines)
    # the note itself keeps its letter, and the same name in running text stays as it is
    assert any(line.strip().startswith("b. The address by King Hussein I was a joint address") for line in lines)


def _word(text: str, x: float, base: float, size: float) -> tuple[list[Glyph], float]:
    out = []
    for ch in text:
        out.append(Glyph(ch, x, x + size * 0.5, base, size))
        x += size * 0.5
    return out, x


def _line(*parts: tuple[str, float, float]) -> str:
    glyphs: list[Glyph] = []
    x = 72.0
    for text, rise, size in parts:
        if text.startswith(" "):
            x += 3
            text = text[1:]
        word, x = _word(text, x, 700 + rise, size)
        glyphs.extend(word)
    return "".join(line.text for line in page_lines(glyphs, 842) if line)


def test_only_one_letter_alone_at_a_words_end_is_raised_as_a_call():
    # 6 pt letters raised 2 pt over 9 pt text: within the row's tolerance, as CRS sets them
    assert _line(("Federal funding", 0, 9), ("a", 2, 6), (" $10 million", 0, 9)) == "Federal fundingᵃ $10 million"
    # an ordinal's and an abbreviation's raised letters are two: they stay letters
    assert _line(("the 21", 0, 9), ("st", 2, 6), (" century", 0, 9)) == "the 21st century"
    assert _line(("M", 0, 9), ("me", 2, 6), (" Curie", 0, 9)) == "Mme Curie"
    # a raised letter inside a word is another line's letter printed over this one
    assert _line(("Ki", 0, 9), ("n", 2, 6), ("g", 0, 9)) == "King"
