"""A web page made a Word file keeps its site's furniture as paragraphs; pandoc leaves each division's id
as a bookmark around them, and the Word reader drops what the HTML reader drops by those names."""

from __future__ import annotations

from pathlib import Path

from bibkaz.read import read_document
from tests.laid_out.make_docx import footnote_call, link, paragraph, run, write_docx

LAID_OUT = Path(__file__).parent / "laid_out"


def _start(number: int, name: str) -> str:
    return f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>'


def _end(number: int) -> str:
    return f'<w:bookmarkEnd w:id="{number}"/>'


def test_a_blogs_sidebar_goes_its_footer_keeps_words_and_a_note_call_inside_stays(tmp_path):
    # the shape of pandoc's Word file of a blog page (a sidebar with a menu and "Powered by" two links)
    body = [
        _start(1, "sidebar"),
        paragraph(link("Pump.io Social Network", "rIdS"), bulleted=True),
        paragraph(run("Powered by"), style="Heading2"),
        paragraph(link("A Very Old Fork of Jekyll", "rIdJ")),
        _end(1),
        _start(2, "contentWithSidebar"),  # a whole word only: "contentWithSidebar" is the text
        paragraph(run("On Recent Events"), style="Heading1"),
        paragraph(run("The post cites a "), link("report", "rIdR"), run(".")),
        _end(2),
        _start(3, "prevlink"),
        paragraph(run("Kept for its call."), footnote_call(2)),
        _end(3),
        _start(4, "footer"),
        paragraph(run("Licensed under a "), link("Creative Commons licence", "rIdC"), run(".")),
        _end(4),
    ]
    path = write_docx(tmp_path / "page.docx", body, footnotes={2: "A note."}, endnotes={},
                      links={"rIdS": "http://identi.ca/x/", "rIdJ": "https://gitorious.org/x/jekyll",
                             "rIdR": "https://example.org/report", "rIdC": "https://creativecommons.org/licenses/by/4.0/"})
    text = read_document(path).text
    assert "Pump.io" not in text and "Powered by" not in text and "Jekyll" not in text
    assert "The post cites a [report](https://example.org/report)." in text
    assert "Kept for its call.¹" in text
    assert "Licensed under a Creative Commons licence." in text


def test_a_whole_wikipedia_page_in_word_loses_its_menus_contents_and_categories():
    # tests/laid_out/wiki_material_handling.docx: pandoc's Word file of the saved page (make_wiki.py)
    text = read_document(LAID_OUT / "wiki_material_handling.docx").text
    for chrome in ("Personal tools", "Create account", "Random article", "### Contents", "Categories:"):
        assert chrome not in text
    assert "This page was last edited on 6 August 2019" in text  # the footer's words: the own record's date
    assert "2. Chu, 1995." in text and "Chu, H.K., Egbelu, P.J., and Wu, C.T., 1995" in text


def test_the_title_blocks_title_writers_and_date_are_the_front_matter_they_came_from(tmp_path):
    # pandoc's Word file of a page whose <meta name="author"> gives the writer and his address
    body = [
        paragraph(run("On Recent Controversial Events"), style="Title"),
        paragraph(run("Bradley M. Kuhn (http://ebb.org/bkuhn/)"), style="Author"),
        paragraph(run("Pao Corrales"), style="Author"),
        paragraph(run("2019-10-15"), style="Date"),
        paragraph(run("The post.")),
    ]
    text = read_document(write_docx(tmp_path / "post.docx", body, footnotes={}, endnotes={}, links={})).text
    assert text.split("\n")[:7] == ["---", 'title: "On Recent Controversial Events"', "author:",
                                    "  - Bradley M. Kuhn (http://ebb.org/bkuhn/)", "  - Pao Corrales", 'date: "2019-10-15"', "---"]
    assert "## On Recent Controversial Events" in text and "The post." in text


def test_a_menus_items_named_by_their_bookmarks_go_and_words_own_bookmarks_do_not(tmp_path):
    # pandoc's Word file of a WordPress post (a Wikimedia Foundation news page): each menu item's id
    # ("menu-item-45") is a bookmark inside its paragraph, not around it; the menu made 17 cited works
    body = [
        paragraph(_start(1, "menu-item-45") + link("Advocacy", "rIdA") + _end(1), bulleted=True),
        paragraph(_start(2, "menu-item-46") + link("Wikimedia Chapters", "rIdB") + _end(2), bulleted=True),
        paragraph(_start(3, "_Toc491") + run("Access to Wikipedia restored") + _end(3), style="Heading1"),
        paragraph(_start(4, "menu-note") + run("A menu's words with a call."), footnote_call(2)),
        paragraph(run("Read the "), _start(5, "menu-item-47"), link("ruling", "rIdC"), _end(5), run(".")),
    ]
    write_docx(tmp_path / "post.docx", body, footnotes={2: "Wikimedia Foundation, Annual Report 2019."},
               endnotes={}, links={"rIdA": "https://wikimediafoundation.org/advocacy/",
                                   "rIdB": "https://meta.wikimedia.org/wiki/Wikimedia_chapters",
                                   "rIdC": "https://wikimediafoundation.org/news/2019/12/26/ruling/"})
    text = read_document(tmp_path / "post.docx").text
    assert "Advocacy" not in text and "Wikimedia Chapters" not in text
    # Word's own bookmark, a paragraph holding a call, and a bookmark after the paragraph's first words stay
    assert "Access to Wikipedia restored" in text and "A menu's words with a call.¹" in text
    assert "Read the [ruling](https://wikimediafoundation.org/news/2019/12/26/ruling/)." in text
