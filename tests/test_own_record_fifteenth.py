"""The document's own record on the dates the fifteenth session's rules read, each general to a kind of
document rather than to one file: a date its label names in a field of a first page's line ("Release date
05/17/2017" in a technical document's footer, "This draft: July 2019.", "Date Filed:", "Decided …"), a date
under the front matter of a page whose front matter gave only the title, a date after a lead holding commas
or saying what happened on it ("Version 1.4, updated 30 March 2025"), a date printed alone at the foot of
every page, front-matter date keys spelt as sites spell them, and a docket number that is no year.
Whole-document tests pin a rule on a real file of the dev part against its hand-labelled record.
"""

from __future__ import annotations

import pytest

from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.dates import date_label, dateline, running_date

from own_record_gold import DEV
from own_record_gold import dev_gold as _dev_gold, families as _families, gold_families as _gold_families, own_found as _own


@pytest.mark.parametrize("line, date", [
    ("Release date 05/17/2017                                     i", "2017-05-17"),
    ("This draft: July 2019.", "2019-07"),
    ("Case: 20-1507   Document: 00117684624   Page: 1   Date Filed: 12/22/2020   Entry ID: 6390389", "2020-12-22"),
    ("       No. 11–889.      Argued April 23, 2013—Decided June 13, 2013", "2013-06-13"),
    ("Date: July 2019.", "2019-07"),
])
def test_a_labelled_field_of_a_first_page_line_dates_the_document(line, date):
    found = date_label(["Title of the paper", "", line])
    assert found is not None and found.value == date and found.line == 3


@pytest.mark.parametrize("line", [
    "The committee decided June 2019 was too early.",  # a sentence's word, not a field's label
    "It was the date of publication of the 2019 report.",
    "See the release date of the tool in Table 2.",
])
def test_a_sentence_naming_a_date_is_no_label(line):
    assert date_label(["Title of the paper", "", line]) is None


@pytest.mark.parametrize("line, date", [
    ("DSGE Group, Research and Statistics, FRBNY, June 3, 2022", "2022-06-03"),
    ("Version 1.4, updated 30 March 2025", "2025-03-30"),
    ("Mekong Futures Forum, 12 October 2021", "2021-10-12"),
])
def test_a_lead_then_a_date_is_a_dateline(line, date):
    found = dateline(["Title", line], 0, 2)
    assert found is not None and found.value == date


def test_a_docket_number_is_no_year():
    # "No. 20-1507" under a court's name read as the year 1507
    assert dateline(["United States Court of Appeals", "", "      No. 20-1507", ""], 0, 4) is None


def test_a_date_alone_at_the_foot_of_every_page():
    page = ["Some text of the page.", "More text.", "September 2023", ""]
    assert running_date(["Title", *page, *page]).value == "2023-09"
    # two different dates printed alone: neither is the pages' footer
    assert running_date(["Title", *page, *page, "March 2021", "x", "March 2021"]) is None
    # printed once: a heading, not a footer
    assert running_date(["Title", *page]) is None


@pytest.mark.parametrize("name", [
    "dev26_nasa_icesat2_atbd_troposphere.txt",  # "Release date 05/17/2017" in every page's footer
    "dev24_census_topdown_consistency.txt",  # "This draft: July 2019." under the abstract
    "dev32_scotus_tarrant_v_herrmann.txt",  # "Argued April 23, 2013—Decided June 13, 2013"
    "dev32_ca1_calvary_chapel_v_mills.txt",  # "Date Filed: 12/22/2020" (and "No. 20-1507" no year)
    "dev22_epa_wntr_case_studies.txt",  # "September 2023" at each page's foot
    "dev28_frbny_dsge_model_documentation.txt",  # "DSGE Group, Research and Statistics, FRBNY, June 3, 2022"
    "dev32_eudi_arf_zero_knowledge_proof.md",  # "Version 1.4, updated 30 March 2025" under the heading
    "dev23_digitalpolicy_cohen_computer_chaos.md",  # "**October 12, 1994**" under the front matter's post heading
    "dev27_cisa_bod_20_01_vdp.md",  # "September 2, 2020" right after a long front matter
    "dev35_ada_olmstead_integration_statement.md",  # "publish-date: 2011-06-22 00:00:00"
    "dev35_va_handbook_research_sprints.md",  # "modified-date: September 4, 2018", no other date
])
def test_the_stated_date_is_found(name):
    assert _own(DEV / name).record.date == _dev_gold(name)["date"]


def test_a_front_matter_flag_is_no_date_and_a_publication_key_beats_a_modified_one():
    lines = ["---", "title: A page", "published: true", "updated-date: 2020-02-28 00:00:00",
             "publish-date: 2011-06-22 00:00:00", "---", "", "Text of the page."]
    own = find_own(lines)
    assert own is not None and own.record.date == "2011-06-22"
    only_modified = ["---", "title: A page", "modified-date: September 4, 2018", "---", "", "Text."]
    assert find_own(only_modified).record.date == "2018-09-04"


def test_a_running_header_field_names_the_publisher():
    # "1 | FEDERAL COMMUNICATIONS COMMISSION | STATE OF U.S. BROADBAND" on every page: the body is a field of
    # the header, in capitals, beside the short title
    name = "dev26_fcc_measuring_broadband_america_2011.txt"
    own = _own(DEV / name)
    assert own.record.publisher == _dev_gold(name)["publisher"] == "Federal Communications Commission"


def test_the_body_a_running_header_names_is_no_part_of_the_cover_title():
    # the cover: "Traffic Microbursts and their Effect on Internet" / "Measurement" / "Measurement Lab"; every
    # page's header: "Traffic Microbursts and their Effect on Internet Measurement      Measurement Lab"
    name = "dev26_mlab_switch_discard_notice.txt"
    own = _own(DEV / name)
    gold = _dev_gold(name)
    assert own.record.title == gold["title"]
    assert (own.record.publisher or own.record.container_title) == gold["publisher"] == "Measurement Lab"


def test_a_heading_in_capitals_alone_on_its_lines_names_no_publisher():
    page = ["", "NATIONAL SCIENCE FOUNDATION", "Text of a page about the foundation.", "More text.", "\f"]
    lines = ["A Report on Things", "", *page * 3]
    own = find_own(lines)
    assert own is not None and own.record.publisher == ""


@pytest.mark.parametrize("name", [
    "dev32_curtin_institutional_oa_evaluation.txt",  # "Chun-Kai (Karl) Huang1, Cameron Neylon1,2, …" over two lines
    "dev35_jrc_energy_savings_home_work.txt",  # "Marius Alt*      Andrea Blasco†      Katharina Gangl‡" under the title
    "dev26_nasa_icesat2_atbd_troposphere.txt",  # "Prepared By: L. Petrov /Code: 61A"
])
def test_the_writers_are_found(name):
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name))


def test_writers_set_in_columns_lift_the_title_over_them():
    name = "dev35_jrc_energy_savings_home_work.txt"
    assert _own(DEV / name).record.title.startswith("Energy Savings at Home and Work")


def test_contacts_in_columns_under_a_sentence_are_no_title_and_no_writers():
    # "Conservancy may be contacted through their authorized representatives at …, New York 11201:" over two
    # lawyers' names set side by side: the petition's title stays its own, and no writer is taken
    name = "dev8_sfc_1201_smart_tv_petition.txt"
    own = _own(DEV / name)
    assert own.record.title == _dev_gold(name)["title"]
    assert own.record.authors == ()


def test_names_in_columns():
    from bibkaz.extract.metadata.people import names_in_columns
    assert [n.family for n in names_in_columns("   Marius Alt*        Andrea Blasco†      Katharina Gangl‡")] == [
        "Alt", "Blasco", "Gangl"]
    assert [n.family for n in names_in_columns("Taein Kim∗     Emily Wenger∗")] == ["Kim", "Wenger"]
    assert names_in_columns("Marius Alt") == ()  # one cell
    assert names_in_columns("Rate of     Service     Declining") == ()  # a table's head


def test_an_imprint_line_under_the_title_closes_it_and_a_numbered_section_is_no_writer():
    # "FRBNY DSGE Model Documentation" / "DSGE Group, Research and Statistics, FRBNY, June 3, 2022" / "1    General
    # Structure": the title is the first line alone, the second dates it, the third is the body's first section
    name = "dev28_frbny_dsge_model_documentation.txt"
    own = _own(DEV / name)
    assert own.record.title == _dev_gold(name)["title"]
    assert own.record.authors == ()
    assert own.record.date == "2022-06-03"


def test_a_longer_title_tail_printed_again_as_the_banner_names_the_site():
    # og:title "Chapter 5 … | Poverty and Inequality Platform Methodology Handbook", the book's name printed alone
    # over the chapter's heading
    name = "dev31_worldbank_pip_lineup_estimates.html"
    own = _own(DEV / name)
    assert own.record.container_title == "Poverty and Inequality Platform Methodology Handbook"


def test_a_quarto_author_s_affiliation_list_names_no_writer():
    # "author:" / "- name: Andrew Heiss" / "  affiliations:" / "    - id: gsu" / "      name: Georgia State University"
    name = "dev37_heiss_statistical_methods_public_policy.md"
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name)) == ["Heiss"]


def test_a_pubpub_export_s_maps_and_a_title_run_on_over_two_lines():
    # "date:" / "  day: 30" / "  month: 06" / "  year: 2025"; "journal:" / "  publisher-name: The Unjournal";
    # "title: Evaluation 2 of \"Pharmaceutical Pricing and R&D as a Global" / "  Public Good\""
    name = "dev36_unjournal_e2_pharmaceutical_pricing.md"
    own = _own(DEV / name)
    gold = _dev_gold(name)
    assert own.record.title == gold["title"]
    assert own.record.date == gold["date"] == "2025-06-30"
    assert own.record.publisher == gold["publisher"] == "The Unjournal"


def test_an_event_s_date_is_not_its_page_s():
    # "date:" / "  year: 2021" / "  month: 5" / "  day: 26" beside "start: 12:00 PM": the event's day; the page
    # was posted on its "updated_at: 2021-05-11 …"
    name = "dev38_nih_oite_sacnas_research_mistrust_event.md"
    assert _own(DEV / name).record.date == _dev_gold(name)["date"] == "2021-05-11"


@pytest.mark.parametrize("title, family", [
    ("Remarks by National Economic Advisor Lael Brainard on Place-Based Growth", "Brainard"),
    ("Brian Deese Remarks on President Biden’s Competition Agenda", "Deese"),
    ("Remarks by Chair Jerome H. Powell at the Conference", "Powell"),
    ("Testimony of Karen Sandler before the Council", "Sandler"),
    ("Remarks by President Biden at a Reception", None),  # one word: no name to take
    ("Remarks by the Vice President on Health Care", None),
    ("Statement of Administration Policy", None),
])
def test_a_speech_s_title_names_its_speaker(title, family):
    from bibkaz.extract.metadata.byline import speaker_in_title
    found = speaker_in_title(title, 1)
    assert (found.value[0].family if found else None) == family


@pytest.mark.parametrize("name", ["dev38_wh_brainard_place_based_growth_remarks.md", "dev38_wh_deese_competition_agenda_remarks.md"])
def test_white_house_remarks_are_their_speaker_s(name):
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name))


@pytest.mark.parametrize("name", [
    "dev42_okfn_odh_why_open_data.html",  # "Why Open Data? — Open Data Handbook" over the heading "Why Open Data?¶"
    "dev42_ocp_buying_ai_readiness.html",  # og:title "*AI readiness* in the public sector - Buying AI"
    "dev42_govlab_innovation_skills_examples.html",  # og:title "The GovLab | …" with og:site_name "The GovLab"
    "dev42_govlab_odimpact_gps_civilian_use.html",  # <title> "Open Data's Impact - The Govlab", heading, byline
])
def test_a_page_s_own_heading_is_its_title(name):
    assert _own(DEV / name).record.title == _dev_gold(name)["title"]


def test_a_site_wide_title_line_gives_way_to_the_heading_over_a_byline():
    lines = ["Case Studies - The Lab", "", "Opening Weather Data for Farmers", "", "A public good", "",
             "by Jane Smith and Robert Jones", "", "Text of the case study, a sentence long enough to be running text."]
    own = find_own(lines)
    assert own is not None and own.record.title == "Opening Weather Data for Farmers"
    assert [n.family for n in own.record.authors] == ["Smith", "Jones"]
    # no byline under it: the <title> line stays the title
    assert find_own(lines[:6] + lines[8:]).record.title != "Opening Weather Data for Farmers"


def test_writers_named_under_a_front_matter_that_names_none():
    # "## Analytical Note 25/10" / "### Tim Hughes and Sarah Crichton" right under an R Markdown front matter
    name = "dev44_nzt_an2510_transnationalism.md"
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name)) == ["Hughes", "Crichton"]
    # one name-like heading is no writer: "# Core Methodological Approaches" under a front matter
    lines = ["---", "title: Further reading", "---", "", "# Core Methodological Approaches", "", "- @Scott:1998"]
    assert find_own(lines).record.authors == ()


@pytest.mark.parametrize("value, date", [
    ("04-07-2022", "2022-04-07"),  # month, day, year with dashes, as "4/7/2022" is read
    ("2025-31-10", "2025-10-31"),  # year, day, month: no month is 31
    ("2025-10-31", "2025-10-31"),
    ("13-07-2022", "2022"),  # no month 13 first: left to the date parser (the year)
])
def test_a_front_matter_s_numeric_date(value, date):
    lines = ["---", "title: A post", f"date: {value}", "---", "", "Text of the post."]
    assert find_own(lines).record.date == date


def test_a_date_in_the_second_bold_run_of_a_genre_line():
    # "**White Paper** **January 2026**" under the title and subtitle
    name = "dev41_gsf_sci_csrd_whitepaper.md"
    assert _own(DEV / name).record.date == _dev_gold(name)["date"] == "2026-01"


@pytest.mark.parametrize("name", [
    "dev39_wb_crowdsourced_geographic_information.txt",  # "Crowdsourced" / "geographic" / "information use" / "in government"
    "dev33_engineroom_rdh_closing_a_project.txt",  # "CLOSING" / "A PROJECT" (found the same way; not made on it)
])
def test_a_cover_title_set_over_short_lines_opening_with_one_word(name):
    assert _own(DEV / name).record.title == _dev_gold(name)["title"]


@pytest.mark.parametrize("line", [
    "User Manual and Reference Guide",  # a manual's title, second line
    "Valley Aquifer System, South-Central Idaho",
    "Explorer Mission",
])
def test_a_title_s_second_line_is_no_list_of_names(line):
    from bibkaz.extract.metadata.people import is_person, name_list
    assert name_list(line) == () and not is_person(line)


@pytest.mark.parametrize("name", [
    "dev48_usgs_swarm_v3_user_manual.txt",  # "Seismic Wave Analysis and Real-time Monitor:" / "User Manual and Reference Guide"
    "dev48_usgs_sir20165080_appendix_e_underflow.txt",  # "… the Wood River" / "Valley Aquifer System, South-Central Idaho"
    "dev46_nasa_gsfc_gmat_ace_flight_qualification.txt",  # "… the Advanced Composition" / "Explorer Mission" / writers
])
def test_a_title_over_lines_is_whole_and_names_no_writer_from_its_words(name):
    own = _own(DEV / name)
    gold = _dev_gold(name)
    # the whole title block (the manual's cover prints its acronym "SWARM" on a line of its own above it)
    assert own.record.title in gold["title"] and len(own.record.title) > 0.8 * len(gold["title"])
    assert _families(own.record) == _gold_families(gold)
