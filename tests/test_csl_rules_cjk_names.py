"""Names in scripts written without spaces, run together family first as citeproc-js prints them
(issue 16, tenth session); outputs checked against citeproc-js 2.4.63 on these items."""

from __future__ import annotations

from bibkaz.style import find_style, render
from bibkaz.style.citations import Cite, render_citations

_ITEMS = [{"id": "a", "type": "book", "title": "民法", "issued": {"date-parts": [[1960]]}, "publisher": "岩波書店",
           "author": [{"family": "我妻", "given": "栄"}, {"family": "Wang", "given": "Li"}]},
          {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[1961]]},
           "author": [{"family": "田中", "given": "太郎"}]}]


def test_bibliography_runs_family_and_given_together_in_every_order():
    apa = find_style("apa").path
    assert [e.body for e in render(_ITEMS, apa, "en-US", "text").entries] == [
        "我妻栄, & Wang, L. (1960). 民法. 岩波書店.", "田中太郎. (1961). B."]
    chicago = find_style("chicago-author-date").path
    assert render(_ITEMS, chicago, "en-US", "text").entries[0].body == "我妻栄, and Li Wang. 1960. 民法. 岩波書店."


def test_the_short_form_keeps_the_family_name_alone():
    apa = find_style("apa").path
    cited = [[Cite("a", "", "", "", "")], [Cite("b", "", "", "", "")]]
    assert render_citations(_ITEMS, cited, apa, "en-US", to="text") == ["(我妻 & Wang, 1960)", "(田中, 1961)"]
