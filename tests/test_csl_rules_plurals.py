"""Plural labels and escaped hyphens as citeproc-js's processNumber reads a field (issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render
from bibkaz.style.citations import Cite, render_citations
from bibkaz.style.plurals import is_plural

_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" page-range-format="expanded">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=" "><text variable="title"/><label variable="locator"/>
    <text variable="locator"/></group></layout></citation>
  <bibliography><layout><group delimiter=" "><text variable="title"/><label variable="page"/>
    <text variable="page"/></group></layout></bibliography>
</style>"""


@pytest.mark.parametrize("value, plural", [
    ("1-2", True), ("4\u20136", True), ("1, 3", True), ("213 & 235", True), ("10 and 12", True),
    ("i-ix", True),  # roman numerals are numbers (citeproc-py said "page")
    ("S1-S4", True),  # a letter prefix is stripped before the test
    ("327\\-30", False), ("3\\-B", False),  # an escaped hyphen joins nothing (citeproc-py said "pages")
    ("Michaelson-Morely", False), ("12a-c", False), ("2.0", False), ("12", False),
])
def test_several_numbers_make_a_plural_label(value: str, plural: bool):
    assert is_plural(value) is plural


def test_an_embedded_label_is_left_to_citeproc_py():
    assert is_plural("vol. 1, fol. 186") is None


def test_labels_and_escaped_hyphens_in_rendered_output(tmp_path: Path):
    style = tmp_path / "s.csl"
    style.write_text(_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "Life", "page": "i-ix"},
             {"id": "b", "type": "book", "title": "Work", "page": "3\\-B"}]
    assert [e.body for e in render(items, str(style), "en-US", "text").entries] == [
        "Life pages i\u2013ix", "Work page 3-B"]
    cited = [[Cite("a", "327\\-30", "page", "", "")], [Cite("a", "427-30", "page", "", "")]]
    assert render_citations(items, cited, str(style), "en-US", to="text") == [
        "Life page 327-30", "Life pages 427\u2013430"]


@pytest.mark.parametrize("value, numeric", [
    ("18-19", True), ("48\u201349", True), ("88-4108, 37", True), ("i-ix", True), ("3A", True), ("A3", True),
    ("Michaelson-Morely", False), ("Spring", False),  # citeproc-py: "18-19" not numeric, "3A" numeric
])
def test_is_numeric_reads_the_first_number(value: str, numeric: bool):
    from bibkaz.style.plurals import is_numeric

    assert is_numeric(value) is numeric


def test_a_volume_range_is_numeric_in_real_styles():
    """Checked against citeproc-js 2.4.63: MLA's and Chicago's is-numeric branch gives "vols." and
    the en dash (citeproc-py printed "Technovation, 48–49" and "Monumentum (Louvain), 18-19")."""
    from bibkaz.style import find_style

    items = [{"id": "b", "type": "article-journal", "title": "Motives", "container-title": "Technovation",
              "volume": "48-49", "issued": {"date-parts": [[2016]]}, "page": "13-24"},
             {"id": "m", "type": "chapter", "title": "Conclusions", "container-title": "Monumentum",
              "volume": "18-19", "issued": {"date-parts": [[1979]]}}]
    mla = [e.body for e in render(items, find_style("modern-language-association").path, "en-US", "text").entries]
    assert mla[1] == "“Motives.” Technovation, vols. 48\u201349, 2016, pp. 13\u201324."
    chicago = [e.body for e in render(items, find_style("chicago-author-date").path, "en-US", "text").entries]
    assert chicago[0] == "“Conclusions.” 1979. In Monumentum, vols. 18\u201319."


_LOCATOR_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=" "><label variable="locator"/><text variable="locator"/></group>
    <choose><if is-numeric="locator"><text value="|numeric"/></if></choose></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>"""


def test_is_numeric_reads_the_cites_locator(tmp_path: Path):
    """citeproc-py looks for the locator among the work's variables and never finds it; citeproc-js
    (checked with bench/node/format.mjs) calls "4", "4a", "xiv" and even "intro" numeric, "IV" not."""
    style = tmp_path / "s.csl"
    style.write_text(_LOCATOR_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "T"}]
    clusters = [[Cite("a", locator, "chapter")] for locator in ("4", "4a", "xiv", "intro", "IV")] + [[Cite("a")]]
    assert render_citations(items, clusters, str(style)) == [
        "chapter 4|numeric", "chapter 4a|numeric", "chapter xiv|numeric", "chapter intro|numeric", "chapter IV", ""]


def test_apa_labels_a_numeric_chapter_locator():
    """APA's label-locator macro prints the label of a numeric locator ("Chapter 4", as citeproc-js)."""
    from bibkaz.style import find_style

    items = [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Hill", "given": "M."}],
              "issued": {"date-parts": [[2000]]}}]
    clusters = [[Cite("a", "ch. 4")], [Cite("a", "line 4")], [Cite("a", "p. 4")]]
    assert render_citations(items, clusters, str(find_style("apa").path)) == [
        "(Hill, 2000, Chapter 4)", "(Hill, 2000, Line 4)", "(Hill, 2000, p. 4)"]


def test_labels_typed_in_a_locator():
    """citeproc-js's locator_label_parse and label plurals (checked with bench/node/format.mjs): a
    leading "vol." becomes the label; the numbers before a typed label decide the plural; a locator
    with words citeproc-js knows no label for is text, with a singular label."""
    from bibkaz.style import find_style

    items = [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Hill", "given": "M."}],
              "issued": {"date-parts": [[2000]]}}]
    clusters = [[Cite("a", "vol. 2", "page")], [Cite("a", "pps. 225-9", "page")],
                [Cite("a", "168ff; see also pr 122", "paragraph")], [Cite("a", "1 to 5", "page")]]
    assert render_citations(items, clusters, str(find_style("apa").path)) == [
        "(Hill, 2000, Volume 2)", "(Hill, 2000, p. pps. 225-9)", "(Hill, 2000, para. 168ff; see also pr 122)",
        "(Hill, 2000, p. 1 to 5)"]


@pytest.mark.parametrize("typed, no_format, with_format", [
    ("841-B-11-003", "841-B-11\u2013003", "841-B-11\u2013003"),  # EPA report numbers (dev corpus)
    ("9-801-199", "9-801\u2013199", "9-801\u2013199"),  # only the run's last pair
    ("39 GAO-06-282", "39 GAO-06\u2013282", "39 GAO-06\u2013282"),
    ("GAO-06-282", "GAO-06-282", "GAO-06-282"),  # no number first: nothing pairs
    ("6-A16", "6-A16", "6-A16"),  # different letter prefixes
    ("2-13.rakshitarya98", "2-13.rakshitarya98", "2-13.rakshitarya98"),
    ("83-0034,1983", "83\u20130034,1983", "83-0034,1983"),  # a larger first number pairs without a range format
    ("[4110-85]", "[4110-85]", "[4110-85]"),
    ("18-19", "18\u201319", "18\u201319"),
    ("02-03", "02\u201303", "02\u201303"),
    ("i-ix", "i\u2013ix", "i\u2013ix"),
])
def test_hyphens_in_numbers_as_citeproc_js(typed, no_format, with_format):
    """citeproc-js's fixRanges / manglePageNumbers on a volume, issue, edition or number (checked
    with bench/node/format.mjs in IEEE, APA, Chicago and MLA)."""
    from bibkaz.style.plurals import range_dashes

    assert range_dashes(typed, False) == no_format
    assert range_dashes(typed, True) == with_format


def test_the_first_part_decides_the_plural():
    """citeproc-js (fixNumericAndCount) calls a field of several parts plural when its first part
    reads as a number: MLA's "vols. 26, (2)" (dev corpus: an issue typed into the volume), as
    "vols. 26, 27"; a first part that is a word stays singular."""
    assert is_plural("26, (2)") is True
    assert is_plural("26, 27") is True
    assert is_plural("Michaelson-Morely") is False
