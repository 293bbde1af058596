"""CSL rules of in-text and note citations that bibkaz restores on top of citeproc-py (issue 16).

Each test renders a small style of its own through ``render_citations`` and, where
citeproc-js is installed (citation-js in bench/node), checks that citeproc-js
prints the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_csl_rules_ranges import agree, book, style


def note_style(tmp_path: Path, citation_class: str = "note") -> str:
    path = Path(style(tmp_path, """<citation>
    <layout suffix="." delimiter="; ">
      <choose><if position="ibid"><text term="ibid"/></if>
      <else><group delimiter=", "><names variable="author"><name form="short"/></names><text variable="title"/></group></else></choose>
    </layout>
  </citation>"""))
    path.write_text(path.read_text(encoding="utf-8").replace('class="in-text"', f'class="{citation_class}"'),
                    encoding="utf-8")
    return str(path)


ITEMS: list[dict[str, Any]] = [book("a", "Lee", 2019, "Steppe politics"), book("b", "Park", 2020, "Water")]


def test_a_term_opening_a_note_citation_is_capitalised(tmp_path):
    """citeproc-js capitalises a term printed first in a citation of a note style ("Ibid."), but
    not one after an earlier cite of the same citation, nor in an in-text style."""
    path = note_style(tmp_path)
    assert agree(ITEMS, [["a"], ["a"], ["b"], ["a", "a"]], path, tmp_path) == [
        "Lee, Steppe politics.", "Ibid.", "Park, Water.", "Lee, Steppe politics; ibid."]
    in_text = note_style(tmp_path, "in-text")
    assert agree(ITEMS, [["a"], ["a"]], in_text, tmp_path)[1] == "ibid."


def test_added_names_stop_where_each_work_is_told_apart(tmp_path):
    """disambiguate-add-names with add-givenname (all-names): each work shows as many names as tell
    it apart from the works it can be told apart from; a list shown whole has no "et al."; given
    names are added on the names added (citeproc-js's "Smith, Brown & A. Jones")."""
    path = style(tmp_path, """<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"
      disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names">
    <layout delimiter="; "><group delimiter=" ">
      <names variable="author"><name initialize-with=". " and="symbol" delimiter-precedes-last="never" form="short"/></names>
      <date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date></group></layout>
  </citation>""")

    def work(ident: str, *names: tuple[str, str]) -> dict[str, Any]:
        return {"id": ident, "type": "book", "issued": {"date-parts": [[1980]]},
                "author": [{"family": f, "given": g} for f, g in names]}

    items = [work("1", ("Smith", "John"), ("Brown", "John"), ("Jones", "John")),
             work("3", ("Smith", "John"), ("Benson", "John"), ("Jones", "John")),
             work("4", ("Smith", "John"), ("Brown", "John"), ("Jones", "Arthur"))]
    assert agree(items, [["1", "3"], ["1", "4"]], path, tmp_path) == [
        "Smith, Brown &amp; J. Jones (1980); Smith, Benson, et al. (1980)",
        "Smith, Brown &amp; J. Jones (1980); Smith, Brown &amp; A. Jones (1980)"]
