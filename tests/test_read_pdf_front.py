"""A paper's first page read from a real PDF (reportlab): the affiliations under its byline,
each opened by a raised number as a note is, are no notes; a note at the page's foot still is."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bibkaz.read import read_document
from bibkaz.read.pdf_front import unmark_affiliations
from bibkaz.read.pdf_layout import PageLine

BODY, SMALL = 10.0, 8.0
TEXT = ["Ecologists share software in many ways, and the project we describe here grew",
        "out of a group of graduate students who wrote packages for their own work and",
        "then for others, as earlier studies of research software also found in the field.",
        "It now reviews packages and trains the people who write them, all over the world."]


def _raised(c: canvas.Canvas, x: float, y: float, pieces: list[tuple[str, bool]], size: float) -> None:
    for text, raised in pieces:
        font = size * 0.7 if raised else size
        c.setFont("Helvetica", font)
        c.drawString(x, y + (size * 0.33 if raised else 0), text)
        x += c.stringWidth(text, "Helvetica", font)


def paper(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 740, "Building Software, Building Community")
    _raised(c, 72, 710, [("Carl Boettiger", False), ("1", True), (", Scott Chamberlain", False), ("2", True)], 12)
    _raised(c, 72, 690, [("1", True), (" Department of Environmental Science, University of California, Berkeley", False)], SMALL)
    _raised(c, 72, 678, [("2", True), (" The rOpenSci project, Berkeley Institute for Data Science", False)], SMALL)
    for i, line in enumerate(TEXT):
        pieces = [(line, False), ("1", True)] if i == len(TEXT) - 1 else [(line, False)]
        _raised(c, 72, 640 - i * BODY * 1.3, pieces, BODY)
    _raised(c, 72, 80, [("1", True), (" Ana Torres, Rivers and Dams (Lisbon: Tejo Press, 2019), 45.", False)], SMALL)
    c.showPage()
    c.save()
    return path


def test_affiliations_under_a_byline_lose_their_marks_and_a_foot_note_keeps_its_number(tmp_path):
    lines = read_document(paper(tmp_path / "paper.pdf")).lines
    assert "Carl Boettiger, Scott Chamberlain" in lines
    assert "Department of Environmental Science, University of California, Berkeley" in lines
    assert "The rOpenSci project, Berkeley Institute for Data Science" in lines
    assert TEXT[-1] + "¹" in lines
    assert "¹ Ana Torres, Rivers and Dams (Lisbon: Tejo Press, 2019), 45." in lines


def _line(text: str, size: float, base: float = 500.0) -> PageLine:
    return PageLine(text, base, size, top_zone=False, bottom_zone=False)


def test_notes_under_running_text_and_marks_without_a_byline_stay():
    # a brief's first page: text with calls, then its notes; no byline above them
    brief = [_line("A primary goal of the agenda is to shift time and effort to high-value work.¹", 11.0),
             None, _line("¹ President’s Management Agenda, CAP Goal 6.", 9.0)]
    assert unmark_affiliations(brief, 11.0) == brief
    # lines opened by raised numbers before any text, but no line above marks them: left as they are
    loose = [_line("A Title", 16.0), _line("¹ Somewhere, Someplace", 8.0)]
    assert unmark_affiliations(loose, 10.0) == loose
