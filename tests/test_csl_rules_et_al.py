"""Et-al abbreviation needs et-al-min and et-al-use-first together (CSL 1.0.2; issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render

_ITEM = {"id": "a", "type": "book", "author": [{"family": f, "given": g} for f, g in
                                               (("Doe", "John"), ("Roe", "Jane"), ("Snoakes", "Richard"))]}


@pytest.mark.parametrize("bibliography_attrs, printed", [
    ("", "John Doe, Jane Roe, Richard Snoakes"),  # use-first only on cs:citation: nothing to abbreviate with
    (' et-al-use-first="1"', "John Doe et al."),
])
def test_et_al_min_alone_abbreviates_nothing(tmp_path: Path, bibliography_attrs: str, printed: str):
    style = tmp_path / "s.csl"
    style.write_text(f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation et-al-use-first="2"><layout><names variable="author"><name et-al-min="3" delimiter=", "/></names>
  </layout></citation>
  <bibliography{bibliography_attrs}><layout><names variable="author"><name et-al-min="3" delimiter=", "/></names>
  </layout></bibliography></style>""", encoding="utf-8")
    assert render([_ITEM], str(style), "en-US", "text").entries[0].body == printed
