"""text-case in a Turkish item's language: "i" upper-cases to "İ" (issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import render


def test_uppercase_follows_the_items_language(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" text-case="uppercase"/></layout></bibliography></style>""",
                     encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "ia and ıb EN", "language": "en"},
             {"id": "b", "type": "book", "title": "ic and ıd TR", "language": "tr"}]
    assert [e.body for e in render(items, str(style), "en-US", "text").entries] == ["IA AND IB EN", "İC AND ID TR"]
