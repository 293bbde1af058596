"""The document's own record from what small hand-written documents state (issue 17)."""

from __future__ import annotations

from bibkaz.extract.metadata import find_metadata, find_own


def _own(text: str):
    own = find_own(text.split("\n"))
    assert own is not None
    return own


def test_front_matter_slugs_spelt_as_the_page_spells_them():
    own = _own("---\ntitle: \"Notes on river\n  gauges\"\ndate: 2022-11-03\nauthors:\n  - ana-lima\n"
               "  - jo-van-dyke-hart\n---\n\n### Jo Van Dyke-Hart - Hydrology\n\nText.\n")
    r = own.record
    assert r.title == "Notes on river gauges"
    assert [(n.family, n.given) for n in r.authors] == [("Lima", "Ana"), ("Van Dyke-Hart", "Jo")]
    assert r.date == "2022-11-03"
    assert own.line_of("title") == 2 and own.line_of("date") == 4 and own.line_of("authors") == 5


def test_toml_front_matter_team_is_one_organisation():
    r = _own('+++\ntitle = "Release notes 4.0"\nauthors = ["The Tooling Team"]\n+++\n\nBody.\n').record
    assert r.title == "Release notes 4.0"
    assert r.authors[0].literal == "The Tooling Team"


def test_byline_with_two_authors_and_date():
    own = _own("Why Wells Run Dry in Summer\n\nBy Maria Olsen and Tom Berg | 3 March 2021\n\nThe aquifer ...\n")
    assert [n.family for n in own.record.authors] == ["Olsen", "Berg"]
    assert own.record.date == "2021-03-03"
    assert own.line_of("authors") == 3


def test_author_block_with_affiliation_marks_under_title():
    text = ("            gridkit: A toolkit for power grid models\n"
            "            Lena Fischer1 , Omar Haddad2 , and Kim Park1\n"
            "            1 Example University 2 Sample Institute\n\nSummary\n")
    r = _own(text).record
    assert r.title == "gridkit: A toolkit for power grid models"
    assert [n.family for n in r.authors] == ["Fischer", "Haddad", "Park"]


def test_author_section_at_the_back_with_columns_and_roles():
    text = ("Grain Storage Policy: An Overview\n\nMay 2, 2024\n\nBody text here.\n\n"
            "Author Information\n\nRuth K. Amsel                 Peter Ng\n"
            "Analyst in Agricultural Policy         Legislative Attorney\n")
    r = _own(text).record
    assert [n.family for n in r.authors] == ["Amsel", "Ng"]
    assert r.date == "2024-05-02"


def test_title_runs_on_when_a_running_header_prints_it_whole():
    text = ("Harbour Dredging: The Cost-Benefit\nQuestion\n\nJune 1, 2023\n\n"
            + "\n".join(["Body."] * 5) + "\n      Harbour Dredging: The Cost-Benefit Question\n")
    r = _own(text).record
    assert r.title == "Harbour Dredging: The Cost-Benefit Question"
    assert r.authors == ()  # "Question" below the title is not a person


def test_running_organisation_is_the_publisher_and_report_number():
    # a PDF's right-aligned running footer, as pdftotext -layout gives it
    page = "\n\n" + " " * 64 + "Office of Rural Studies\n" + " " * 75 + "RS-4471\n"
    own = _own("Village Roads and Schooling\n\nApril 3, 2025\n" + page + "Text.\n" + page + "More.\n" + page)
    assert own.record.publisher == "Office of Rural Studies"
    assert own.number == "RS-4471" and own.record.type == "report"


def test_access_date_is_not_the_publication_date():
    text = ("Copied from https://example.org/wiki/Lakes at Mon Mar 2 10:11:12 UTC 2020\n\n"
            "****** Lakes ******\nFrom Examplepedia, the free encyclopedia\n\nLakes are ...\n\n"
            "  * This page was last edited on 12 January 2020, at 10:00 (UTC).\n")
    r = _own(text).record
    assert r.title == "Lakes"
    assert r.container_title == "Examplepedia"
    assert r.date == "2020-01-12"
    assert r.url == "https://example.org/wiki/Lakes"


def test_furniture_is_never_a_person():
    r = _own("Global Security Review\n\nSite Web\n\nReview Global\n\nA short piece on ports and trade routes.\n").record
    assert r.authors == ()


def test_labelled_fields_line():
    text = ("# Water Audit of the Northern District\n\n**Report:** WA-22-17 | **Published:** 2022-09-30 | "
            "**Source:** [State Audit Office](https://audit.example.gov/wa-22-17)\n\nText.\n")
    own = _own(text)
    assert own.record.date == "2022-09-30" and own.record.publisher == "State Audit Office"
    assert own.record.url == "https://audit.example.gov/wa-22-17" and own.number == "WA-22-17"


def test_own_footer_citation_gives_year_and_journal():
    text = ("meshfix: Repairing broken triangle meshes\nAnna Berg1\n1 Some University\n\nSummary\n\n"
            "Berg, (2023). meshfix: Repairing broken triangle meshes. Journal of Open Source Software, 8(80), 1.\n")
    r = _own(text).record
    assert r.date == "2023" and r.container_title == "Journal of Open Source Software"


def test_no_title_no_record():
    assert find_metadata(["", "x" * 10 + " " + "word " * 60]) is None


def test_site_suffix_dropped_from_html_title():
    r = _own("Otters - Examplepedia\n\nFrom Examplepedia, the free encyclopedia\n\nOtters are ...\n").record
    assert r.title == "Otters"


def test_crs_in_focus_record_from_its_edition_line_signature_and_disclaimer():
    # A real CRS In Focus (tests/corpus/dev, public domain): "Updated April 15, 2026" above the title,
    # the writers signing "Name, Specialist in …" at the end, the disclaimer naming who prepared it.
    from pathlib import Path

    lines = (Path(__file__).parent / "corpus" / "dev" / "bib_crs_if12255_snap_primer.txt").read_text().splitlines()
    record = find_metadata(lines)
    assert record.title == "Farm Bill Primer: SNAP and Nutrition Title Programs"
    assert [n.family for n in record.authors] == ["Falk", "Aussenberg", "Billings"]
    assert record.date == "2026-04-15" and record.publisher == "Congressional Research Service"


def test_a_title_does_not_run_on_into_the_first_line_of_the_text():
    record = _own("Updated May 2, 2025\n\nA Long Report Title About Several Things Together\n"
                  "The first sentence of the body text runs on over a full line of the\npage and goes on.\n")
    assert record.record.title == "A Long Report Title About Several Things Together"
