"""Two-column pages of a layout-keeping PDF conversion read column by column (bibkaz/extract/columns.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.extract import find
from bibkaz.extract.columns import unfold_columns
from bibkaz.read import read_document

DEV = Path(__file__).parent / "corpus" / "dev"

LEFT = [
    "Reproducible research needs code that others can run, and data",
    "that others can read. Many fields now expect both from authors,",
    "and journals have begun to ask for them when a paper is sent in.",
    "We describe a package that brings taxonomic data into analyses",
    "written in R, so that names can be checked where they are used.",
    "The package talks to many sources over their web interfaces and",
    "returns tables that other packages can work with directly here.",
    "Each function is small and does one thing for one data source.",
    "Tests run against every source each week to catch any changes.",
]
RIGHT = [
    "Other packages cover sequence data, such as rsnps and rentrez,",
    "so taxize does not venture deeply into those other domains now.",
    "Some sources require a key so that they can manage their load,",
    "and the package reads the key from the user's own settings file.",
    "We thank all the people who keep these databases open to the public.",
    "Contributions are welcome: report bugs and suggest new functions.",
    "The code is on GitHub under an open licence for anyone to reuse.",
    "New data sources are added as users ask for them in the tracker.",
    "Documentation is built from the code and published with each one.",
]


def _page() -> str:
    return "\n".join(f"{left:<66}    {right}" for left, right in zip(LEFT, RIGHT))


def test_a_two_column_page_is_read_column_by_column_and_keeps_its_line_numbers():
    text = "A title across the page\n\n" + _page() + "\n\fNext page\n"
    unfolded = unfold_columns(text)
    assert unfolded is not None
    lines = unfolded.text.split("\n")
    # the left column where the page stood, then the right one (a blank where it had nothing)
    assert lines[:11] == ["A title across the page", "", *LEFT]
    assert lines[11:22] == ["", "", *RIGHT] and lines[22:] == ["\fNext page", ""]
    assert unfolded.origin[2:11] == tuple(range(3, 12)) and unfolded.origin[13:22] == tuple(range(3, 12))


def test_tables_and_single_column_text_are_left_as_they_are():
    table = "\n".join(f" over ${n * 1000:,} to ${n * 2000:,}{' ' * 30}${n * 100:,} + 12% of the amount over ${n:,}"
                      for n in range(1, 20))
    assert unfold_columns(table) is None
    assert unfold_columns("\n".join(LEFT + RIGHT)) is None


def test_a_two_column_article_converted_with_layout_finds_its_references_at_the_files_lines():
    # F1000Research article (CC BY), `pdftotext -layout`: both columns side by side on each page.
    document = read_document(DEV / "dev4_f1000_taxize.txt")
    _, refs, mentions, _, _ = find(document)
    gold = json.loads((DEV / "dev4_f1000_taxize.gold.json").read_text())
    lines = document.text.split("\n")
    found = 0
    for work in gold["works"]:
        ref = next((r for r in refs if work["title"] and work["title"][:25].lower() in r.text.lower()), None)
        if ref is None:
            continue
        found += 1
        # the line reported holds the start of the entry in the file as it is
        assert ref.text.split()[0].rstrip(",:") in lines[ref.line - 1]
    assert found >= 24  # of 28; read line by line, 17
    assert any(m.reference is not None and m.line == 186 for m in mentions)


def test_the_own_record_of_a_two_column_file_is_read_from_the_file_as_laid_out():
    # CRS In Focus, `pdftotext -layout` (public domain): its date stands in a page footer,
    # which unfolding the columns moves away from where the own record looks for it.
    records = Path(__file__).parent / "records"
    gold = json.loads((records / "crs_if11043_common_rule.record.json").read_text())
    document = read_document(records / "crs_if11043_common_rule.txt")
    assert unfold_columns(document.text) is not None
    found, _, _, _, _ = find(document)
    assert found.meta is not None and found.meta.date == gold["record"]["date"]
