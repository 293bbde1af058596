"""A manuscript's right-margin line counter is read past; page numbers and table columns are kept."""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.margin_numbers import without_margin_numbers
from bibkaz.model import Document
from bibkaz.pipeline import extract_document

DEV = Path(__file__).parent / "corpus" / "dev"


def test_a_line_counter_on_most_lines_is_cut_off_line_for_line():
    body = [f"   Sentence {i} of a manuscript that cites [1] and goes on here.{' ' * 12}{100 + i}" for i in range(40)]
    text = "\n\n".join(body)
    cut = without_margin_numbers(text)
    assert cut is not None and cut.count("\n") == text.count("\n")
    assert cut.split("\n")[0] == "   Sentence 0 of a manuscript that cites [1] and goes on here."


def test_page_numbers_and_a_tables_last_column_are_no_line_counter():
    pages = "\n".join(f"Some running text on page {p}.\nMore text.\n\nCongressional Research Service        {p}\n\f"
                      for p in range(1, 40))
    assert without_margin_numbers(pages) is None
    table = "\n".join(f"County {i}      Georgia      {i * 7 % 31}" for i in range(60))
    assert without_margin_numbers(table) is None


def test_a_plos_manuscript_with_margin_line_numbers_gives_its_numbered_references():
    # PLOS's LaTeX template, pdftotext -layout: "… PLoS Biology. 2014;12(1):e1001745.        728"
    path = DEV / "dev12_plos_cb_good_enough_practices.txt"
    extraction, _ = extract_document(path)
    listed = [r for r in extraction.references if r.kind == "reference-list"]
    assert len(listed) == 20 and listed[0].line == 1806
    assert listed[0].text.endswith("doi:10.1371/journal.pbio.1001745.")  # no "727 … 729" in the entry
    assert not any(r.text.rstrip(".").split()[-1].isdigit() and len(r.text.split()) < 3 for r in extraction.references)
    assert extraction.document.text == path.read_text(encoding="utf-8")  # the user's text, as it is
