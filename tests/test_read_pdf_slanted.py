"""Slanted (synthetic italic) glyphs read as text of their line, words spaced (bibkaz/read/pdf.py): a
Manubot PDF's journal names, set by shearing an upright font (tests/fixtures/pdf_pages/SOURCES.md,
CC BY 4.0)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.read import read_document
from bibkaz.read.pdf import pdf_pages

PAGE = Path(__file__).parent / "fixtures" / "pdf_pages" / "manubot_slanted_journals.pdf"


def test_a_slanted_journal_name_is_kept_and_spaced_as_its_words():
    # taken for a watermark's turned letters, every journal name was dropped ("(2017-08-31) https://…");
    # kept, the slant of each glyph's box closed the word spaces ("JournalofHymenopteraResearch")
    text = read_document(PAGE).text
    assert "Journal of Hymenoptera Research (2017-08-31) https://doi.org/gbv38b" in text
    assert "Status Prаеsens (2017-09-12)" in text
    assert "Science (2017-07-27) https://doi.org/gbqq99" in text


def test_a_slanted_line_is_as_large_as_the_upright_lines_of_its_entry():
    lines = [line for line in pdf_pages(PAGE.read_bytes(), str(PAGE), links=False)[0] if line is not None]
    journal = next(line for line in lines if "Journal of Hymenoptera Research" in line.text)
    authors = next(line for line in lines if "Andrey I Khalaim" in line.text)
    assert journal.size == authors.size
