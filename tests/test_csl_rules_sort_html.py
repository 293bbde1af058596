"""Sort keys of HTML output compare the text a reader sees, as in plain text (citeproc-js sorts plain text).

With citeproc-py's tags kept in the key, an italic title ("<i>Hello 4</i>", whose "</i>" lost
its slash as punctuation) sorted before every name, so a book substituted for its author came
first ascending and last descending, and "&" escaped as "&#38;" sorted as "38".
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import render

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="title"><text variable="title" font-style="italic"/></macro>
  <macro name="author"><names variable="author"><name name-as-sort-order="all"/>
    <substitute><text macro="title"/></substitute></names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key macro="author" sort="SORT"/><key variable="title"/></sort>
    <layout><text macro="author"/></layout></bibliography>
</style>"""

ITEMS = [{"id": "h", "type": "book", "title": "Hello"}, {"id": "d", "type": "book", "title": "X", "author": [{"family": "Doe", "given": "J."}]},
         {"id": "z", "type": "book", "title": "Zulu"}, {"id": "a", "type": "book", "title": "A & B 12"},
         {"id": "b", "type": "book", "title": "A & B 3"}]


def _order(tmp_path: Path, to: str, direction: str) -> list[str]:
    path = tmp_path / f"{direction}.csl"
    path.write_text(STYLE.replace("SORT", direction), encoding="utf-8")
    return [entry.key for entry in render(ITEMS, str(path), "en-US", to).entries]


def test_html_sorts_as_plain_text(tmp_path: Path) -> None:
    for direction in ("ascending", "descending"):
        assert _order(tmp_path, "html", direction) == _order(tmp_path, "text", direction)
    assert _order(tmp_path, "html", "ascending") == ["b", "a", "d", "h", "z"]  # "A & B 3" before "A & B 12"
