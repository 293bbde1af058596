"""A variable cs:substitute has printed prints nothing more inside it (citeproc-js's done_vars;
issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import render


def test_names_printed_once_in_a_substitute(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="editor">
    <names variable="editor"><name/><label prefix=" " form="short"/></names>
    <names variable="editor"><name/><label prefix=" "/></names>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=". ">
    <names variable="translator"><name/><substitute><text macro="editor"/></substitute></names>
    <text variable="title" font-style="italic"/></group></layout></bibliography></style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "The Title", "editor": [{"family": "Doe", "given": "John"}]}
    assert render([item], str(style), "en-US", "text").entries[0].body == "John Doe ed. The Title."


def test_a_term_in_a_substitute_ends_it_even_when_empty(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="author">Author Term Value</term><term name="editor"></term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" "><group><text value="Content:"/></group>
    <names variable="translator"><substitute><text term="editor"/><text term="author"/></substitute></names>
  </group></layout></bibliography></style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "T"}
    assert render([item], str(style), "en-US", "text").entries[0].body == "Content:"


def test_a_number_printed_in_the_substitute_is_not_printed_again():
    """APA and Harvard put the title with its edition in the author's place; the edition, a
    ``cs:number``, is then not printed again (citeproc-js; bibkaz printed "(2nd ed.). (2014). (2nd ed.).")."""
    from bibkaz.style import find_style

    item = {"id": "a", "type": "book", "title": "Estimate of the Network", "edition": "2",
            "issued": {"date-parts": [[2014, 7, 15]]}}

    def entry(style: str) -> str:
        return render([item], str(find_style(style).path), "en-US", "text").entries[0].body

    assert entry("apa") == "Estimate of the Network (2nd ed.). (2014)."
    assert entry("harvard-cite-them-right") == "Estimate of the Network. 2nd ed (2014)."
