"""A bulleted item's lines read as the page hangs them (bibkaz/read/pdf_pages.py): an address or a
word broken inside it left for the extract stage to join, as it joins them in an entry (the Turing
Institute's report, CC BY 4.0: tests/fixtures/pdf_pages/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.read import read_document
from bibkaz.read.pdf_pages import join_broken_urls, join_hyphens

PAGES = Path(__file__).parent / "fixtures" / "pdf_pages"


def _lines(text: str, start: str, count: int) -> list[str]:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(start))
    return lines[at:at + count]


def test_an_address_or_a_word_broken_inside_an_item_is_left_as_the_page_sets_it():
    text = read_document(PAGES / "turing_bulleted_references.pdf").text
    item = _lines(text, "• Dynamic digital twins", 3)
    assert item[1].strip().endswith("/dynamic-digital-twins-interconnected-")
    assert item[2].strip() == "energy-and-transport-networks"
    assert "Lessons from Temper-\n" in text


def test_a_flush_next_line_is_still_joined_and_a_hanging_one_is_not():
    # a note's or a paragraph's next line starts at the margin: the address is joined, as before
    flush = ["Laws, https://oui.doleta.gov/unemploy/", "pdf/uilawcompar/2023/nonmonetary.pdf."]
    assert join_broken_urls(flush) == ["Laws, https://oui.doleta.gov/unemploy/pdf/uilawcompar/2023/nonmonetary.pdf."]
    hanging = ["  • Towards a greener grid. https://www.turing.ac.uk/about-us/impact/towards-greener-", "    grid"]
    assert join_broken_urls(hanging) == hanging
    assert join_hyphens(["  • Products to Measure Ecological Changes in Relation to Climate—Lessons from Temper-",
                         "    ate Wetland-Upland Landscapes."]) == [
        "  • Products to Measure Ecological Changes in Relation to Climate—Lessons from Temper-",
        "    ate Wetland-Upland Landscapes."]
    assert join_hyphens(["the develop-", "ment plan"]) == ["the development", "plan"]


def test_only_a_bulleted_items_lines_hang_not_a_numbered_notes_nor_an_indented_paragraphs():
    from bibkaz.read.pdf_pages import hanging_lines

    lines = ["  • Towards a greener grid. https://www.turing.ac.uk/about-us/impact/towards-greener-", "    grid",
             "12. For an analysis, see Congressional Budget Office, www.cbo.gov/", "    publication/43764.",
             "      All three options in this category would reduce unifor-", "      mity in taxation."]
    assert hanging_lines(lines) == {1}
    # a CBO note's address is joined as before; the item's is left to the extract stage
    assert join_broken_urls(lines)[2] == "12. For an analysis, see Congressional Budget Office, www.cbo.gov/publication/43764."
    assert join_hyphens(lines[4:]) == ["      All three options in this category would reduce uniformity", "      in taxation."]
