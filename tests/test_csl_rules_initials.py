"""Initials of hyphenated given names as citeproc-js's initializeWith makes them (issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render


@pytest.mark.parametrize("mark, chen, kim", [(". ", "G. Chen", "J.-H. Kim"), ("", "G Chen", "J-H Kim")])
def test_a_lower_case_hyphen_part_has_no_initial(tmp_path: Path, mark: str, chen: str, kim: str):
    style = tmp_path / "s.csl"
    style.write_text(f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="author"><name initialize-with="{mark}"/></names></layout></bibliography>
</style>""", encoding="utf-8")
    items = [{"id": "a", "type": "book", "author": [{"family": "Chen", "given": "Guo-ping"}]},
             {"id": "b", "type": "book", "author": [{"family": "Kim", "given": "Ji-Hoon"}]}]
    assert [e.body for e in render(items, str(style), "en-US", "text").entries] == [chen, kim]
