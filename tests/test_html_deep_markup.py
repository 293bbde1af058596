"""A page nested deeper than libxml2 builds a tree is read whole (bibkaz/read/html_depth.py).

libxml2 stops at 2,048 open elements and drops the rest of the page without an error: an old page
that opens a ``<font>`` in each paragraph and never closes it read as its first 1,023 paragraphs,
its references after them lost, and a page of 5,000 nested ``<div>``s read as nothing at all.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read.html import html_to_text
from bibkaz.read.html_depth import MAX_DEPTH, flattened

REFERENCE = "Smith, J. (2020). Deep Rivers of the World. Oxford: Oxford University Press."


@pytest.mark.parametrize("tag", ["font", "span", "div", "blockquote"])
def test_paragraphs_each_opening_an_element_never_closed_are_all_read_each_on_its_line(tag):
    page = ("<html><body>" + "".join(f"<p><{tag}>Paragraph {i} of the brief." for i in range(3000))
            + f"<h2>References</h2><p>{REFERENCE}</p></body></html>")
    lines = html_to_text(page).splitlines()
    assert sum(line == f"Paragraph {i} of the brief." for i, line in enumerate(lines[::2])) == 3000
    assert REFERENCE in lines and "References" in lines


def test_a_page_nested_thousands_deep_keeps_its_text_and_what_follows():
    page = "<html><body>" + "<div>" * 5000 + REFERENCE + "</div>" * 5000 + "<p>After the boxes.</p></body></html>"
    assert html_to_text(page) == REFERENCE + "\n\nAfter the boxes.\n"


def test_a_page_within_the_limit_is_read_as_before():
    page = "<html><body>" + "<div>" * 1500 + REFERENCE + "</div>" * 1500 + "<p>After.</p></body></html>"
    assert html_to_text(page) == REFERENCE + "\n\nAfter.\n"


def test_flattening_sets_an_element_past_the_limit_beside_the_innermost_one():
    markup = "<div>" * (MAX_DEPTH + 2) + "x"
    out = flattened(markup)
    assert out.count("</div>") == 2 and out.endswith("</div><div>x")
    # void elements, self-closed ones and end tags open nothing
    assert flattened("<br>" * 2000 + "<img/>" * 2000 + "</p>" * 2000) == "<br>" * 2000 + "<img/>" * 2000 + "</p>" * 2000


def test_extract_finds_the_reference_after_three_thousand_unclosed_paragraph_fonts(tmp_path):
    page = tmp_path / "old_page.html"
    page.write_text("<html><body>" + "".join(f"<p><font face=Arial>Rivers run {i}." for i in range(3000))
                    + f"<h2>References</h2><p>{REFERENCE}</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.bib"
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "Deep Rivers of the World" in out.read_text(encoding="utf-8")
