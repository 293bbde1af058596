"""Rich text inside fields ("<i>Homo sapiens</i>"), read as citeproc-js reads it (issue 16)."""

from __future__ import annotations

from typing import Any

from bibkaz.style import find_style, render, richtext


def article(title: str, **more: Any) -> dict[str, Any]:
    return {"id": "a", "type": "article-journal", "title": title, "container-title": "PLoS ONE", "volume": "5",
            "author": [{"family": "Wilting", "given": "Andreas"}], "issued": {"date-parts": [[2010]]}, **more}


def entry(item: dict[str, Any], style: str, to: str) -> str:
    return render([item], str(find_style(style).path), "en-US", to).entries[0].text


def test_italics_in_a_title_are_markup_not_text():
    item = article("Modelling the distribution of flat-headed cats (<i>Prionailurus planiceps</i>)")
    html = entry(item, "apa", "html")
    assert "(<i>Prionailurus planiceps</i>)" in html and "&lt;i&gt;" not in html
    assert "(Prionailurus planiceps)" in entry(item, "apa", "text")
    assert "(*Prionailurus planiceps*)" in entry(item, "apa", "markdown")


def test_italics_inside_an_italic_title_print_upright():
    """A book title is italic in APA; a species name italicised inside it flips to upright."""
    book = {"id": "b", "type": "book", "title": "Life of <i>Homo sapiens</i> today", "publisher": "Routledge",
            "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2019]]}}
    assert '<i>Life of <span style="font-style:normal;">Homo sapiens</span> today</i>' in entry(book, "apa", "html")


def test_unpaired_tags_stay_text_and_other_text_is_escaped():
    assert richtext.encode("a </i> b & c", lambda t: t.replace("&", "&#38;").replace("<", "&#60;")) == \
        "a &#60;/i> b &#38; c"
    encoded = richtext.encode("H<sub>2</sub>O and <sc>Nasa</sc>", str)
    assert richtext.strip(encoded).replace('<span class="nocase">', "").replace("</span>", "") == "H2O and Nasa"


def test_nodecor_undoes_the_decoration_in_force():
    text = "<i>Lessard " + richtext.OPEN["nodecor"] + "v." + richtext.CLOSE["nodecor"] + " Schmidt</i>"
    assert richtext.to_html(text) == '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>'
    plain = richtext.OPEN["nodecor"] + "v." + richtext.CLOSE["nodecor"]
    assert richtext.to_html(plain) == "v."


def test_small_caps_superscripts_and_nocase_keep_their_case_under_title_case(tmp_path):
    """citeproc-js leaves nocase spans, small caps, superscripts and subscripts as typed."""
    style = tmp_path / "title.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" text-case="title"/></layout></bibliography>
</style>""", encoding="utf-8")
    item = {"id": "t", "type": "book",
            "title": 'my <sc>small caps phrase</sc> in a title, the <span class="nocase">iPhone</span>: a study'}
    assert render([item], str(style), "en-US", "html").entries[0].body == (
        'My <span style="font-variant:small-caps;">small caps phrase</span> in a Title, the iPhone: A Study')


def test_html_keeps_the_space_after_an_aligned_label_inside_the_entry(tmp_path):
    """citeproc-js's HTML for a ``second-field-align`` style keeps what follows the label ("[1]")
    at the start of ``csl-right-inline``; text output prints one space there."""
    from bibkaz.style.output import document

    style = tmp_path / "numbered.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography second-field-align="flush"><layout>
    <text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/></layout></bibliography>
</style>""", encoding="utf-8")
    rendered = render([article("Cats")], str(style), "en-US", "html")
    assert (rendered.entries[0].label, rendered.entries[0].gap, rendered.entries[0].body) == ("[1]", " ", "Cats")
    assert '<div class="csl-right-inline"> Cats</div>' in document(rendered, "html")
    assert render([article("Cats")], str(style), "en-US", "text").entries[0].text == "[1] Cats"
