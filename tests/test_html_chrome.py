"""The site around a page's text is left out: menus, header, sidebars, buttons (issue 14)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.read.html import html_to_text

WIKI = Path(__file__).parent / "laid_out" / "wiki_material_handling.html"

#: A report page as GAO's report reader builds one: a top bar of links, download buttons, a site footer.
REPORT = """<html><head><title>Report — GAO Reports</title></head><body>
<div class="top-bar"><div class="container"><a href="../index.html">&larr; All Reports</a>
<a href="https://www.gao.gov/products/gao-26-1">View on GAO.gov</a></div></div>
<main class="container"><div class="report-header"><h1>Fund Receipts</h1><span>Published 2026-03-12</span></div>
<div class="download-bar"><a href="../md/gao-26-1.md" class="btn btn-md" download>Markdown</a>
<a href="https://www.gao.gov/products/gao-26-1" class="btn btn-gao">View on GAO.gov</a></div>
<article class="report-content"><p>The procedures were agreed.<sup><a href="#fn1" id="r1">1</a></sup>
The agency says so on <a href="https://www.gao.gov/ordering.htm">its ordering page</a>.</p>
<p>More of the report, which is long enough to be the page's text, with many words in it.</p>
<section class="footnotes"><ol><li id="fn1">Pub. L. No. 116-117, 134 Stat. 113 (2020). <a href="#r1">↩</a></li></ol></section>
</article></main>
<footer><p>This is a public domain document from the <a href="https://www.gao.gov/">U.S. GAO</a>.</p>
<p><a href="../index.html">&larr; Back to all reports</a></p></footer></body></html>"""

#: A blog without landmarks: a menu, a sidebar and comments named by their ids.
BLOG = """<html><body><div id="site"><ul id="menu"><li><a href="https://ebb.example.org/">Home</a></li>
<li><a href="https://identi.example.org/bk">Pump.io Social Network</a></li></ul>
<div id="contentWithSidebar"><div id="post"><h1>On Recent Events</h1>
<p>As <a href="https://www.fsf.example.org/news/resigns">the FSF announced</a>, he resigned.</p></div>
<div id="sidebar"><h3>Tags</h3><a href="https://ebb.example.org/tags/gpl">GPL</a></div></div>
<div class="comments"><p>Comment by a reader: <a href="https://spam.example.org">great post</a></p></div>
<div class="social-share"><a href="https://twitter.example.com/share">Tweet</a></div>
<nav class="pager"><a href="https://ebb.example.org/older">Older posts</a></nav></div></body></html>"""


def test_a_report_page_keeps_its_text_and_notes_and_loses_the_sites_bars_and_buttons():
    text = html_to_text(REPORT)
    assert "Fund Receipts" in text and "Published 2026-03-12" in text
    assert "The procedures were agreed.¹" in text and "1. Pub. L. No. 116-117, 134 Stat. 113 (2020)." in text
    assert "[its ordering page](https://www.gao.gov/ordering.htm)" in text
    assert "View on GAO.gov" not in text and "All Reports" not in text and "Markdown" not in text
    # the footer's words stay (a page's date and licence are read from it), its links do not
    assert "This is a public domain document from the U.S. GAO." in text and "(https://www.gao.gov/)" not in text


def test_a_blogs_menu_sidebar_comments_share_bar_and_pager_go_by_their_names():
    text = html_to_text(BLOG)
    assert "[the FSF announced](https://www.fsf.example.org/news/resigns)" in text and "On Recent Events" in text
    for chrome in ("Pump.io", "Home", "Tags", "GPL", "great post", "Tweet", "Older posts"):
        assert chrome not in text, chrome


def test_a_saved_wikipedia_page_reads_as_its_article():
    text = html_to_text(WIKI.read_text(encoding="utf-8"))
    lines = text.splitlines()
    # the article, its notes and its reference list
    assert "Material-handling equipment" in lines and "Notes" in lines and "References" in lines
    assert "2. Chu, 1995." in lines
    # menus, the contents box, categories and the search form are gone; the footer's date stays
    for chrome in ("Navigation menu", "Personal tools", "Jump to navigation", "Contents", "Categories:",
                   "What links here", "Create account"):
        assert chrome not in lines, chrome
    assert "This page was last edited on 6 August 2019, at 13:58 (UTC)." in lines
    assert not any("foundation.wikimedia.org" in line for line in lines)


def test_a_page_whose_main_landmark_is_a_small_box_is_read_whole():
    page = ("<html><body><main><p>Log in</p></main><div><p>" + "The article's long text. " * 20
            + "</p></div></body></html>")
    assert "The article's long text." in html_to_text(page) and "Log in" in html_to_text(page)


def test_notes_inside_what_looks_like_chrome_are_kept():
    page = ("<html><body><article><p>Text." '<sup><a href="#fn1" id="c1">1</a></sup></p></article>'
            '<div class="sidebar"><aside id="fn1">Ana Torres, Rivers (2019). <a href="#c1">↩</a></aside>'
            "<p>Popular posts</p></div></body></html>")
    text = html_to_text(page)
    assert "Text.¹" in text and "1. Ana Torres, Rivers (2019)." in text


def test_bulleted_entries_keep_their_addresses_and_bulleted_sentences_keep_markdown_links():
    page = ("<html><body><article><ul><li><a href='https://www.example.com/19-tools'>19 Tools for mobile testing</a>"
            " – article containing tools for mobile testing</li>"
            "<li>Kay, M.G., 2012, <a href='https://www.example.edu/mhe.pdf'>Material Handling Equipment</a>, "
            "Retrieved 2014-10-02.</li>"
            "<li>Use tools that help identify <a href='https://guides.example.gov/share-power/'>power dynamics</a>"
            " on your project.</li><li>The data was collected with Lariat: <a href='https://github.com/TACC/lariat'>"
            "https://github.com/TACC/lariat</a></li></ul></article></body></html>")
    lines = html_to_text(page).splitlines()
    assert "19 Tools for mobile testing <https://www.example.com/19-tools> – article containing tools for mobile " \
           "testing" in lines
    assert "Kay, M.G., 2012, Material Handling Equipment <https://www.example.edu/mhe.pdf>, Retrieved 2014-10-02." in lines
    # a bulleted sentence keeps its bullet, as the Markdown and a text conversion of the page have it (issue 14)
    assert "• Use tools that help identify [power dynamics](https://guides.example.gov/share-power/) on your project." \
        in lines
    # a sentence that gives the address it links to names a source (Software Carpentry's list of software used)
    # an address shown as its link's words is written once, as the Markdown autolink it was built from
    assert "The data was collected with Lariat: <https://github.com/TACC/lariat>" in lines


def test_what_a_wiki_leaves_out_of_print_is_left_out():
    # Wikipedia's "[permanent dead link]" tag after an external link: class "noprint"; left in, the
    # item said more than its link and its address was read as a cited page
    page = """<html><body><div id="content"><h1>Shebelle River</h1><p>The river rises in the highlands.</p>
    <h2>External links</h2><ul><li><a class="external text" href="http://www.example.org/eatlas/af24.html">Map of
    the Shebelle River basin at Water Resources eAtlas</a><sup class="noprint Inline-Template"><i>[<a
    href="/wiki/Wikipedia:Link_rot">permanent dead link</a>]</i></sup></li></ul></div></body></html>"""
    lines = html_to_text(page).split("\n")
    assert "[Map of the Shebelle River basin at Water Resources eAtlas](http://www.example.org/eatlas/af24.html)" in lines
    assert not [line for line in lines if "dead link" in line]
