"""Sixteenth session (issue 13): links whose words say nothing of a title — a Markdown link whose
words are its own address, after a label that names the page, and an author-date citation whose
linked word is its year (the `pipeline:` class of bench/parse_field_errors.py: the string parsed
alone was right, the pipeline's link record was not) — and what legal notes put before and after a
citation: an introductory signal ("See, e.g.,") and the other authorities of a string cite.
Strings of the development corpus's shapes."""

from __future__ import annotations

from bibkaz.model import RawReference
from bibkaz.parse import parse_raws


def record(text: str, kind: str = "list"):
    """The record of one reference of a Markdown document, as the extract stage parses it."""
    return parse_raws([RawReference("doc.md", kind, text, 1)])[0].record


def test_a_label_before_a_link_whose_words_are_its_address_is_the_title():
    r = record("SCI GitHub Repository: [https://github.com/Green-Software-Foundation/sci]"
               "(https://github.com/Green-Software-Foundation/sci)")
    assert (r.title, r.authors, r.url) == ("SCI GitHub Repository", (), "https://github.com/Green-Software-Foundation/sci")
    # the label's bracket that dates it goes to the date
    r = record("SCI for AI Specification (ratified December 2024): [https://greensoftware.foundation/articles/sci-ai]"
               "(https://greensoftware.foundation/articles/sci-ai)")
    assert (r.title, r.year) == ("SCI for AI Specification", "2024")


def test_an_address_as_the_linked_words_is_no_title():
    r = record("[https://www.cbo.gov/publication/49910](https://www.cbo.gov/publication/49910)")
    assert (r.title, r.url) == ("", "https://www.cbo.gov/publication/49910")
    # linked words that are a title stay the title, and a body's label its author
    r = record("Danish Agency for Digitisation: [Guidance on reuse of public data](https://digst.dk/data)")
    assert r.title == "Guidance on reuse of public data"
    assert [n.literal for n in r.authors] == ["Danish Agency for Digitisation"]


def test_a_linked_year_is_the_date():
    r = record("1959 <https://caat.jhsph.edu/principles/the-principles-of-humane-experimental-technique>", "inline-link")
    assert (r.year, r.title, r.note) == ("1959", "", "")
    r = record("1963 <https://doi.org/10.1037/h0040525>", "inline-link")
    assert (r.year, r.doi, r.url) == ("1963", "10.1037/h0040525", "")
    # linked words that merely hold a year are not a date alone
    r = record("the 2019 report <https://example.org/report>", "inline-link")
    assert r.year == ""


def _names(r) -> list[str]:
    return [n.literal or n.family for n in r.authors]


def test_a_notes_signal_is_not_the_first_author():
    from bibkaz.parse import parse_reference

    r = parse_reference("*See, e.g.*, Jonathan B. Baker, *The Antitrust Paradigm: Restoring a Competitive Economy* (2019)")
    assert (_names(r), r.title) == (["Baker"], "The Antitrust Paradigm: Restoring a Competitive Economy")
    r = parse_reference('see Department of Commerce, "Plan for an Orderly Shutdown Due to Lapse of Congressional '
                        'Appropriations, September 29, 2025," <https://www.commerce.gov/plan.pdf>')
    assert _names(r) == ["Department of Commerce"]
    r = parse_reference("Reproduced from EPA, “GHGRP and the Oil and Gas Industry,” https://www.epa.gov/ghgreporting/ghgrp-oil-and-gas")
    assert _names(r) == ["EPA"]


def test_a_title_that_opens_with_see_keeps_it():
    from bibkaz.parse.normalise.signals import without_signal

    assert without_signal("See No Evil: The True Story of a Ground Soldier, Crown, 2002.").startswith("See No Evil")
    assert without_signal("Seeing Like a State: How Certain Schemes to Improve the Human Condition Have Failed")[:6] == "Seeing"
    assert without_signal("see the report by Smith, 2019, for more") == "see the report by Smith, 2019, for more"


def test_a_string_cite_is_its_first_case():
    from bibkaz.parse import parse_reference

    r = parse_reference("See, e.g. , CFPB v. Aria , 54 F.4th 1168, 1173 (9th Cir. 2022); Gordon , 819 F.3d at 1193; "
                        "FTC v. E.M.A. Nationwide, Inc. , 767 F.3d 611, 631 (6th Cir. 2014).")
    assert (r.type, r.title, r.year) == ("legal_case", "CFPB v. Aria", "2022")
    # a title with a semicolon and no case is left whole
    r = parse_reference("FHWA, Funding Federal-aid Highways; Appendix K, Historical Federal Fuel Tax Rates, 2017.")
    assert "Appendix K" in r.title


def test_a_documents_number_is_no_author():
    from bibkaz.parse import parse_reference

    r = parse_reference("ISO, ISO/IEC 29167-1:2014, Information Technology - Automated Identification and Data Capture "
                        "Techniques - Part 1: Security services for RFID air interfaces, 2014.")
    assert _names(r) == ["ISO"]
    assert parse_reference("UEFI Specification Version 2.3. Unified EFI Forum. May 2009. http://www.uefi.org").authors == ()
    # a body whose name holds a number is a body
    from bibkaz.model import Name, Record
    from bibkaz.parse.normalise.number_names import without_number_names

    bodies = (Name(literal="3M"), Name(literal="G20"), Name(family="Smith", given="J."))
    assert without_number_names(Record(authors=bodies)).authors == bodies
