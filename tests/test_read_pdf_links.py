"""Issue 14: a PDF's link annotations written as the HTML and Word readers write links.

In running text a link is a Markdown link ("[words](url)"); in a note at the
page's foot or an entry under a references heading the address follows the
words ("Title <url>"). The PDFs are drawn by reportlab and read through PDFium.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bibkaz.read.pdf import pdf_to_text
from bibkaz.read.pdf_layout import LINK_CLOSE, LINK_END, LINK_OPEN
from bibkaz.read.pdf_links import render_links

BODY, NOTE = 10.0, 8.0


def _linked(c: canvas.Canvas, x: float, y: float, words: str, url: str, size: float) -> float:
    """Draws ``words`` at (x, y) under a link annotation to ``url``; returns the x after them."""
    c.setFont("Helvetica", size)
    c.drawString(x, y, words)
    width = c.stringWidth(words, "Helvetica", size)
    c.linkURL(url, (x, y - 2, x + width, y + size), relative=0)
    return x + width


def _brief(path: Path) -> Path:
    """A page whose running text links a portal's words, and whose foot note and reference entry
    link a report's title; the link over two lines of text is two annotations with one URL."""
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 760.0
    for i in range(8):
        c.setFont("Helvetica", BODY)
        if i == 2:
            c.drawString(72, y, "See the")
            x = _linked(c, 72 + c.stringWidth("See the ", "Helvetica", BODY), y, "flood portal",
                        "https://floods.example.org/maps", BODY)
            c.setFont("Helvetica", BODY)
            c.drawString(x + c.stringWidth(" ", "Helvetica", BODY), y, "for the maps of the basin.")
        elif i == 4:
            c.drawString(72, y, "The basin plan was written by the")
            _linked(c, 72 + c.stringWidth("The basin plan was written by the ", "Helvetica", BODY), y,
                    "river", "https://basin.example.org/plan", BODY)
        elif i == 5:
            x = _linked(c, 72, y, "authority", "https://basin.example.org/plan", BODY)
            c.setFont("Helvetica", BODY)
            c.drawString(x, y, " in the year the dams were built.")
        else:
            c.drawString(72, y, f"Body line {i} of the page about rivers and dams.")
        y -= BODY * 1.25
    y -= 2 * BODY
    c.setFont("Helvetica-Bold", BODY)
    c.drawString(72, y, "References")
    y -= BODY * 1.5
    c.setFont("Helvetica", BODY)
    c.drawString(72, y, "Chen, W. 2021.")
    x = _linked(c, 72 + c.stringWidth("Chen, W. 2021. ", "Helvetica", BODY), y, "Flood Maps of the Basin.",
                "https://maps.example.org/report", BODY)
    c.setFont("Helvetica", BODY)
    c.drawString(x + 3, y, "Basin Press.")
    c.setFont("Helvetica", NOTE)
    c.drawString(72, 80, "1 World Bank,")
    _linked(c, 72 + c.stringWidth("1 World Bank, ", "Helvetica", NOTE), 80, "Water Report 2020",
            "https://bank.example.org/water-2020", NOTE)
    c.showPage()
    c.save()
    return path


def test_links_are_markdown_in_running_text_and_follow_their_words_in_notes_and_entries(tmp_path):
    text = pdf_to_text(_brief(tmp_path / "linked.pdf").read_bytes(), "x", links=True).text
    assert "See the [flood portal](https://floods.example.org/maps) for the maps of the basin." in text
    # one link over two lines: one Markdown link whose words run over the line break
    assert "The basin plan was written by the [river\nauthority](https://basin.example.org/plan) in the year" in text
    assert "Chen, W. 2021. Flood Maps of the Basin. <https://maps.example.org/report> Basin Press." in text
    assert "1 World Bank, Water Report 2020 <https://bank.example.org/water-2020>" in text
    assert not any(mark in text for mark in (LINK_OPEN, LINK_CLOSE, LINK_END))


def test_without_links_the_words_alone():
    # the same marks never reach the text when links are off: pdf_pages(links=False) sets none
    assert render_links(["plain words"], [False]) == ["plain words"]


def test_marks_whose_other_half_was_dropped_do_not_stay_in_the_text():
    # the open of the first link was on a dropped running head; the second link's close on the next page
    lines = [f"the report{LINK_CLOSE}https://x.example.org/r{LINK_END} said", f"{LINK_OPEN}words at the foot"]
    assert render_links(lines, [False, False]) == ["the report <https://x.example.org/r> said", "words at the foot"]


def test_words_with_brackets_keep_no_markdown_link():
    lines = [f"see {LINK_OPEN}[2]{LINK_CLOSE}https://x.example.org/r{LINK_END} here"]
    assert render_links(lines, [False]) == ["see [2] here"]
