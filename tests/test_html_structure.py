"""What the HTML reader keeps of a page's structure for the extract stage."""

from __future__ import annotations

from bibkaz.read.html import html_to_text

PAGE = """<html><head><title>Mozilla</title>
<meta name="citation_title" content="Mozilla"><meta name="citation_author" content="Lee, Ann">
<meta name="citation_author" content="Ruiz, Maria"></head><body>
<p>Mozilla was founded in 1998.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
See <a href="https://example.org/menu">the menu</a>.</p>
<h2>References<span class="mw-editsection">[edit]</span></h2>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#r1">^</a></span>
<cite><a class="external text" href="https://www.mozilla.org/about/">About Mozilla</a>. Mozilla Foundation.</cite></li>
<li>2. Writes its own number. <a href="https://example.org/two">Two</a></li></ol>
<ul><li><a href="https://de.wikipedia.org/wiki/Mozilla">Deutsch</a></li></ul></body></html>"""


def test_numbered_list_items_keep_their_numbers_and_lose_back_links():
    text = html_to_text(PAGE)
    assert "1. About Mozilla <https://www.mozilla.org/about/>. Mozilla Foundation." in text.split("\n")
    assert "2. Writes its own number. Two <https://example.org/two>" in text.split("\n")
    assert "^" not in text and "[edit]" not in text


def test_link_addresses_follow_their_words_where_references_stand_and_are_markdown_links_elsewhere():
    text = html_to_text(PAGE)
    # a link in running text or a menu of links (<ul>): written as Markdown writes it, not as a reference's URL
    assert "See [the menu](https://example.org/menu)." in text
    assert "[Deutsch](https://de.wikipedia.org/wiki/Mozilla)" in text and "<https://de.wikipedia" not in text


def test_a_bulleted_entry_that_says_more_than_its_link_keeps_the_address_after_the_words():
    page = """<h2>Further reading</h2><ul><li>Kay, M.G., 2012, <a href="https://example.edu/mhe.pdf">Material
    Handling Equipment</a>, Retrieved 2014-10-02.</li><li><a href="https://example.org/">Home</a></li></ul>"""
    lines = html_to_text(page).split("\n")
    assert "Kay, M.G., 2012, Material Handling Equipment <https://example.edu/mhe.pdf>, Retrieved 2014-10-02." in lines
    assert "[Home](https://example.org/)" in lines


def test_bibliographic_meta_tags_open_the_text_as_front_matter():
    lines = html_to_text(PAGE).split("\n")
    assert lines[0] == "---" and 'citation_title: "Mozilla"' in lines
    assert lines[lines.index("citation_author:") + 1:lines.index("citation_author:") + 3] == ['  - Lee, Ann', '  - Ruiz, Maria']


def test_a_static_site_html_source_keeps_its_front_matter_as_the_pages_record():
    # carpentries.org keeps posts as HTML with YAML front matter (tests/corpus/dev/dev3_swc_*).
    from pathlib import Path

    from bibkaz.extract.metadata import find_metadata
    from bibkaz.read import read_document

    doc = read_document(Path(__file__).parent / "corpus" / "dev" / "dev3_swc_updating_reading_list.html")
    assert doc.lines[:5] == ["---", "date: 2012-11-17", "layout: page", 'authors: ["Greg Wilson"]',
                             "title: Updating Our Reading List"]
    record = find_metadata(doc.lines)
    assert record.title == "Updating Our Reading List" and record.date == "2012-11-17"
    assert [n.family for n in record.authors] == ["Wilson"]


def test_an_attribute_name_lxml_refuses_to_read_loses_the_attributes_not_the_document():
    # found by bench/fuzz.py --seed 37: a control character inside a tag's attribute name
    from bibkaz.read.html import html_to_text

    assert html_to_text('<p a\x01b="1">Lee, A. (2020). Title.</p>') == "Lee, A. (2020). Title.\n"


#: NIST FIPS 201-3, Appendix D (a U.S. government work, public domain), as kramdown builds its Markdown:
#: one paragraph a keyed reference, the address shown as its own link's words.
FIPS = """<html><body><h1 id="s-d">Appendix D. References</h1>
<p><em>This appendix is informative.</em> It lists the specifications and standards referred to in this document.</p>
<p><a href="references.md#ref-A-130" name="ref-A-130">[A-130]</a> Office of Management and Budget (2016)
<em>Managing Information as a Strategic Resource.</em>
(The White House, Washington, DC), OMB Circular A-130, July 28, 2016.
Available at <a href="https://www.whitehouse.gov/sites/whitehouse.gov/files/omb/circulars/A130/a130revised.pdf">https://www.whitehouse.gov/sites/whitehouse.gov/files/omb/circulars/A130/a130revised.pdf</a></p>
<p><a href="references.md#ref-E-Gov" name="ref-E-Gov">[E-Gov]</a> E-Government Act of 2002, Pub. L. 107-347, 116 Stat 2899.
<a href="https://www.govinfo.gov/app/details/PLAW-107publ347">https://www.govinfo.gov/app/details/PLAW-107publ347</a></p>
<h2>Acknowledgments</h2>
<p>Thanks to <a href="https://www.nist.gov/">https://www.nist.gov/</a> staff.</p></body></html>"""


def test_an_address_shown_under_a_sources_heading_is_an_autolink_as_in_the_markdown_the_page_came_from():
    lines = html_to_text(FIPS).split("\n")
    assert ("[E-Gov] E-Government Act of 2002, Pub. L. 107-347, 116 Stat 2899. "
            "<https://www.govinfo.gov/app/details/PLAW-107publ347>") in lines
    assert any(line.endswith("Available at <https://www.whitehouse.gov/sites/whitehouse.gov/files/omb/circulars/A130/"
                             "a130revised.pdf>") for line in lines)
    # the next heading ends the sources: running text keeps Markdown's link
    assert "Thanks to [https://www.nist.gov/](https://www.nist.gov/) staff." in lines

