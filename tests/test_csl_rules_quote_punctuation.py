"""Punctuation-in-quote as citeproc-js applies it: periods, commas, "!" and "?" move inside,
colons and semicolons stay out, the moved mark meets the title's own by the seam table
(issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render
from bibkaz.style.quote_punctuation import punctuation_in_quote

_CLOSE = ("\u201d", "\u2019")


@pytest.mark.parametrize("raw, moved", [
    ("“Title”. Next", "“Title.” Next"),
    ("“Why?”. Next", "“Why?” Next"),  # "?" swallows the period
    ("“Why?”, next", "“Why?,” next"),  # and keeps the comma
    ("“exclamation”! colon", "“exclamation!” colon"),
    ("“comma”,. period", "“comma,.” period"),
    ("“period”.: colon", "“period.”: colon"),  # the colon stays out
    ("“semicolon”; colon", "“semicolon”; colon"),
    ("“This is ‘The One’”.", "“This is ‘The One.’”"),  # on into the inner quote
    ("“<i>Book</i>”</b>.", "“<i>Book</i>.”</b>"),  # closing markup after the quote
])
def test_marks_after_a_closing_quote(raw: str, moved: str):
    assert punctuation_in_quote(raw, _CLOSE) == moved


def test_nothing_moves_when_the_locale_does_not_ask():
    assert punctuation_in_quote("“Title”. Next", ()) == "“Title”. Next"


def test_in_a_rendered_entry(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <locale><style-options punctuation-in-quote="true"/></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" quotes="true" suffix="!"/><text variable="publisher" prefix=": "/>
  </layout></bibliography></style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "Stop", "publisher": "Pub"}
    assert render([item], str(style), "en-US", "text").entries[0].body == "“Stop!” Pub"


def test_an_apostrophe_is_no_closing_quote():
    assert punctuation_in_quote("Hawks’, Jon. “Don’t”. Farmers’.", _CLOSE) == "Hawks’, Jon. “Don’t.” Farmers’."


def test_apostrophes_in_names_as_citeproc_js_prints_them():
    """A name's apostrophe after a letter is typographic at a word's end too, and punctuation the
    style prints after it stays outside (citeproc-js 2.4.63, MLA, these items)."""
    from bibkaz.style import find_style

    items = [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Hawks'", "given": "Jon"}]},
             {"id": "b", "type": "book", "title": "U", "author": [{"family": "Aubignac",
                                                                   "given": "François Hédelin, abbé d'"}]}]
    mla = find_style("modern-language-association").path
    assert [e.body for e in render(items, mla, "en-US", "text").entries] == [
        "Aubignac, François Hédelin, abbé d’. U.", "Hawks’, Jon. T."]


@pytest.mark.parametrize("style, title, entry", [
    # what the user typed after a quote inside the field stays; what the style prints moves in
    ("apa", "This is the “Next Generation Fund”, which provides “deliver”",
     "This is the “Next Generation Fund”, which provides “deliver.” (n.d.)."),
    ("apa", "Say “hello”.", "Say “hello”. (n.d.)."),
    ("modern-language-association", "Why “this”? A study", "“Why ‘This’? A Study.” J."),
    ("chicago-author-date", "Say “hello”, then “bye”", "“Say ‘Hello’, Then ‘Bye.’” n.d. J."),
])
def test_punctuation_typed_after_a_quote_in_a_field_stays(style: str, title: str, entry: str):
    """As citeproc-js prints these (checked with bench/node/format.mjs)."""
    from bibkaz.style import find_style

    item = {"id": "a", "type": "webpage", "title": title} if style == "apa" else {
        "id": "a", "type": "article-journal", "title": title, "container-title": "J"}
    assert render([item], str(find_style(style).path)).entries[0].body == entry


def test_a_value_after_a_quote_stays_outside_and_unmerged(tmp_path):
    """citeproc-js prints a cs:text value as text of its own: IEEE's ``<text value=","/>`` after a
    quoted title stays outside the quote (“Title”, doi: …), and a value "." after a field ending in
    "." is printed too ("Pub.."), where affixes move and merge (checked with bench/node/format.mjs)."""
    from bibkaz.style import render

    style = tmp_path / "v.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <text variable="title" quotes="true"/><text value=","/><text variable="publisher" prefix=" "/><text value="."/>
    <text variable="container-title" prefix=" " quotes="true" suffix=","/>
  </layout></bibliography>
</style>""", encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "T one", "publisher": "Pub.", "container-title": "C"}]
    assert render(items, str(style)).entries[0].body == "\u201cT one\u201d, Pub.. \u201cC,\u201d"
