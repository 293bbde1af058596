"""The BibTeX writer and reader on their own: dialects, round trips, duplicates, name forms."""

from __future__ import annotations

import pytest

from bibkaz.formats.bibtex import format_entries, read_records_text
from bibkaz.model import InputError, Name, Record

ARTICLE = Record(
    type="article-journal", authors=(Name("Laruelle", "M."), Name(literal="World Bank")), title="Why no Kazakh Novorossiya? The CSTO in Kazakhstan",
    container_title="Problems of Post-Communism", date="2018-03", volume="65", issue="1", pages="65-78",
    doi="10.1080/10758216.2016.1220257",
)


def test_biblatex_round_trip_keeps_every_field():
    text = format_entries([("laruelle2018why", ARTICLE)])
    assert "date = {2018-03}" in text and "pages = {65--78}" in text and "{World Bank}" in text
    assert "{Kazakhstan}" in text and "{CSTO}" in text  # proper nouns survive case-changing styles
    (key, back), = read_records_text(text)
    assert key == "laruelle2018why" and back == ARTICLE


def test_classic_bibtex_dialect():
    text = format_entries([("k", ARTICLE), ("w", Record(type="webpage", title="Page", url="https://x.org", date="2022-05-10"))], "bibtex")
    assert "journal = {Problems of {Post-Communism}}" in text
    assert "year = {2018}" in text and "month = mar," in text  # the month macro, unbraced
    assert "@misc{w," in text and "howpublished = {\\url{https://x.org}}" in text


def test_names_with_particles_and_suffixes():
    names = (Name("Berg", "Jan", particle="van der"), Name("King", "Martin Luther", suffix="Jr."), Name("García Márquez", "Gabriel"))
    text = format_entries([("k", Record(type="book", authors=names, title="T"))])
    assert "author = {van der Berg, Jan and King, Jr., Martin Luther and {García Márquez}, Gabriel}" in text
    (_, back), = read_records_text(text)
    assert back.authors == names


def test_duplicate_keys_are_kept_for_merging_and_broken_entries_named():
    recs = read_records_text("@article{a, title={X}, year={2020}}\n@book{a, title={Y}}\n")
    assert [(k, r.title) for k, r in recs] == [("a", "X"), ("a", "Y")]
    with pytest.raises(InputError, match=r"refs.bib:\d+: malformed BibTeX entry"):
        read_records_text("@article{a, title={X}\n\n@book{b, title = }", "refs.bib")
