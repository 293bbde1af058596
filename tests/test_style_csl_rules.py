"""CSL rules restored in the eighth session (issue 16), each asserted on a real style.

Every test names the rule of the CSL specification (or of citeproc-js where the
specification leaves it open) and renders works through bibkaz's formatter in
one of the styles users pick (APA, Chicago, MLA, IEEE, Harvard), or a style
that uses the feature when none of those does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bibkaz.style import find_style, render
from bibkaz.style.citations import Cite, render_citations


def _path(name: str) -> str:
    return str(find_style(name).path)


def _book(ident: str, family: str, given: str, year: int, title: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "type": "book", "title": title, "author": [{"family": family, "given": given}],
            "issued": {"date-parts": [[year]]}, **extra}


LEE = _book("a", "Lee", "Ann", 2019, "Steppe politics")


def test_cite_affixes_and_locators_are_field_text():
    """A cite's prefix and suffix are read as field text: straight quotes print as the locale's
    (“see”), "&" is escaped for HTML in affixes and locators alike, and punctuation the user
    typed after a quote stays outside it (punctuation-in-quote moves only what the style prints)."""
    cite = Cite("a", "213 & 235", "page", "'see', ", ' "so it goes".')
    assert render_citations([LEE], [[cite]], _path("apa"), to="html") == [
        "(“see”, Lee, 2019, pp. 213 &amp; 235 “so it goes”.)"]
    assert render_citations([LEE], [[cite]], _path("chicago-author-date"), to="text") == [
        "(“see”, Lee 2019, 213 & 235 “so it goes”.)"]


def test_text_values_are_parsed_like_fields(tmp_path: Path):
    """A ``cs:text value`` is parsed as citeproc-js parses field text: its straight quotes are
    quotation marks (flipped to inner ones under quotes="true"), ``<b>`` is markup."""
    path = tmp_path / "values.csl"
    path.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; "><group delimiter=" ">
    <text value="'friend'"/><text value="say &quot;hello&quot;" quotes="true"/><text value="&lt;b&gt;bold&lt;/b&gt;"/>
  </group></layout></citation></style>""", encoding="utf-8")
    assert render_citations([LEE], [[Cite("a")]], str(path), to="html") == [
        "“friend” “say ‘hello’” <b>bold</b>"]


def test_initialising_keeps_words_typed_as_abbreviations():
    """initialize-with (citeproc-js's reading): a given-name word typed with a period is an
    abbreviation and kept whole ("Ph.", "Me."); other words are cut to their first letter
    ("John ME" → "J. M.")."""
    item = {"id": "h", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Hudson", "given": "Ph.M.E."}, {"family": "Grant", "given": "Me."},
                       {"family": "Axford", "given": "John ME"}]}
    assert render([item], _path("apa"), "en-US", "text").entries[0].text == (
        "Hudson, Ph. M. E., Grant, Me., & Axford, J. M. (2000). T.")
    assert render([item], _path("harvard-cite-them-right"), "en-US", "text").entries[0].text == (
        "Hudson, Ph.M.E., Grant, Me. and Axford, J.M. (2000) T.")


def test_superscript_characters_print_as_sup_in_html():
    """citeproc-js writes superscript characters (French ordinal terms "ʳᵉ", "ª", "º") as
    ``<sup>`` of the plain letters in HTML; plain text keeps the characters."""
    item = {"id": "d", "type": "book", "title": "Titre", "edition": "1", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Dupont", "given": "Jean"}]}
    assert render([item], _path("apa"), "fr-FR", "html").entries[0].text == (
        "Dupont, J. (2000). <i>Titre</i> (1<sup>r</sup><sup>e</sup> éd.).")
    assert render([item], _path("apa"), "fr-FR", "text").entries[0].text == "Dupont, J. (2000). Titre (1ʳᵉ éd.)."
