"""Numbers no reader can count with fail no file (bibkaz/read/numbers.py).

The readers took a list's start, a note anchor's words, a Word heading's outline level and a PDF
line's opening digits as numbers wherever ``str.isdigit`` said so; it says so of "²", "①" and of
5,000 digits, which ``int`` refuses, and the whole file was reported as failed. Each file here is
one a real tool writes or a hand makes: read, with the rest of its text and its reference.
"""

from __future__ import annotations

from click.testing import CliRunner
from reportlab.pdfgen import canvas

from bibkaz.cli import main
from bibkaz.read import read_document
from bibkaz.read.html import html_to_text
from bibkaz.read.markdown import markdown_to_text_and_origin
from bibkaz.read.numbers import is_number, number
from tests.laid_out.make_docx import run, write_docx

REFERENCE = "Smith, J. (2020). Deep Rivers of the World. Oxford: Oxford University Press."


def test_a_number_is_one_to_nine_decimal_digits_of_any_script():
    assert number("12", 1) == 12 and number("١٢", 1) == 12
    assert number("²", 1) == 1 and number("①", 1) == 1 and number("9" * 5000, 1) == 1 and number("", 1) == 1
    assert is_number("123456789") and not is_number("1234567890") and not is_number("-3")


def test_a_list_starting_at_a_superscript_or_a_runaway_number_counts_from_one():
    assert html_to_text('<ol start="²"><li>Ana</li><li>Ben</li></ol>') == "1. Ana\n\n2. Ben\n"
    assert html_to_text(f'<ol start="{"9" * 5000}"><li>Ana</li></ol>') == "1. Ana\n"
    assert html_to_text('<ol start="7"><li>Ana</li></ol>') == "7. Ana\n"


def test_a_markdown_note_anchored_on_a_superscript_digit_is_read():
    text, _ = markdown_to_text_and_origin(f'Rivers run.<sup>[2](#fn2)</sup>\n\n<a id="fn2">²</a> {REFERENCE}\n')
    assert REFERENCE in text


def _margin_numbered_pdf(path):
    """A draft's page whose lines open with small superscript characters in the margin."""
    c = canvas.Canvas(str(path))
    y = 780
    for i in range(20):
        c.setFont("Helvetica", 4)
        c.drawString(50, y, "¹²³"[i % 3])
        c.setFont("Helvetica", 10)
        c.drawString(72, y, f"Line {i} of the draft runs across the page with enough words in it." if i < 19 else REFERENCE)
        y -= 14
    c.save()
    return path


def test_pdf_word_and_pages_holding_such_numbers_are_read_whole_and_extract_reads_them_all(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _margin_numbered_pdf(folder / "draft.pdf")
    heading = '<w:p><w:pPr><w:outlineLvl w:val="²"/></w:pPr>' + run("References") + "</w:p>"
    write_docx(folder / "brief.docx", [heading, "<w:p>" + run(REFERENCE) + "</w:p>"], {}, {}, {})
    (folder / "page.html").write_text(f'<h2>References</h2><ol start="①"><li>{REFERENCE}</li></ol>', encoding="utf-8")
    for name in ("draft.pdf", "brief.docx", "page.html"):
        assert REFERENCE in read_document(folder / name).text, name
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(tmp_path / "out.bib")])
    assert result.exit_code == 0 and "bibkaz: 3 documents" in result.output, result.output
