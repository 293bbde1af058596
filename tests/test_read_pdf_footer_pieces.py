"""A running footer cut in pieces at a page's gutter is still furniture (bibkaz/read/pdf_pages.py):
the Frontiers article's foot, as the reader lays out its pages (lines from
tests/corpus/dev's Alien Zoo PDF)."""

from __future__ import annotations

from bibkaz.read.pdf_layout import PageLine
from bibkaz.read.pdf_pages import furniture


def _line(text: str, base: float) -> PageLine:
    return PageLine(text, base, 7.0, top_zone=base > 0.9 * 842, bottom_zone=base < 0.1 * 842)


def test_the_pieces_of_a_footer_cut_at_the_gutter_are_dropped_with_it():
    pages = [[_line("Kuhl et al.", 802), _line("Body text of the page, set in the column.", 400),
              _line(f"Frontiers in Computer Science   {n:02d}   frontiersin.org", 36)] for n in range(1, 13)]
    # pages of two columns (the references): the foot falls into the columns as two lines
    pages.append([_line("Kuhl et al.", 802), _line("Hoffman, R. R., Mueller, S. T., Klein, G., and Litman, J. (2018).", 400),
                  _line("Frontiers in Computer Science   18", 36), _line("frontiersin.org", 36)])
    pages.append([_line("Kuhl et al.", 802), _line("R Core Team (2021). R: A Language and Environment", 400),
                  _line("19   frontiersin.org", 36)])
    dropped = furniture(pages)
    assert {(12, 2), (12, 3), (13, 2)} <= dropped
    # the references beside them stay
    assert (12, 1) not in dropped and (13, 1) not in dropped
