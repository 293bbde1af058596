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


def test_link_addresses_are_kept_only_where_references_stand():
    text = html_to_text(PAGE)
    assert "https://example.org/menu" not in text  # a link in running text: its words only
    assert "de.wikipedia.org" not in text  # a menu of links (<ul>) is not a reference list


def test_bibliographic_meta_tags_open_the_text_as_front_matter():
    lines = html_to_text(PAGE).split("\n")
    assert lines[0] == "---" and 'citation_title: "Mozilla"' in lines
    assert lines[lines.index("citation_author:") + 1:lines.index("citation_author:") + 3] == ['- "Lee, Ann"', '- "Ruiz, Maria"']
