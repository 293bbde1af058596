"""A literal name's "|"-separated institution units, printed as citeproc-js prints them (issue 16,
fifteenth session)."""

from __future__ import annotations

from bibkaz.style import find_style, render
from bibkaz.style.citations import Cite, render_citations

_ITEMS = [
    {"id": "a", "type": "report", "title": "T1", "author": [{"literal": "| FEDERAL COMMUNICATIONS COMMISSION | STATE"}],
     "issued": {"date-parts": [[2011]]}},
    {"id": "b", "type": "report", "title": "T2", "author": [{"literal": "Agency C ||  Office D |"}]},
    {"id": "c", "type": "report", "title": "T3", "author": [{"family": "Smith | Jones", "given": "A"}]},
]


def test_units_join_with_a_comma_in_entries_and_citations():
    """citeproc-js splits a literal at "|", trims each unit, drops empty ones and joins them with
    ", " (styles without institution parts); a family name keeps its "|"."""
    path = str(find_style("apa").path)
    entries = {e.key: e.body for e in render(_ITEMS, path).entries}
    assert entries == {"a": "FEDERAL COMMUNICATIONS COMMISSION, STATE. (2011). T1.",
                       "b": "Agency C, Office D. (n.d.). T2.", "c": "Smith | Jones, A. (n.d.). T3."}
    assert render_citations(_ITEMS, [[Cite("a")], [Cite("b")], [Cite("c")]], path) == [
        "(FEDERAL COMMUNICATIONS COMMISSION, STATE, 2011)", "(Agency C, Office D, n.d.)", "(Smith | Jones, n.d.)"]
