"""Issue 14: a web page reads as the text a user's conversion of it (and the Markdown it was built
from) gives: bulleted items keep their bullet, links to the site's own pages stand where the
Markdown has them, MediaWiki's hidden back-links leave no emphasis marks, a paragraph's italics are its
words. Markup in the shapes kramdown, pandoc and MediaWiki write."""

from __future__ import annotations

from bibkaz.read.html import html_to_text


def _lines(page: str) -> list[str]:
    return [line for line in html_to_text(page).split("\n") if line]


def test_bulleted_sentences_keep_their_bullet_and_link_entries_and_lists_of_sites_do_not():
    page = """<h2>External links</h2><ul>
    <li>Harrison, Ian; Laverty, Melina (2011). <a href="http://cnx.org/content/m12174/">"Species Diversity"</a>.
        <i>Connexions</i>. Retrieved 1 February 2011.</li>
    <li>Use tools that help identify <a href="https://guides.18f.gov/share-power/">power dynamics</a> on your project.</li>
    <li><a href="https://www.megasoftware.net/">MEGA Software</a></li>
    <li><a href="https://wiki.mozilla.org/">Mozilla Wiki</a>(<a href="https://wiki.mozilla.org/Timeline">Time line</a>)</li>
    </ul>"""
    assert _lines(page) == [
        "External links",
        'Harrison, Ian; Laverty, Melina (2011). "Species Diversity" <http://cnx.org/content/m12174/>. *Connexions*. '
        "Retrieved 1 February 2011.",
        "• Use tools that help identify [power dynamics](https://guides.18f.gov/share-power/) on your project.",
        "[MEGA Software](https://www.megasoftware.net/)",
        "[Mozilla Wiki](https://wiki.mozilla.org/)([Time line](https://wiki.mozilla.org/Timeline))",
    ]


def test_a_cite_in_a_bulleted_item_is_an_entry_whose_wiki_links_are_words():
    page = """<ul><li><a href="/wiki/Michiel_Hazewinkel">Hazewinkel, Michiel</a>, ed. (2001) [1994],
    <cite class="citation"><a href="https://www.encyclopediaofmath.org/h047070">"Hermitian matrix"</a></cite>,
    <i>Encyclopedia of Mathematics</i>, Springer</li></ul>"""
    assert _lines(page) == ['• Hazewinkel, Michiel, ed. (2001) [1994], "Hermitian matrix" '
                            '<https://www.encyclopediaofmath.org/h047070>, *Encyclopedia of Mathematics*, Springer']


def test_a_page_footers_list_is_read_as_lines():
    page = """<article><p>Text.</p></article><footer><ul id="footer-info">
    <li>This page was last edited on 2 August 2019, at 12:18 (UTC).</li></ul></footer>"""
    assert "This page was last edited on 2 August 2019, at 12:18 (UTC)." in _lines(page)


def test_links_to_the_sites_own_pages_stay_in_notes_and_bulleted_items_only():
    # kramdown's footnotes and a "Resources" list of a rOpenSci post, whose Markdown links its own blog
    page = """<p>Making your repository contributor-friendly<sup id="fnref:1" role="doc-noteref"><a href="#fn:1"
    class="footnote" rel="footnote">1</a></sup> takes time; see <a href="/help-wanted/">Help Wanted</a>.</p>
    <h2>Resources</h2><ul><li>Blog: <a href="/blog/2023/02/07/maintain/">What Does It Mean to Maintain a Package?</a></li></ul>
    <div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>See blog posts
    <a href="/blog/2023/09/19/help-wanted/">Attract Contributors with 'help wanted' Issues</a>
    <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>"""
    lines = _lines(page)
    assert "Making your repository contributor-friendly¹ takes time; see Help Wanted." in lines
    assert "• Blog: [What Does It Mean to Maintain a Package?](/blog/2023/02/07/maintain/)" in lines
    assert "1. See blog posts [Attract Contributors with 'help wanted' Issues](/blog/2023/09/19/help-wanted/)" in lines


def test_mediawiki_back_links_leave_no_emphasis_marks():
    page = """<ol class="references"><li id="cite_note-horn-3"><span class="mw-cite-backlink">^ <a
    href="#cite_ref-horn_3-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-horn_3-1"><sup><i><b>b</b></i></sup></a>
    </span> <span class="reference-text">Horn, Roger A. (2013). <i>Matrix Analysis</i>. Cambridge.</span></li></ol>"""
    assert _lines(page) == ["1. Horn, Roger A. (2013). *Matrix Analysis*. Cambridge."]


def test_a_table_of_plain_cells_reads_as_a_markdown_table_and_a_laid_out_one_as_blocks():
    # pandoc's table of a USGS report's input grids; then a page laid out in a table's cells
    page = """<table><thead><tr class="header"><th>Data or input type</th><th>Units</th><th>Format</th></tr></thead>
    <tbody><tr class="odd"><td>Land use</td><td>--</td><td>National Land Cover Database (Homer and others, 2015).</td></tr>
    <tr class="even"><td>Soil hydrologic group</td><td>--</td><td>SSURGO (Soil Survey Staff, 2015).</td></tr></tbody></table>
    <table><tr><td><p>Menu</p></td><td><p>Hart, E. (2015). Building community.</p></td></tr></table>"""
    assert _lines(page) == [
        "| Data or input type | Units | Format |",
        "|---|---|---|",
        "| Land use | -- | National Land Cover Database (Homer and others, 2015). |",
        "| Soil hydrologic group | -- | SSURGO (Soil Survey Staff, 2015). |",
        "Menu",
        "Hart, E. (2015). Building community.",
    ]
    assert "|---|---|---|\n| Land use" in html_to_text(page)


def test_a_paragraphs_italics_are_its_words_and_an_entrys_keep_their_marks():
    # a GAO report page's note naming two works, each title in <em> (the second in two): starred, the
    # parser read the two as one work and lost the first; an item of a list keeps its marks
    page = """<p>10 The White House, <em>National Cybersecurity Strategy</em>, (Washington, D.C.: March 2023) and
    <em>National Security</em> <em>Memorandum on Critical Infrastructure Security and Resilience</em>, National
    Security Memorandum-22 (Washington, D.C.: Apr. 30, 2024).</p>
    <ol><li>Parlet, B. N. <i>The Symmetric Eigenvalue Problem</i>. SIAM, 1998.</li></ol>"""
    assert _lines(page) == ["10 The White House, National Cybersecurity Strategy, (Washington, D.C.: March 2023) and "
                            "National Security Memorandum on Critical Infrastructure Security and Resilience, National "
                            "Security Memorandum-22 (Washington, D.C.: Apr. 30, 2024).",
                            "1. Parlet, B. N. *The Symmetric Eigenvalue Problem*. SIAM, 1998."]
