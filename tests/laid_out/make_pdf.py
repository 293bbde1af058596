"""Writes small real PDFs for the PDF reader's tests with reportlab's canvas.

Each page is laid out as briefs are: a running head and a page number on every
page, body text in one or two columns, note calls set as raised smaller digits
(a text rise of a third of the size, 70 % of the size, as word processors set
them) and the notes at the page's foot in a smaller size. Positions are exact,
so a test can say what the reader must give back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

BODY = 10.0
NOTE = 8.0


@dataclass
class Page:
    """Lines per column: each line is a list of (text, raised) pieces; notes at the foot."""

    columns: list[list[list[tuple[str, bool]]]]
    notes: list[str] = field(default_factory=list)
    title: str = ""


def _line(c: canvas.Canvas, x: float, y: float, pieces: Sequence[tuple[str, bool]], size: float) -> None:
    for text, raised in pieces:
        font_size = size * 0.7 if raised else size
        rise = size * 0.33 if raised else 0
        c.setFont("Helvetica", font_size)
        c.drawString(x, y + rise, text)
        x += c.stringWidth(text, "Helvetica", font_size)


def write_pdf(path: Path, pages: Sequence[Page], head: str = "Rivers and Dams: A Policy Brief",
              encrypt: str | None = None) -> Path:
    """A PDF at ``path``; ``encrypt`` sets a user password."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    width, height = A4
    for number, page in enumerate(pages, start=1):
        c.setFont("Helvetica", 8)
        c.drawString(72, height - 40, head)
        c.drawRightString(width - 72, 30, str(number))
        y0 = height - 90
        if page.title:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(72, y0, page.title)
            y0 -= 30
        gutter = 24
        col_width = (width - 144 - gutter * (len(page.columns) - 1)) / len(page.columns)
        for i, column in enumerate(page.columns):
            x = 72 + i * (col_width + gutter)
            for j, line in enumerate(column):
                _line(c, x, y0 - j * BODY * 1.25, line, BODY)
        y = 60 + (len(page.notes) - 1) * NOTE * 1.25
        if page.notes:
            c.line(72, y + NOTE * 1.6, 200, y + NOTE * 1.6)
        for note in page.notes:
            number, _, text = note.partition(" ")
            _line(c, 72, y, [(number, True), (" " + text, False)], NOTE)
            y -= NOTE * 1.25
        c.showPage()
    c.save()
    return path


def write_scan(path: Path) -> Path:
    """A PDF whose pages hold only a drawing, as a scan holds only an image: no text layer."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.rect(72, 72, 300, 500, fill=1)
        c.showPage()
    c.save()
    return path


def write_linked(path: Path, words: str, url: str, before: str = "See the ") -> Path:
    """One page with a line whose ``words`` carry a link annotation to ``url``."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", BODY)
    for i in range(6):
        y = 700 - i * BODY * 1.25
        if i == 2:
            c.drawString(72, y, before)
            x = 72 + c.stringWidth(before, "Helvetica", BODY)
            c.drawString(x, y, words)
            c.linkURL(url, (x, y - 2, x + c.stringWidth(words, "Helvetica", BODY), y + BODY), relative=0)
            c.drawString(x + c.stringWidth(words + " ", "Helvetica", BODY), y, "for the maps.")
        else:
            c.drawString(72, y, f"Body line {i} of the page about rivers and dams.")
    c.showPage()
    c.save()
    return path
