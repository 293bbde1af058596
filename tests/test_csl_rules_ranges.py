"""CSL collapsing into ranges: year suffixes ("2000a, b", "2000a–e") and citation numbers ("[1]–[3]").

Each test renders a small style of its own through ``render_citations`` and,
where citeproc-js is installed (citation-js in bench/node), checks that
citeproc-js prints the same.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bibkaz.style import ranges
from bibkaz.style.citations import Cite, render_citations

NODE_DIR = Path(__file__).resolve().parent.parent / "bench" / "node"

HEAD = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>"""


def style(tmp_path: Path, citation: str, bibliography: str = "") -> str:
    path = tmp_path / "style.csl"
    path.write_text(f"{HEAD}\n{citation}\n{bibliography}\n</style>", encoding="utf-8")
    return str(path)


def book(ident: str, family: str, year: int, title: str = "A book") -> dict[str, Any]:
    return {"id": ident, "type": "book", "title": title, "author": [{"family": family, "given": "J."}],
            "issued": {"date-parts": [[year]]}}


def agree(items: list[dict[str, Any]], clusters: list[list[str]], path: str, tmp_path: Path) -> list[str]:
    """Our citations, after checking them against citeproc-js's where it is installed."""
    mine = render_citations(items, [[Cite(k) for k in cluster] for cluster in clusters], path, to="html")
    if not shutil.which("node") or not (NODE_DIR / "node_modules" / "@citation-js" / "plugin-csl").exists():
        return mine
    data = tmp_path / "clusters.json"
    data.write_text(json.dumps({"items": items, "clusters": [[{"id": k} for k in c] for c in clusters]}),
                    encoding="utf-8")
    out = subprocess.run(["node", str(NODE_DIR / "format.mjs"), str(data), path, "en-US", "citations"],
                         capture_output=True, text=True, timeout=120, check=True)
    theirs = json.loads(out.stdout)["citations"]  # plain text: ours without markup and escapes

    def plain(text: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())

    assert [plain(t) for t in mine] == [plain(t) for t in theirs]
    return mine


SMITHS = [book(f"s{n}", "Smith", 2000, f"Book {n}") for n in range(1, 6)] + [book("s6", "Smith", 2001)]


def test_year_suffix_collapse_prints_a_repeated_year_as_its_suffix(tmp_path):
    """collapse="year-suffix": after the names, a year equal to the last cite's prints its suffix
    only, after ``year-suffix-delimiter`` (else the layout's delimiter); the next year, collapsed, after ", "."""
    path = style(tmp_path, """<citation collapse="year-suffix" disambiguate-add-year-suffix="true" year-suffix-delimiter=",">
    <layout prefix="(" suffix=")" delimiter="; "><group delimiter=" ">
      <names variable="author"><name form="short"/></names>
      <date variable="issued"><date-part name="year"/></date></group><text variable="year-suffix"/></layout>
  </citation>""")
    assert agree(SMITHS, [["s1", "s2", "s3", "s6"], ["s1", "s3"]], path, tmp_path) == [
        "(Smith 2000a,b,c, 2001)", "(Smith 2000a,c)"]


def test_year_suffix_ranged_joins_three_or_more_letters(tmp_path):
    """collapse="year-suffix-ranged": runs of three or more consecutive letters print as "a–e";
    two stay apart ("a,b"), as citeproc-js ranges its numbers."""
    path = style(tmp_path, """<citation collapse="year-suffix-ranged" disambiguate-add-year-suffix="true" year-suffix-delimiter=",">
    <layout delimiter=", "><group delimiter=" ">
      <names variable="author"><name form="short"/></names>
      <date variable="issued"><date-part name="year"/></date></group><text variable="year-suffix"/></layout>
  </citation>""")
    assert agree(SMITHS, [["s1", "s2", "s3", "s4", "s5", "s6"], ["s1", "s3", "s4", "s5"], ["s1", "s2"]],
                 path, tmp_path) == ["Smith 2000a–e, 2001", "Smith 2000a,c–e", "Smith 2000a,b"]


def test_implicit_year_suffix_collapses_too(tmp_path):
    """A style that never prints ``year-suffix`` gets it after the year (CSL 1.0.2); the year still
    collapses, and a cite that prints no names counts as collapsed."""
    path = style(tmp_path, """<citation collapse="year-suffix" disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; "><date variable="issued"><date-part name="year"/></date></layout>
  </citation>""")
    assert agree(SMITHS[:2], [["s1", "s2"]], path, tmp_path) == ["(2000a; b)"]


def test_citation_numbers_collapse_into_ranges(tmp_path):
    """collapse="citation-number": runs of three or more consecutive numbers print as "[1]–[3]", each
    end with its affixes; a repeated number breaks a run."""
    items = [book(f"n{n}", f"Author{n}", 2000 + n) for n in range(1, 8)]
    path = style(tmp_path, """<citation collapse="citation-number">
    <sort><key variable="citation-number"/></sort>
    <layout delimiter=", " prefix="(" suffix=")"><text variable="citation-number" prefix="[" suffix="]"/></layout>
  </citation>""", """<bibliography><layout><text variable="citation-number"/></layout></bibliography>""")
    clusters = [[f"n{n}" for n in range(1, 8)], ["n1", "n2", "n3", "n5", "n6", "n7"], ["n1", "n2"], ["n4", "n7"]]
    assert agree(items, clusters, path, tmp_path) == ["([1]–[7])", "([1]–[3], [5]–[7])", "([1], [2])", "([4], [7])"]


def test_ranges_join_runs_of_three_within_a_chain():
    pieces = [ranges.Piece(str(n), ",", n, 0) for n in (1, 2, 2, 3, 4)]
    assert ranges.join(pieces, "–", True) == "1,2,2–4"
    assert ranges.join(pieces, "–", False) == "1,2,2,3,4"
    # a new chain breaks the run even when the numbers follow
    split = [ranges.Piece("1", ",", 1, 0), ranges.Piece("2", ",", 2, 0), ranges.Piece("3", ",", 3, 1)]
    assert ranges.join(split, "–", True) == "1,2,3"
