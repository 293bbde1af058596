"""A converted page's links to its own address read as in-page links (bibkaz/read/html_own_page.py).

The page is CRS Report R41759 ("Past Government Shutdowns: Key Resources", a U.S. government work,
public domain) as EveryCRSReport's HTML converted to Markdown and built back to HTML by pandoc: its
contents, calls and notes' back-links all point to the report's address with a fragment, and the ids
they pointed to are gone.
"""

from __future__ import annotations

from bibkaz.read.html import html_to_text
from bibkaz.read.html_own_page import own_address

PAGE = "https://www.everycrsreport.com/files/2026-09-16_R41759_26682efe34d7e1c5dee4c3abeed1da047c878f31.html"
CONTENTS = "".join(f'<li><a href="{PAGE}#_Toc24046080{i}">{words}</a></li>' for i, words in enumerate(
    ["Introduction", "FY1996", "FY2014", "FY2019", "Office of Personnel Management"]))
HTML = f"""<html><body><p>Contents</p><ul>{CONTENTS}</ul>
<ul><li>GAO, <em>Funding Gaps Jeopardize Federal Government Operations</em>, PAD-81-31, March 3, 1981,
<a href="http://www.gao.gov/products/PAD-81-31">http://www.gao.gov/products/PAD-81-31</a><a href="{PAGE}#fn7">7</a></li></ul>
<p>See the <a href="https://www.opm.gov/">OPM site</a>.</p>
<table><tbody><tr><td><a href="{PAGE}#ifn7">7</a>.</td><td>Information about historical context in this section was
provided by Clinton Brass.</td></tr></tbody></table></body></html>"""


def test_the_address_five_fragments_are_linked_on_is_the_pages_own():
    from lxml import etree

    assert own_address(etree.HTML(HTML)) == PAGE
    # four places are not enough: a page linking to another page's sections is not that page
    assert own_address(etree.HTML(HTML.replace(f'<a href="{PAGE}#fn7">7</a>', "").replace(
        f'<a href="{PAGE}#ifn7">7</a>', "7").replace(f"{PAGE}#_Toc240460804", "https://x.org/"))) == ""


def test_own_links_are_words_calls_are_raised_and_a_numbered_row_is_its_note():
    lines = html_to_text(HTML).splitlines()
    # the contents list links to places in the page: words, not cited pages
    assert "• FY1996" in lines and not any("_Toc" in line for line in lines)
    # the call's number, glued to the address before it ("PAD-81-317"), is a raised call
    assert any(line.endswith("<http://www.gao.gov/products/PAD-81-31>⁷") for line in lines)
    assert "7. Information about historical context in this section was provided by Clinton Brass." in lines
    # links elsewhere are untouched
    assert "See the [OPM site](https://www.opm.gov/)." in lines
