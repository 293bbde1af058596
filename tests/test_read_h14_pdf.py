"""Issue 14: what a PDF's pages hand on that its text conversion does not (page furniture, page
breaks). Plain page data through :func:`bibkaz.read.pdf_pages.assemble`, as the PDF reader gives it."""

from __future__ import annotations

from bibkaz.read.pdf_layout import PageLine
from bibkaz.read.pdf_pages import assemble, furniture


def _line(text: str, size: float = 10.0, base: float = 400.0, top: bool = False, bottom: bool = False) -> PageLine:
    return PageLine(text, base, size, top_zone=top, bottom_zone=bottom)


def _in_focus(last_footer: str) -> list[list[PageLine | None]]:
    """A CRS In Focus of three pages: the site's address at each page's foot, the last page's with
    the product's number and version after it."""
    footer = "https://crsreports.congress.gov"
    return [[_line("The Supplemental Nutrition Assistance Program (SNAP) is the largest"), None,
             _line(footer, 8, 30, bottom=True)],
            [_line("Eligibility depends on income and assets."), None, _line(footer, 8, 30, bottom=True)],
            [_line("Randy Alison Aussenberg, Specialist in Nutrition Assistance Policy"), None,
             _line(last_footer, 8, 30, bottom=True)]]


def test_a_running_footer_with_more_after_it_on_the_last_page_is_furniture_too():
    pages = _in_focus("https://crsreports.congress.gov | IF12255 · VERSION 6 · UPDATED")
    assert furniture(pages) == {(0, 2), (1, 2), (2, 2)}
    assert "crsreports" not in assemble(pages).text


def test_a_line_that_only_begins_like_a_running_footer_stays():
    # the footer's words followed by more letters ("…congress.govinfo") are another line, and a short
    # repeated line ("Notes") is no footer to extend
    pages = _in_focus("https://crsreports.congress.govinfo.example/report")
    assert (2, 2) not in furniture(pages)


def test_a_page_that_opens_in_another_size_starts_a_new_block():
    # a JORS paper: the last reference (10 pt) closes a page, "How to cite this article" (8 pt) opens
    # the next: a blank line between them, so the citation line is not read as that reference's end
    pages = [[_line("5. Xie, Y 2014 Knitr: A comprehensive tool for reproducible research in R."),
              _line("Chapman; Hall/CRC.")],
             [_line("How to cite this article: Boettiger, C 2015 Building Software.", 8)]]
    paged = assemble(pages)
    lines = paged.text.split("\n")
    assert lines[-3:] == ["Chapman; Hall/CRC.", "\f", "How to cite this article: Boettiger, C 2015 Building Software."]
    assert len(paged.pages) == len(lines) and paged.pages[-1] == 2 and paged.pages[-2] == 2


def test_an_entry_going_on_in_the_same_size_on_the_next_page_stays_one_block():
    pages = [[_line("Ana Torres, Rivers and Dams (Lisbon: Tejo")], [_line("Press, 2019), 45.")]]
    assert assemble(pages).text == "Ana Torres, Rivers and Dams (Lisbon: Tejo\n\fPress, 2019), 45."


def _glyphs(text: str, x: float, base: float, size: float) -> list:
    from bibkaz.read.pdf_layout import Glyph

    out, width = [], 0.5 * size
    for char in text:
        out.append(Glyph(char, x, x + width, base, size))
        x += width
    return out


def test_a_drafts_margin_line_numbers_are_dropped():
    from bibkaz.read.pdf_layout import page_lines

    words = ["Datta, V., Oneš, I., Lima, L., Santos, T., & Pereira, P. M. (2016). stringMLST:",
             "String distance based MLST allele calling. Bioinformatics, 32(11), 1640–1642."]
    glyphs = []
    for n in range(14):
        base = 700 - 14 * n
        glyphs += _glyphs(str(90 + n), 150, base, 5) + _glyphs(words[n % 2], 167 if n % 2 == 0 else 180, base, 10)
    lines = [line.text.strip() for line in page_lines(glyphs, 792) if line is not None]
    assert lines[0] == words[0] and lines[1] == words[1] and not any(line[:2].isdigit() for line in lines)


def test_numbered_notes_at_a_pages_foot_keep_their_numbers():
    from bibkaz.read.pdf_layout import page_lines

    glyphs = []
    for n in range(20):
        glyphs += _glyphs("Body text of the brief goes on for many lines here.", 72, 700 - 14 * n, 10)
    for n in range(6):
        glyphs += _glyphs(str(n + 1), 72, 300 - 10 * n, 8) + _glyphs("Ana Torres, Rivers and Dams, 2019.", 80, 300 - 10 * n, 8)
    lines = [line.text for line in page_lines(glyphs, 792) if line is not None]
    assert "1 Ana Torres, Rivers and Dams, 2019." in [line.strip() for line in lines]


def test_a_sections_running_head_after_its_first_page_is_furniture_and_a_heading_twice_is_not():
    head = "Appendix IV: Studies in Literature Review"
    body = [_line(f"Body of page {n} goes on.") for n in range(1)]
    pages = [[_line("Report title", 10, 760, top=True), *body] for _ in range(6)]
    pages += [[_line(head, 10, 760, top=True), _line("Romero-Gwynn, Eunice. “Breast-feeding Pattern.”")],
              [_line(head, 10, 760, top=True), _line("Children 143 (July 1989): 804-808.")],
              [_line("Notes", 12, 760, top=True), _line("¹ Ibid.", 8, 40, bottom=True)],
              [_line("Results", 10, 400)],
              [_line("Notes", 12, 760, top=True), _line("¹ Ibid.", 8, 40, bottom=True)]]
    dropped = furniture(pages)
    assert (6, 0) not in dropped and (7, 0) in dropped  # the section's heading on its first page stays
    assert (8, 0) not in dropped and (10, 0) not in dropped and (8, 1) not in dropped
