"""Sixteenth session (issue 13): links whose words say nothing of a title — a Markdown link whose
words are its own address, after a label that names the page, and an author-date citation whose
linked word is its year. Strings of the development corpus's shapes (bench/parse_field_errors.py,
the `pipeline:` class: the string parsed alone was right, the pipeline's link record was not)."""

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
    # linked words that merely hold a year are not a date alone
    r = record("the 2019 report <https://example.org/report>", "inline-link")
    assert r.year == ""
