"""Pages of real CRS and GAO PDFs (public domain, tests/fixtures/pdf_pages/SOURCES.md) read as the
user holds them: what the PDF's layout says that a text conversion loses, or that the reader once
read wrong."""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.read import read_document

PAGES = Path(__file__).parent / "fixtures" / "pdf_pages"


def test_a_call_raised_less_than_a_rows_tolerance_is_still_a_call():
    # CRS R45100 p. 17: a box set at 9 pt whose 6 pt calls are raised 2 pt, within the quarter of a
    # size that puts glyphs on one row; they read as "(GAO).22", a number glued to the sentence
    text = read_document(PAGES / "crs_r45100_boxed_calls.pdf").text
    assert "Government Accountability Office (GAO).²²" in text
    assert "(GAO).22" not in text
    assert "\n²² For a discussion of how various economic metrics" in text


def test_the_note_of_a_boxed_call_is_linked_to_it():
    from bibkaz.formats import library_json
    from bibkaz.pipeline import build_library

    library = json.loads(library_json.dumps(build_library([PAGES / "crs_r45100_boxed_calls.pdf"]).library))
    linked = {(w["key"], r.get("label")): any(c.get("kind") == "note" and "22" in str(c.get("text", "")).translate(
        str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")) for c in w.get("citations", []))
        for w in library["works"] for r in w.get("references", []) if str(r.get("label")) == "22"}
    assert linked and all(linked.values()), linked


def test_a_side_head_stands_before_the_paragraph_beside_it_not_inside_a_broken_entry():
    # GAO-06-282 pp. 41-42: an entry cut by the page break ("… American Journal of Diseases of" /
    # "Children 143 (July 1989): 804-808.") and a 17 pt head in the margin further down page 42
    text = read_document(PAGES / "gao_06_282_side_heads.pdf").text
    assert "American Journal of Diseases of\n\n\fChildren 143 (July 1989): 804-808." in text
    head = text.index("Study of Prenatal")
    assert text.index("669-675.") < head < text.index("Howard, Cynthia, Fred Howard")
    assert "in Our Review\n\n" in text
    # the text is indented from its own edge, alike on every page, not from the heads' margin
    assert "\n\nHoward, Cynthia, Fred Howard" in text and "\n\nBliss, Mary Campbell" in text


def test_a_side_heads_first_line_set_a_word_space_from_the_text_is_not_the_texts():
    # GAO-06-1046 p. 14: "Massachusetts Division of" (14 pt) and "Beginning in 1996, …" (11 pt) on one
    # baseline with less than a column's gap between them read as one line of the paragraph
    text = read_document(PAGES / "gao_06_1046_side_heads.pdf").text
    assert "Massachusetts Division of\nMedical Assistance\nContract with the\nMassachusetts Behavioral\n" \
           "Health Partnership\n\n" in text
    assert "\n\nBeginning in 1996, the Massachusetts DMA entered into a 5-year contract,\nwhich was" in text
    assert "Ontario Realty\nCorporation’s Contract\nwith ProFac\n\n" in text


def test_a_table_beside_its_description_column_is_no_margin_of_side_heads():
    # CRS R45741 p. 9: a table's names and places left of its description column, its headers set
    # larger; read as side heads, each row's description left its name
    text = read_document(PAGES / "crs_r45741_table.pdf").text
    assert " Flight 93 National Memorial   Shanksville, PA   On the morning of September 11, 2001, Flight 93 " \
           "departed\n                                        Newark, NJ, for San Francisco" in text


def test_a_smaller_word_at_a_word_space_stays_in_its_line():
    from bibkaz.read.pdf_layout import Glyph, fragments

    def run(text: str, x: float, size: float) -> list[Glyph]:
        return [Glyph(c, x + i * 0.5 * size, x + (i + 1) * 0.5 * size, 453.5, size) for i, c in enumerate(text)]

    assert [f.text() for f in fragments(run("in", 37.0, 11.0) + run("Smith", 37.0 + 11.0 + 3.0, 9.0))] == ["in Smith"]
