"""Issue 14, item 3: web-page footnotes read by their links, as the tools that write them do.

The pages in tests/fixtures/formats are one public-domain 18F post built by Hugo
(goldmark), kramdown (Jekyll) and pandoc (tests/fixtures/formats/make_fixtures.py);
the smaller pages below are the markup WordPress, Substack and the
``role="doc-footnote"`` convention write, as their documentation shows it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read.html import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
NOTES = ["1. For the purposes of this guide, the term COR also include COTR and ACOR.",
         "2. Federal Acquisition Regulation (FAR) 1.602-2(d)",
         "3. For the purposes of this guide, the term product owner includes the role of the government product "
         "manager."]


def _notes(text: str, heading: str = "Notes") -> list[str]:
    return [line for line in text.split(f"\n{heading}\n", 1)[1].split("\n") if line]


@pytest.mark.parametrize("tool", ["hugo", "kramdown", "pandoc"])
def test_generated_pages_give_calls_as_superscripts_and_notes_in_order(tool):
    text = html_to_text((FIXTURES / f"web_18f_po_vs_cor.{tool}.html").read_text(encoding="utf-8"))
    assert "A COR is required for all contracts that are not firm-fixed price²." in text
    assert "on the presence of a product owner³." in text
    assert _notes(text) == NOTES  # at the end, numbered, back-links (↩) gone
    assert "↩" not in text and "fnref" not in text


def test_extract_links_each_call_of_a_built_page_to_its_note(tmp_path):
    out = tmp_path / "out.json"
    page = FIXTURES / "web_18f_po_vs_cor.hugo.html"
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(tmp_path / "o.bib"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    works = json.loads(out.read_text())["works"]
    far = [w for w in works if "1.602-2" in json.dumps(w)]
    assert far and far[0].get("citations"), "call ² is linked to note 2, which cites the FAR"


WORDPRESS = """<p>Rivers rise.<sup data-fn="a1b2" class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup> Then
they fall.<sup data-fn="c3d4" class="fn"><a href="#c3d4" id="c3d4-link">2</a></sup></p>
<ol class="wp-block-footnotes"><li id="a1b2">Ana Torres, <a href="https://example.org/rivers">Rivers and Dams</a>
(2019). <a href="#a1b2-link" aria-label="Jump to footnote reference 1">↩︎</a></li>
<li id="c3d4">World Bank, Water Report 2020. <a href="#c3d4-link" aria-label="Jump to footnote reference 2">↩︎</a>
</li></ol><footer><p>Share this post</p></footer>"""

SUBSTACK = """<p>Rivers rise.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>
<div class="footnote"><a class="footnote-number" id="footnote-1" href="#footnote-anchor-1">1</a>
<div class="footnote-content"><p>Ana Torres, Rivers and Dams (2019), <a href="https://example.org/rivers">https://example.org/rivers</a>.</p></div></div>"""

ASIDES = """<p>Rivers rise.<a href="#n-a" role="doc-noteref">*</a> Floods too.<a href="#n-b" role="doc-noteref">†</a></p>
<aside id="n-a" role="doc-footnote">* Ana Torres, Rivers and Dams (2019).</aside>
<aside id="n-b" role="doc-footnote">World Bank, Water Report 2020.</aside><p>The end.</p>"""


def test_wordpress_footnotes_block():
    text = html_to_text(WORDPRESS)
    assert "Rivers rise.¹ Then they fall.²" in text
    assert _notes(text)[:2] == ["1. Ana Torres, Rivers and Dams <https://example.org/rivers> (2019).",
                                "2. World Bank, Water Report 2020."]
    assert "↩" not in text


def test_substack_notes_drop_their_back_number_and_keep_one_copy_of_a_shown_address():
    text = html_to_text(SUBSTACK)
    assert "Rivers rise.¹" in text
    assert _notes(text) == ["1. Ana Torres, Rivers and Dams (2019), https://example.org/rivers."]


def test_aside_notes_with_marks_are_numbered_in_call_order_and_leave_the_running_text():
    text = html_to_text(ASIDES)
    assert "Rivers rise.¹ Floods too.²" in text
    assert text.index("The end.") < text.index("Notes")
    assert _notes(text) == ["1. * Ana Torres, Rivers and Dams (2019).", "2. World Bank, Water Report 2020."]


def test_links_into_the_page_that_are_no_note_calls_stay_text():
    page = """<p>See <a href="#methods">section 2</a> and table <sup><a href="#t3">3</a></sup>.</p>
    <h2 id="methods">Methods</h2><p>We measured.</p><table id="t3"><tr><td>3</td></tr></table>"""
    text = html_to_text(page)
    assert "Notes" not in text and "Methods" in text and "We measured." in text


#: Ranking Digital Rights, 2019 Index, introduction (CC BY 4.0), as its Jekyll layout prints it: every call
#: links to one anchor ("#footnotes") inside the first note; the notes are paragraphs of one class, each
#: opening with its number in brackets.
RDR = """<html><body><p>Activists embraced social media platforms as liberators in 2011.<a href="#footnotes"><sup>13</sup></a>
Organizations that track internet freedom have reported alarming declines.<a href="#footnotes"><sup>14</sup></a>
Carole Cadwalladr even called out the tech titans.<a href="#footnotes"><sup>15</sup></a></p>
<p class="footnotes"><span><a id="footnotes"></a>[13]</span> Catharine Smith, &ldquo;Egypt&rsquo;s Facebook Revolution: Wael
Ghonim Thanks The Social Network,&rdquo; <em>Huffington Post</em>, February 11, 2011,
<a href="http://www.huffpost.com/entry/egypt-facebook-revolution-wael-ghonim_n_822078">www.huffpost.com/entry/egypt-facebook-revolution-wael-ghonim_n_822078</a></p>
<p class="footnotes"><span>[14]</span> See Freedom on the Net 2018, Freedom House,
<a href="https://freedomhouse.org/report/freedom-net/freedom-net-2018">freedomhouse.org/report/freedom-net/freedom-net-2018</a></p>
<p class="footnotes"><span>[15]</span> Carole Cadwalladr, &ldquo;My TED talk: how I took on the tech titans in their
lair,&rdquo; <em>The Guardian</em>, April 21, 2019</p></body></html>"""


def test_calls_that_all_point_to_one_anchor_call_the_notes_numbered_beside_it():
    text = html_to_text(RDR)
    assert "liberators in 2011.¹³" in text and "alarming declines.¹⁴" in text and "tech titans.¹⁵" in text
    assert _notes(text) == [
        "13. Catharine Smith, “Egypt’s Facebook Revolution: Wael Ghonim Thanks The Social Network,” Huffington Post, "
        "February 11, 2011, http://www.huffpost.com/entry/egypt-facebook-revolution-wael-ghonim_n_822078",
        "14. See Freedom on the Net 2018, Freedom House, https://freedomhouse.org/report/freedom-net/freedom-net-2018",
        "15. Carole Cadwalladr, “My TED talk: how I took on the tech titans in their lair,” The Guardian, April 21, 2019"]
    assert "[14]" not in text
