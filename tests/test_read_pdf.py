"""Issue 14, item 1: PDFs read with their layout: columns, raised calls, page feet, pages.

The PDFs are made by reportlab (tests/laid_out/make_pdf.py) and read through
PDFium, as a user's file is; nothing is mocked.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read import read_document
from bibkaz.read.pdf_layout import Glyph, page_lines
from bibkaz.read.pdf_pages import join_hyphens, vocabulary
from bibkaz.read.pdf import pdf_to_text
from tests.laid_out.make_pdf import Page, write_linked, write_pdf, write_scan

NOTE_1 = "1 Ana Torres, Rivers and Dams (Lisbon: Tejo Press, 2019), 45."
NOTE_2 = "2 Wei Chen, \u201cFlood Maps,\u201d Journal of Hydrology 12 (2021): 201-219."
NOTE_3 = "3 World Bank, Water Report 2020 (Washington, DC: World Bank, 2020)."


def _t(text):
    return [(text, False)]


def brief_pages():
    left = [_t("Dams change rivers in many ways, and"), _t("their effects reach far down-"),
            [("stream, as studies show.", False), ("1", True)], _t("The sediment they hold back"),
            _t("is lost to the delta."), _t("More text in the left column."), _t("Still the left column here."),
            _t("Last line on the left.")]
    right = [_t("The right column starts here"), _t("and floods are mapped better"),
             [("today than before.", False), ("2", True), (" Next", False)], _t("sentence in the right column."),
             _t("More right column text."), _t("Even more on the right."), _t("Nearly done on the right."),
             _t("Last line on the right.")]
    return [Page([left, right], notes=[NOTE_1, NOTE_2], title="A Brief on Rivers"),
            Page([[_t("Page two goes on about the dams that were built"), _t("along the river in the last decades,"),
                   [("and about the water they hold back.", False), ("3", True)], _t("Then the brief turns to floods.")]],
                 notes=[NOTE_3]),
            Page([[_t("Page three closes the brief.")]])]


def test_columns_calls_notes_heads_and_pages(tmp_path):
    doc = read_document(write_pdf(tmp_path / "brief.pdf", brief_pages()))
    lines = doc.lines
    text = doc.text
    # left column before right column, the broken word whole, calls raised
    assert text.index("Last line on the left.") < text.index("The right column starts here")
    assert "their effects reach far downstream," in lines and "as studies show.¹" in lines
    assert "today than before.² Next" in lines
    # the notes after both columns, at the page's foot, numbers as superscripts
    assert text.index("Last line on the right.") < text.index("¹ Ana Torres") < text.index("² Wei Chen")
    assert "¹ " + NOTE_1[2:] in lines and "² " + NOTE_2[2:] in lines
    # running head and page numbers dropped, one form feed per new page
    assert "Policy Brief" not in text and not any(line.strip() in ("1", "2", "3") for line in lines)
    assert text.count("\f") == 2
    # each line's page
    assert len(doc.pages) == len(lines)
    assert doc.page_of(lines.index("and about the water they hold back.³") + 1) == 2
    assert doc.page_of(len(lines)) == 3 and doc.page_of(1) == 1


def test_extract_on_a_pdf_links_calls_to_notes(tmp_path):
    write_pdf(tmp_path / "brief.pdf", brief_pages())
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "brief.pdf"), "-o", str(tmp_path / "o.bib"),
                                       "--json", str(out)])
    assert result.exit_code == 0, result.output
    works = json.loads(out.read_text())["works"]
    titles = {w["csl"].get("title", ""): w for w in works}
    assert {"Rivers and Dams", "Flood Maps", "Water Report 2020"} <= set(titles)
    assert all(titles[t].get("citations") for t in ("Rivers and Dams", "Flood Maps", "Water Report 2020"))


def test_scans_encrypted_and_damaged_pdfs_get_one_line_each_and_the_others_go_on(tmp_path):
    write_pdf(tmp_path / "good.pdf", brief_pages())
    write_scan(tmp_path / "scan.pdf")
    write_pdf(tmp_path / "locked.pdf", brief_pages(), encrypt="secret")
    good = (tmp_path / "good.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "o.bib"), "--json", str(out)])
    assert "Traceback" not in result.output
    said = {name: [line for line in result.output.splitlines() if name in line]
            for name in ("scan.pdf", "locked.pdf", "junk.pdf")}
    assert said["scan.pdf"] == [line for line in said["scan.pdf"] if "no text layer: run OCR first" in line]
    assert len(said["scan.pdf"]) == 1 and len(said["locked.pdf"]) == 1 and "encrypted" in said["locked.pdf"][0]
    assert len(said["junk.pdf"]) == 1 and "damaged" in said["junk.pdf"][0]
    assert "Rivers and Dams" in out.read_text()


def test_a_raised_smaller_digit_is_a_call_and_a_same_size_one_is_text():
    def word(text, x, base, size):
        out = []
        for ch in text:
            out.append(Glyph(ch, x, x + size * 0.5, base, size))
            x += size * 0.5
        return out, x

    body, x = word("Dams.", 72, 700, 10)
    call, x = word("12", x, 703.3, 7)
    rest, _ = word("Next", x + 3, 700, 10)
    same, _ = word("In 2019 too", 72, 686, 10)
    lines = [line.text for line in page_lines(body + call + rest + same, 842) if line]
    assert lines == ["Dams.¹² Next", "In 2019 too"]


def test_hyphens_join_words_and_keep_compounds_the_document_spells_with_one():
    words = vocabulary(["a revenue-maximizing rate"])
    assert join_hyphens(["the revenue-", "maximizing rate", "a develop-", "ment plan"], words) == [
        "the revenue-maximizing", "rate", "a development", "plan"]
    assert join_hyphens(["see https://example.org/a-", "b", "Franco-", "German"]) == [
        "see https://example.org/a-", "b", "Franco-", "German"]


def test_a_compound_of_two_words_the_document_uses_keeps_its_hyphen():
    # GAO-05-927: "cost-" / "benefit" read as "costbenefit"; the report uses "cost" and "benefit" alone
    lines = ["the cost of a program and its benefit to users", "a cost-", "benefit analysis and a develop-",
             "ment plan with a second-", "ments section", "the largest cost"]
    words = vocabulary(lines)
    assert words["ments"] == 0 and words["cost"] == 2  # the halves of a broken word are no words of their own
    assert join_hyphens(lines, words)[1:] == [
        "a cost-benefit", "analysis and a development", "plan with a secondments", "section", "the largest cost"]


def test_a_link_annotation_in_running_text_is_a_markdown_link_when_asked(tmp_path):
    pdf = write_linked(tmp_path / "linked.pdf", "flood portal", "https://floods.example.org/maps").read_bytes()
    assert "See the [flood portal](https://floods.example.org/maps) for the maps." in pdf_to_text(pdf, "x", links=True).text
    assert "See the flood portal for the maps." in pdf_to_text(pdf, "x", links=False).text


def test_a_note_continued_on_the_next_page_is_joined_and_its_marker_dropped():
    from bibkaz.read.pdf_layout import PageLine
    from bibkaz.read.pdf_pages import assemble

    def line(text, size, base=100.0):
        return PageLine(text, base, size, top_zone=False, bottom_zone=False)

    pages = [[line("Body text on page one.²⁰", 11), None, line("²⁰ See Joint Committee on Taxation, which", 9),
              line("compared (continued...)", 9)],
             [line("Page two's body goes on.", 11), None, line("2017 and 2018 tax data.", 9),
              line("²¹ Internal Revenue Service, Tax Gap Estimates.", 9)]]
    text = assemble(pages).text
    assert "compared\n2017 and 2018 tax data.\n\f" in text and "continued" not in text
    assert text.endswith("Page two's body goes on.\n\n²¹ Internal Revenue Service, Tax Gap Estimates.")


def test_a_word_space_drawn_at_the_next_glyphs_edge_stays_before_it():
    # PDFium puts a space it generates at the next glyph's left edge, here 3e-5 pt to its right:
    # sorted by edge alone it fell after the "b" and a JOSS paper read "The b inomial_cis package"
    glyphs, x = [], 72.0
    for ch in "The":
        glyphs.append(Glyph(ch, x, x + 5.0, 700, 10))
        x += 5.0
    glyphs.append(Glyph(" ", x + 3.3127, x + 3.3127, 700, 10))
    x += 3.31267
    for ch in "binomial":
        glyphs.append(Glyph(ch, x, x + 5.0, 700, 10))
        x += 5.0
    assert [line.text for line in page_lines(glyphs, 842) if line] == ["The binomial"]


def test_a_tables_narrow_first_column_is_no_page_column():
    # a CRS table (R45741): memorial | citation | place. Its first column's edge looked like a gutter,
    # and the page was read as two columns: all the names, then all the citations and places
    def cell(text, x, base):
        return [Glyph(ch, x + 5 * i, x + 5 * i + 5, base, 10) for i, ch in enumerate(text) if ch != " "] + [
            Glyph(" ", x + 5 * i, x + 5 * i, base, 10) for i, ch in enumerate(text) if ch == " "]

    glyphs = []
    for n in range(10):
        base = 700 - 14 * n
        glyphs += cell(f"National Memorial Site {n}", 72, base) + cell(f"P.L. 10{n}-1, 94 Stat. 7{n} (1980)", 215, base)
        glyphs += cell(f"Town {n}, VA", 420, base)
    lines = [line.text.strip() for line in page_lines(glyphs, 842) if line]
    assert lines[0] == "National Memorial Site 0   P.L. 100-1, 94 Stat. 70 (1980)   Town 0, VA" and len(lines) == 10


def test_a_document_reopened_every_few_pages_reads_the_same(tmp_path, monkeypatch):
    # PDFium's caches grow with every page opened: the reader opens the document afresh every
    # PAGES_PER_OPEN pages (100), which must not change a line of what it reads
    from bibkaz.read import pdf as pdf_module

    data = write_pdf(tmp_path / "brief.pdf", brief_pages()).read_bytes()
    whole = pdf_to_text(data, "brief.pdf")
    monkeypatch.setattr(pdf_module, "PAGES_PER_OPEN", 1)
    assert pdf_to_text(data, "brief.pdf") == whole and max(whole.pages) == 3
