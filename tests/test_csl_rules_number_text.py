"""A number field holding text with markup characters prints as escaped text (issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import render


def test_number_field_with_tags_is_escaped_text_in_html(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><number variable="number"/><text variable="page" prefix=", "/></layout></bibliography>
</style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "number": "1<sup>er</sup>", "page": "213 & 235"}
    body = render([item], str(style), "en-US", "html").entries[0].body
    assert body.replace("&amp;", "&#38;") == "1&#60;sup&#62;er&#60;/sup&#62;, 213 &#38; 235"


def test_numbers_with_leading_zeros_print_as_typed(tmp_path: Path):
    """citeproc-js formats a cs:number part only when it reads as /^[1-9][0-9]*$/: an issue typed
    "02" is "no. 02" in IEEE (dev corpus, five APSR and JOP articles), an edition "02" is "02 ed.",
    not "2nd ed."; "2" is still "2nd"."""
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=", "><number variable="volume" prefix="vol. "/>
    <number variable="issue" prefix="no. "/><number variable="edition" form="ordinal"/></group></layout></bibliography>
</style>""", encoding="utf-8")
    items = [{"id": "a", "type": "book", "volume": "00", "issue": "02-03", "edition": "02"},
             {"id": "b", "type": "book", "volume": "12", "issue": "0", "edition": "2"}]
    bodies = [e.body for e in render(items, str(style), "en-US", "text").entries]
    assert bodies == ["vol. 00, no. 02\u201303, 02", "vol. 12, no. 0, 2nd"]
