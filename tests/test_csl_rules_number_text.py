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
