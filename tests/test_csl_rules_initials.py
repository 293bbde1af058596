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


def test_an_accented_lower_case_letter_is_not_a_capital(tmp_path: Path):
    """"Bóxī" and "Péter B." open with one capital: "B." and "P.B." as citeproc-js prints them in
    Harvard. "ó" had been read as a second capital (the initial of a digraph such as "TSerendorjiin"
    → "Ts."), giving "Bó." and "Pé.B."; a real digraph keeps its two letters."""
    from test_csl_rules import agree, style_path

    items = [{"id": i, "type": "book", "title": "T", "publisher": "P", "author": [{"family": "Wú", "given": g}],
              "issued": {"date-parts": [[1990 + n]]}}
             for n, (i, g) in enumerate((("a", "Bóxī"), ("b", "Péter B."), ("c", "ÓScar Ian")))]
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert [out[i].split(" (")[0] for i in "abc"] == ["Wú, B.", "Wú, P.B.", "Wú, Ós.I."]


def test_a_given_name_ending_in_a_hyphen(tmp_path: Path):
    """"Alvaro Taype-" (a name cut at a line break) → "A.T.-" as citeproc-js prints it in Harvard;
    citeproc-py initialised the empty part after the hyphen too ("A.T.-.")."""
    from test_csl_rules import agree, style_path

    items = [{"id": i, "type": "book", "title": "T", "publisher": "P", "author": [{"family": "Wu", "given": g}],
              "issued": {"date-parts": [[1990 + n]]}}
             for n, (i, g) in enumerate((("a", "Alvaro Taype-"), ("b", "CSX Customer Advisory-")))]
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert [out[i].split(" (")[0] for i in "ab"] == ["Wu, A.T.-", "Wu, C.C.A.-"]
