"""The document's own record on shapes first met in documents the rules had not seen (the ``r3_`` batch
of tests/records/, scored alone before any rule changed, and the dev corpus): each test pins one shape
on a real file, or on the lines a real file hands on, against its hand-labelled record.

The batch is scored whole by ``python bench/record_accuracy.py --part records --prefix r3_``.
"""

from __future__ import annotations

import json

import pytest

from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.extract.metadata.people import is_person, name_list

from own_record_gold import DEV, RECORDS  # noqa: F401
from own_record_gold import families as _families, gold as _gold, gold_families as _gold_families, own_record as _own


@pytest.mark.parametrize("name", ["r3_web_julia_psa_threadid.md", "r3_web_julia_security_wg.md"])
def test_toml_front_matter_with_a_generator_expression_is_read_line_by_line(name):
    # "rss_pubdate = Date(2023, 07, 06)" is no TOML; the title, authors and published lines around it are
    r = _own(RECORDS / name)
    gold = _gold(name)
    assert (r.title, _families(r), r.date) == (gold["title"], _gold_families(gold), gold["date"])


def test_toml_lines_keep_their_line_numbers():
    entries, body = read_front_matter((RECORDS / "r3_web_julia_psa_threadid.md").read_text(encoding="utf-8").splitlines())
    assert (entries["published"].values, entries["published"].line, body) == (("06 July 2023",), 6, 9)


def test_unnamed_rest_of_a_writers_list_names_nobody():
    names = name_list("Mason Protter, Valentin Churavy, Ian Butterworth, and many helpful contributors")
    assert [n.family for n in names] == ["Protter", "Churavy", "Butterworth"]
    assert [n.family for n in name_list("Ann Lee, Bob Smith et al.")] == ["Lee", "Smith"]


def test_a_possessive_is_no_part_of_a_name():
    assert not is_person("Russia’s Nuclear Weapons")
    assert is_person("Anya L. Fink")


@pytest.mark.parametrize("name", [
    "r3_crs_if12672_russia_nuclear.txt",  # a three-word title with a possessive, over two columns of text
    "r3_crs_lsb11422_parental_rights.txt",  # a title over two lines, a blank line, then the date line
    "r3_usagov_absentee_voting.md",  # a setext '=====' heading below a breadcrumb that names the page otherwise
    "r3_usagov_child_tax_credit.html",  # "Credit for Other Dependents" below is a section, not the title again
    "r3_web_rdr_2019_executive_summary.md",  # a report chapter's setext heading, the only title it states
])
def test_title_as_the_page_states_it(name):
    # the gold writes a straight apostrophe where the PDF prints a curly one
    assert _own(RECORDS / name).title.replace("’", "'") == _gold(name)["title"]


def test_last_updated_label_with_its_date_on_the_next_line():
    assert _own(RECORDS / "r3_usagov_absentee_voting.md").date == "2024-09-17"


def test_last_updated_date_on_the_label_line_keeps_its_day():
    assert _own(RECORDS / "r3_usagov_child_tax_credit.html").date == "2025-03-19"


def test_share_buttons_give_the_pages_address_and_its_site():
    r = _own(RECORDS / "r3_usagov_absentee_voting.md")
    assert (r.url, r.container_title) == ("https://www.usa.gov/absentee-voting", "usa.gov")


def test_a_copys_source_address_names_no_site():
    # "**Source:** https://www.congress.gov/crs-product/R48179…" is where the copy came from: congress.gov
    # hosts CRS reports, it does not publish them (the cut file states no publisher)
    r = _own(RECORDS / "r3_crsmd_r48179_tickets.md")
    assert (r.publisher, r.container_title) == ("", "")


def test_an_organisation_signs_a_post_on_its_own_site():
    r = _own(RECORDS / "r3_web_wikimedia_turkey_restored.html")
    assert (_families(r), r.container_title, r.date) == (["Wikimedia Foundation"], "Wikimedia Foundation", "2020-01-15")


def test_an_organisation_byline_naming_another_body_is_no_author():
    lines = ["---", 'og:site_name: "Example News"', 'og:title: "A post"', "---", "", "A post", "",
             "By Wikimedia Foundation • 15 January 2020", "", "Text of the post."]
    own = find_own(lines)
    assert own is not None and own.record.authors == ()


def test_memorandum_subject_is_its_title_and_from_its_writer():
    r = _own(DEV / "dev9_omb_ipv6_draft_memo.txt")
    assert (r.title, _families(r)) == ("Completing the Transition to Internet Protocol Version 6 (IPv6)", ["Vought"])


@pytest.mark.parametrize("name", ["dev9_cioc_noops_serverless_whitepaper.txt", "dev9_cioc_rpa_whitepaper.txt"])
def test_unit_of_a_council_in_every_page_header_is_no_title(name):
    # "Innovation Committee, Chief Information Officers Council" heads each page; the title in capitals
    # below it runs over two lines; the council publishes, its committee wrote
    r = _own(DEV / name)
    gold = json.loads((DEV / name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))["record"]
    assert r.title.lower() == gold["title"].lower()
    assert (r.publisher, _families(r)) == ("Chief Information Officers Council",
                                          ["Chief Information Officers Council, Innovation Committee"])


def test_a_report_title_naming_an_organisation_and_repeated_in_footers_is_still_the_title():
    assert _own(DEV / "bib_crs_if12495_abrams.txt").title == "The Army’s M-1E3 Abrams Tank Modernization Program"


def test_two_writers_in_one_front_matter_value_are_not_one_name_family_first():
    assert _families(_own(DEV / "dev8_ooni_save_internet_freedom_otf.md")) == ["Xynou", "Filastò"]


def test_a_chapters_section_number_is_no_part_of_its_title():
    assert _own(DEV / "dev8_rdr2019_introduction.md").title == "Introduction"


def test_franklin_def_lines_are_the_pages_front_matter():
    r = _own(RECORDS / "r4_web_julia_gsoc_2024_fellows.md")
    assert (r.title, _families(r), r.date) == ("2024 GSoC and JSoC Fellows Announced", ["Sengupta", "Zelko"], "2024-05-03")


def test_setext_heading_over_two_lines_is_one_title():
    # "Congressional Budget Office" / "(CBO)" / "=====": the page is about CBO, published by USAGov
    r = _own(RECORDS / "r4_usagov_cbo_agency.md")
    assert (r.title, r.authors, r.publisher) == ("Congressional Budget Office (CBO)", (), "")


def test_quarto_date_under_the_output_format_is_the_reports_date():
    assert _own(DEV / "dev9_cbo_premium_growth_model_2026.md").date == "2026-02-06"


def test_page_heading_broken_over_two_lines_under_a_title_naming_the_site():
    # <title> "Lowering Barriers to Open Data | STSI", the page prints "Lowering Barriers" / "to Open Data"
    r = _own(DEV / "dev8_stsi_lowering_barriers_open_data.html")
    assert (r.title, r.container_title) == ("Lowering Barriers to Open Data", "STSI")


def test_witness_who_names_themself_in_a_testimony():
    assert _families(_own(DEV / "dev8_sfc_nyc_fossa_testimony.txt")) == ["Sandler"]


def test_i_am_in_a_document_that_is_no_statement_names_no_author():
    lines = ["A Guide to Open Data", "", "I am Karen Sandler, and this guide is written for you.", "", "Text."]
    own = find_own(lines)
    assert own is not None and own.record.authors == ()


def test_post_meta_line_writer_link_then_date_under_the_heading():
    # og:title "These Weeks in Firefox: Issue 85 – Firefox Nightly News"; under the <h1>:
    # "[Mike Conley](…/author/…) December 18, 2020"
    r = _own(RECORDS / "r5_web_firefox_nightly_issue_85.html")
    assert (r.title, _families(r), r.date, r.container_title) == (
        "These Weeks in Firefox: Issue 85", ["Conley"], "2020-12-18", "Firefox Nightly News")


def test_table_of_contents_entries_are_no_title_and_a_cover_year_is_the_date():
    r = _own(RECORDS / "r5_atc_report_it_modernization.txt")
    assert (r.title, r.authors, r.date) == ("Report to the President on Federal IT Modernization", (), "2017")


def test_memorandum_without_its_memorandum_line_keeps_subject_date_and_letterhead_office():
    r = _own(RECORDS / "r5_omb_m_17_06_websites.txt")
    assert (r.title, r.date, r.publisher) == (
        "Policies for Federal Agency Public Websites and Digital Services", "2016-11-08", "Office of Management and Budget")


def test_running_header_restating_the_title_and_a_genre_line_under_the_title():
    r = _own(RECORDS / "r5_cioc_it_spending_transparency.txt")
    assert (r.title, r.date) == ("IT Spending Transparency Maturity Model Whitepaper", "2020-09-30")


def test_layout_title_does_not_run_on_into_two_columns_and_a_figure_source_is_no_publisher():
    # "Introduction      Figure 1. FWS Discretionary Funding…" under the title; "Source: CRS using data from …"
    r = _own(RECORDS / "r6_crs_if13203_fws_budget.txt")
    assert (r.title, r.publisher) == ("U.S. Fish and Wildlife Service: FY2027 Budget Request", "Congressional Research Service")


def test_writers_each_with_their_role():
    # "author: Erin Strenio, Content Designer at 18F and Amy Ashida, UX Designer at 18F"
    assert _families(_own(RECORDS / "r6_ciogov_defining_it_centralization.md")) == ["Strenio", "Ashida"]


def test_a_group_named_in_lower_case_signs_as_a_group():
    assert _families(_own(RECORDS / "r6_web_julia_1_11_highlights.md")) == ["The Julia contributors"]


def test_title_does_not_run_on_into_the_first_sentence_of_the_text():
    # "Soft Targets and the Nonprofit Security Grant Program" / "Nonprofit organizations, including …," /
    # "community centers, …": the second line is the body's first, a sentence running on
    r = _own(RECORDS / "r7_crs_if13201_soft_targets.txt")
    assert (r.title, _families(r), r.date) == ("Soft Targets and the Nonprofit Security Grant Program", ["Reese"], "2026-04-09")


def test_summary_page_writer_whose_position_is_one_text_line_below():
    # plain pdftotext: "Dorothy C. Kafka" / a line of the summary text / "Legislative Attorney"
    assert _families(_own(RECORDS / "r7_crs_r48915_fdca_preemption.txt")) == ["Shen", "Kafka"]


def test_organisation_as_a_front_matter_writer():
    assert _families(_own(RECORDS / "r7_ciogov_new_look.md")) == ["CIO Council Operations"]


def test_a_date_under_another_key_than_the_output_format_is_no_documents_date():
    lines = ["---", "title: A post", "events:", "  - name: Launch", "    date: 2020-01-01", "---", "", "Text of the post."]
    own = find_own(lines)
    assert own is not None and own.record.date == ""
