"""A quotation typed in a field prints with the locale's outer quotes, as citeproc-js prints it
(CSL 1.0.2, "Quotes"; suite fixture quotes_QuotesUnderQuotesFalse; issue 16, eleventh session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render

_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout}</layout></bibliography></style>"""


def _render(tmp_path: Path, layout: str, title: str, locale: str) -> str:
    style = tmp_path / "s.csl"
    style.write_text(_STYLE.format(layout=layout), encoding="utf-8")
    item = {"id": "a", "type": "book", "title": title}
    return render([item], str(style), locale, "text").entries[0].body


#: What citeproc-js 2.4.63 (bench/node) prints for a title typed with straight quotes and one typed
#: with English curly quotes, alone and as a quoted title.
_CITEPROC_JS = {
    "en-US": ("Title with “quotes” in it", "“Title with ‘quotes’ in it”", "Title with “curly” in it", "“Title with ‘curly’ in it”"),
    "fr-FR": ("Title with «\u00a0quotes\u00a0» in it", "«\u00a0Title with “quotes” in it\u00a0»",
              "Title with “curly” in it", "«\u00a0Title with “curly” in it\u00a0»"),
    "de-DE": ("Title with „quotes“ in it", "„Title with ‚quotes‘ in it“", "Title with “curly” in it", "„Title with “curly” in it“"),
}


@pytest.mark.parametrize("locale", sorted(_CITEPROC_JS))
def test_straight_quotes_take_the_locale_outer_marks(tmp_path: Path, locale: str):
    plain, quoted, curly, curly_quoted = _CITEPROC_JS[locale]
    assert _render(tmp_path, '<text variable="title"/>', 'Title with "quotes" in it', locale) == plain
    assert _render(tmp_path, '<text variable="title" quotes="true"/>', 'Title with "quotes" in it', locale) == quoted
    # English marks typed in a field are markup only where they are the locale's own (citeproc-js).
    assert _render(tmp_path, '<text variable="title"/>', "Title with “curly” in it", locale) == curly
    assert _render(tmp_path, '<text variable="title" quotes="true"/>', "Title with “curly” in it", locale) == curly_quoted


def test_a_value_is_field_text_too(tmp_path: Path):
    layout = """<text value="'friend'" suffix=" "/><text value='"foe"' suffix=" "/><text variable="title"/>"""
    assert _render(tmp_path, layout, "T", "de-DE") == "„friend“ „foe“ T"  # citeproc-js 2.4.63


def test_quotes_false_and_typed_affixes_are_left_alone(tmp_path: Path):
    """The fixture's shape: a macro with quotes="false" between straight-quote affixes."""
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="title"><text variable="title" quotes="false"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text macro="title" quotes="false" prefix=" '" suffix="',"/></layout></bibliography>
</style>""", encoding="utf-8")
    item = {"id": "a", "type": "chapter", "title": 'Title with "quotes" in it'}
    assert render([item], str(style), "en-GB", "text").entries[0].body == " 'Title with ‘quotes’ in it',"


@pytest.mark.parametrize("title, quoted", [
    # suite fixture decorations_NestedQuotesInnerReverse; citeproc-js 2.4.63 prints the same
    ("My “‘Amazing’ and Bogus” Title", "“My ‘“Amazing” and Bogus’ Title”"),
    ('My "‘Amazing’ and Bogus" Title', "“My ‘“Amazing” and Bogus’ Title”"),
    ("A ‘word’ alone and don’t", "“A ‘word’ alone and don’t”"),  # inner marks outside an outer pair stay
])
def test_quoting_swaps_the_levels_of_nested_quotes(tmp_path: Path, title: str, quoted: str):
    assert _render(tmp_path, '<text variable="title" quotes="true"/>', title, "en-US") == quoted


def test_quotes_typed_inside_quotes_are_the_inner_ones():
    """citeproc-js reads “The “/Ai” Manifesto” as “The ‘/Ai’ Manifesto” (quote levels alternate),
    and a style that quotes the title flips both levels (checked with bench/node/format.mjs)."""
    from bibkaz.style import find_style, render
    from bibkaz.style.quotes import nested

    assert nested("“The “/Ai” Manifesto”", ("“", "”"), ("‘", "’")) == "“The ‘/Ai’ Manifesto”"
    assert nested("the “open “one” here", ("“", "”"), ("‘", "’")) == "the “open “one” here"  # nothing closes the first
    items = [{"id": "a", "type": "article-journal", "title": "“The “/Ai” Manifesto”", "container-title": "J"}]
    assert render(items, str(find_style("modern-language-association").path)).entries[0].body == \
        "“‘The “/Ai” Manifesto.’” J."
    assert render(items, str(find_style("apa").path)).entries[0].body == "“The ‘/Ai’ Manifesto.” (n.d.). J."
