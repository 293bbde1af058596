"""Notes a Jekyll page keeps as HTML in a front-matter field, read as the page's notes (issue 14).

The real pages are Ranking Digital Rights' report chapters in tests/corpus/dev/ (CC BY 4.0):
``footnotes:`` holds ``<p class="footnotes"><span>[36]</span> … <a href="…">…</a></p>`` blocks,
one a line (dev8_rdr2018_*) or all ten on one line (dev8_rdr2019_introduction), and the body
calls them as ``[[36]](#footnotes)`` or ``[<sup>13</sup>](#footnotes)``.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.read import read_document
from bibkaz.read.front_notes import front_matter_notes

DEV = Path(__file__).parent / "corpus" / "dev"


def _library(tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / "lib.json"
    result = CliRunner().invoke(main, ["extract", str(DEV / name), "-o", str(tmp_path / "o.bib"), "--json", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())["works"]


def test_notes_one_a_line_are_read_on_their_own_lines():
    source = (DEV / "dev8_rdr2018_security_uncertainty.md").read_text(encoding="utf-8").split("\n")
    lines = read_document(DEV / "dev8_rdr2018_security_uncertainty.md").lines
    assert len(lines) == len(source)
    assert lines[10] == "footnotes:"
    assert lines[11] == ("36. 2017 Corporate Accountability Index, Ranking Digital Rights, "
                         "https://rankingdigitalrights.org/index2017/assets/static/download/RDRindex2017report.pdf.")
    # <i> is its words and a link's address follows its words, as the HTML reader writes a note
    assert lines[15].startswith("40. Christina Wood, “Insider Threat Examples: 7 Insiders Who Breached Security,” "
                                "CSO Online, March 19, 2018, https://www.csoonline.com/article/3263799/")
    assert [line.split(".")[0] for line in lines[11:23]] == [str(n) for n in range(36, 48)]
    assert lines[23] == "---" and lines[25] == source[25] == "# 4. Security uncertainty"


def test_the_front_matter_still_reads_for_the_own_record():
    lines = read_document(DEV / "dev8_rdr2018_recommendations_governments.md").lines
    entries, body = read_front_matter(lines)
    assert entries["layout"].values == ("narrative",) and entries["header"].values == ("Narrative",)
    assert "footnotes" not in entries  # the notes are no field's value any more: no title or name is read there
    assert body == 19 and lines[20] == "# 8. Recommendations for governments"


def test_extract_finds_the_notes_at_their_file_lines_and_links_the_calls(tmp_path):
    works = _library(tmp_path, "dev8_rdr2018_security_uncertainty.md")
    by_label = {r["label"]: (r["line"], [c["line"] for c in w["citations"]])
                for w in works for r in w["references"]}
    assert by_label["36"] == (12, [40]) and by_label["38"] == (14, [64]) and by_label["47"] == (23, [146])
    assert sorted(int(label) for label in by_label) == list(range(36, 48))
    governments = _library(tmp_path, "dev8_rdr2018_recommendations_governments.md")
    lines = {r["label"]: r["line"] for w in governments for r in w["references"]}
    assert lines == {str(n): n - 89 for n in range(101, 107)}
    assert sum(len(w["citations"]) for w in governments if w["references"]) == 5


def test_notes_sharing_one_line_follow_the_text_under_the_fields_name(tmp_path):
    path = DEV / "dev8_rdr2019_introduction.md"
    source = path.read_text(encoding="utf-8").split("\n")
    lines = read_document(path).lines
    # the file's lines keep their numbers; the field's value line is left blank
    assert lines[9] == "footnotes:" and lines[10] == "" and lines[11] == "---"
    assert lines[13] == source[13] == "# 1. Introduction"
    assert lines[62:65] == ["", "Footnotes", ""]
    notes = [line for line in lines[65:] if line]
    assert [n.split(".")[0] for n in notes] == [str(n) for n in range(13, 23)]
    # a link whose words drop the scheme is written as its address: the cited page's URL
    assert notes[0].endswith("Huffington Post, February 11, 2011, "
                             "http://www.huffpost.com/entry/egypt-facebook-revolution-wael-ghonim_n_822078")
    works = _library(tmp_path, "dev8_rdr2019_introduction.md")
    cited = {r["label"]: [c["line"] for c in w["citations"]] for w in works for r in w["references"]}
    assert cited["13"] == [16] and cited["20"] == [26] and cited["22"] == [34]
    # written after the text, the notes are still reported at the file line they stand on
    assert read_document(path).origin[65] == 11 and len(read_document(path).origin) == len(lines)
    assert {r["line"] for w in works for r in w["references"] if r["label"] in ("13", "20", "22")} == {11}


def test_a_page_without_html_notes_in_its_front_matter_is_left_as_it_was():
    for name in ("dev8_rdr_network_shutdowns_findings.md", "web2_ropensci_spatsoc.md"):
        lines = (DEV / name).read_text(encoding="utf-8").split("\n")
        found = front_matter_notes(lines)
        assert found.lines == {} and found.after == ()


def test_html_that_is_not_a_list_of_notes_stays_in_the_front_matter():
    page = ["---", "title: Ten years", "summary: |",
            "  <p>2019 was the first year.</p>", "  <p>2020 was the <em>second</em>.</p>",
            "teaser: '<p>3 things we learned</p>'", "notes: |", "  <p>[1] A note.</p><p>More words.</p>", "---", "Text."]
    assert front_matter_notes(page) == front_matter_notes([]) and front_matter_notes(page).lines == {}
    # an ordered list's items are notes by their place, one a line
    listed = ["---", "endnotes: >", "  <ol start=\"4\">", "  <li>Ana Torres, “Water,” 2019.</li>",
              "  <li>Ben Ode, “Fire,” 2020.</li></ol>", "---"]
    found = front_matter_notes(listed)
    assert found.lines == {1: "endnotes:", 2: "", 3: "4. Ana Torres, “Water,” 2019.", 4: "5. Ben Ode, “Fire,” 2020."}
    assert found.after == ()


def test_a_bracketed_number_touching_its_notes_words_still_numbers_the_note():
    # RDR 2019's freedom-of-expression chapter: "<span>[63]</span>“Bill No. 608767-7: …”" has no space
    # after its number; one such note used to make the whole field prose (0 of 24 notes read)
    lines = read_document(DEV / "dev11_rdr2019_freedom_of_expression.md").lines
    numbers = [line.split(".")[0] for line in lines if line[:2].isdigit() and line[2:4] == ". "]
    assert numbers == [str(n) for n in range(46, 70)]
    assert any(line.startswith("63. “Bill No. 608767-7") for line in lines)
