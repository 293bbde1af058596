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
