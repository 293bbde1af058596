"""Vertical space in a PDF read as pdftotext -layout gives it: a paragraph's break is one blank
line, a section's wide break two (bibkaz/read/pdf_layout.py), which the line finder tells apart."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bibkaz.read import read_document


def article_end(path: Path) -> Path:
    # a BDJ paper's last page as it is set: references, then well below them its supplements
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    for line in ["Vattakaven T, George R (2016) India Biodiversity Portal: an integrated platform.",
                 "Biodiversity Data Journal 4: e10279.", "",
                 "Wynter-Blyth MA (1957) Butterflies of the Indian Region. Today and Tomorrows",
                 "Printers and Publishers, New Delhi, 523 pp."]:
        if line:
            c.drawString(72, y, line)
        y -= 12.5 if line else 8
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, y - 40, "Supplementary materials")
    c.setFont("Helvetica", 10)
    c.drawString(72, y - 64, "Suppl. material 1: Percentage matrix fill of the SDR-simplex analyses.")
    c.drawString(90, y - 82, "Authors: Sawant, M., Sarang, S., Modak, N.")
    c.showPage()
    c.save()
    return path


def test_a_sections_wide_break_is_two_blank_lines_and_a_paragraphs_one(tmp_path):
    text = read_document(article_end(tmp_path / "end.pdf")).text
    assert "Biodiversity Data Journal 4: e10279.\n\nWynter-Blyth MA (1957)" in text
    assert "New Delhi, 523 pp.\n\n\nSupplementary materials\n\nSuppl. material 1" in text
    assert "\n\n\n\n" not in text
