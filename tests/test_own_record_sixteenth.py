"""The sixteenth session's own-record shapes (issue 17), each on the real document it was found on and on a
small text of the same shape: a record for a text that states no title, a page heading printed twice, author
lists with ORCID iDs, writers set apart among their affiliations, copyright holders, the citation a document
asks for, a cover's masthead, a BMC running head, a court caption's roles."""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.byline import author_section
from bibkaz.extract.metadata.own_citation import asked_citation
from bibkaz.extract.metadata.people import is_person
from bibkaz.extract.metadata.site import copyright_holder, journal_head
from bibkaz.read import read_document
from own_record_gold import dev_gold, families, gold_families

DEV = Path(__file__).parent / "corpus" / "dev"


def _own(name: str):
    own = find_own(read_document(DEV / name).lines)
    assert own is not None
    return own


def test_a_manuscript_without_its_title_keeps_its_writers_and_date():
    # a Manubot manuscript converted from Word lost its title; it still states when it was generated and who wrote it
    name = "dev40_plos_deep_learning_tips_manuscript.txt"
    own = _own(name)
    gold = dev_gold(name)
    assert own.record.title == ""
    assert families(own.record) == gold_families(gold)
    assert own.record.date == gold["date"] == "2021-11-30"
    assert own.line_of("date") == 1
    assert own.record.authors[-2].suffix == "Jr."  # "Timothy J. Triche, Jr. 0000-0001-5665-946X · …"


def test_a_text_stating_neither_title_writers_nor_date_has_no_record():
    assert find_own(["", "just some words of running text that say nothing about themselves " * 3]) is None


def test_an_orcid_list_item_names_its_writer():
    lines = ["Authors", "", "-   Anthony Gitter 0000-0002-5324-9833 · agitter Department of Biostatistics, University",
             "", "-   Casey S. Greene 0000-0001-8713-9213 · cgreene Department of Systems Pharmacology"]
    found = author_section(lines)
    assert found is not None and [n.family for n in found.value] == ["Gitter", "Greene"]


def test_a_page_heading_printed_twice_is_the_title():
    own = _own("dev29_pollock_considering_corruption.html")
    assert own.record.title == "Considering Corruption"
    assert find_own(["Open Data Rules", "", "Open Data Rules", "", "Some text follows here."]).record.title == "Open Data Rules"


def test_writers_set_apart_among_their_affiliations():
    # a conference paper's first page: each writer alone, their department, university and town under them
    name = "dev30_imc_scrapers_robots_txt.txt"
    assert families(_own(name).record) == gold_families(dev_gold(name))
    lines = ["A Study of Things Measured at Scale", "Ann Lee", "", "Bob Stone", "", "Department of Electrical and",
             "Computer Engineering", "Duke University", "Durham, NC, USA", "", "Cy Young∗", "", "Abstract", "Text."]
    assert [n.family for n in find_own(lines).record.authors] == ["Lee", "Stone", "Young"]


def test_a_copyright_holder_publishes():
    assert copyright_holder(["# SPDX-FileCopyrightText: 2021-2024 The Foundation for Public Code <info@publiccode.net>"]).value \
        == "The Foundation for Public Code"
    assert copyright_holder(["© 2010-2012, Open Knowledge Foundation. Licensed under Creative Commons"]).value \
        == "Open Knowledge Foundation"
    # the writers or "contributors" holding it name no publisher
    assert copyright_holder(["© 2014 Agyeman-Duah et al.; licensee BioMed Central Ltd."]) is None
    assert copyright_holder(["Copyright (c) Eclipse Foundation AISBL and contributors."]) is None
    assert copyright_holder(["© The Author(s) 2017"]) is None
    assert _own("dev42_okfn_odh_why_open_data.html").record.publisher == "Open Knowledge Foundation"


def test_a_title_lines_site_when_the_heading_under_it_is_taken():
    # "Open Data's Impact - The Govlab" over every case study, the study's heading and byline under it
    own = _own("dev42_govlab_odimpact_ordnance_survey.html")
    assert own.record.container_title == "The Govlab" and own.line_of("container_title") == 1


def test_the_citation_a_report_asks_for():
    name = "dev26_volpe_rdr_technical_documentation.txt"
    own = _own(name)
    assert families(own.record) == gold_families(dev_gold(name))
    assert own.record.publisher == "Volpe National Transportation Systems Center"
    assert own.line_of("authors") == 30
    # a journal's first page: "CITATION" over "Kuhl U, Artelt A and Hammer B (2023) Let's go …"; its title replaces
    # the first page's furniture the title search took
    frontiers = _own("dev35_frontiers_alien_zoo_counterfactuals.txt")
    assert frontiers.record.title.startswith("Let’s go to the Alien Zoo")
    assert [n.family for n in frontiers.record.authors] == ["Kuhl", "Artelt", "Hammer"]


def test_an_asked_citation_cut_at_its_licence_and_et_al_gives_no_writers():
    asked = asked_citation(["Recommended citation:", "Jane Roe and John Doe. 2020. A Report on Things. Some Institute.",
                            "Copyright © 2020 Some Institute. All rights reserved."])
    assert asked is not None and "Copyright" not in asked.text
    assert asked_citation(["citation: true"]) is None
    peerj = _own("dev4_peerj_software_citation_principles.txt")  # "Smith et al. (2016), Software citation principles."
    assert len(peerj.record.authors) > 1


def test_a_cover_masthead_is_the_publisher_and_the_title_is_under_it():
    own = _own("dev39_hhsoig_cpg_pharmaceutical_manufacturers.txt")
    assert own.record.title == "Compliance Program Guidance for Pharmaceutical Manufacturers"
    assert own.record.publisher == "Office of Inspector General"
    cbo = _own("dev33_cbo_49817_taxing_capital_income.txt")
    assert cbo.record.title.startswith("Taxing Capital Income")
    assert cbo.record.date == "2014-12"


def test_a_bmc_head_with_the_year_unbracketed():
    head = journal_head(["Agyeman-Duah et al. BMC Health Services Research 2014, 14:1", "", "RESEARCH ARTICLE"])
    assert head is not None and head.journal.value == "BMC Health Services Research" and head.year is None


def test_a_court_captions_roles_are_no_writer():
    assert not is_person("Plaintiff, Appellant")
    assert not is_person("Defendants Appellees")


def test_a_quarto_author_maps_quoted_names():
    own = _own("dev36_mountaindoodles_housing_is_a_housing_problem.md")
    assert [n.family for n in own.record.authors] == ["Bergmann", "Lauster"]
    assert own.record.authors[0].particle == "von"


def test_a_forms_labelled_title():
    # a quality assurance plan's "A. Project Management" / "A1. Title and Approval Sheet" / … / "Title: …"
    own = _own("dev40_epa_fluorometer_qapp_draft.txt")
    assert own.record.title.startswith("Comparison of various fluorometers")
    assert own.line_of("title") == 17
    assert not own.record.publisher  # a lettered section heading is no cover's organisation
    assert find_own(["Project Title: Measuring Things at Scale", "", "Body text here."]).record.title == "Measuring Things at Scale"


def test_a_covers_stamp_is_no_title():
    # "EPA/600/R-17/176 | August 2017" / "www.epa.gov/homeland-security-research" over the cover's title
    own = _own("dev39_epa_biological_agent_sampling.txt")
    assert own.record.title.startswith("A Review of Biological Agent Sampling Methods")
    lines = ["ABC/600/R-1/2 | March 2019", "www.example.gov/research", "", "Measuring the Spread of Things",
             "Across Many Places", "", "Some running text follows here and goes on for a while."]
    assert find_own(lines).record.title.startswith("Measuring the Spread of Things")


def test_a_technical_memorandums_cover():
    # title over lines, each writer over an affiliation with its town ("Vantage Partners, LLC, Cleveland, Ohio"), two
    # writers of one body on one line, the cover's date under them; a late page's "last modified:" dates nothing
    name = "dev46_nasa_tm2014_216638_tmats_users_guide.txt"
    own = _own(name)
    assert own.record.title.startswith("Toolbox for the Modeling and Analysis of Thermodynamic Systems")
    assert families(own.record) == gold_families(dev_gold(name))
    assert own.record.date == "2014-01"
    assert not own.record.publisher  # a writer's affiliation is no publisher


def test_a_german_citation_label_and_no_search_operators_as_site():
    own = _own("dev47_rki_mental_health_surveillance_doku.md")  # "**Zitieren**" over "Junker, S., Damerow, S., …"
    assert [n.family for n in own.record.authors] == ["Junker", "Damerow", "Walther", "Mauz"]
    assert "zenodo" not in (own.record.container_title + own.record.publisher).lower()
    howto = _own("dev47_opendata_howto_inventorying_your_data.md")  # "site:example.gov filetype:csv OR …"
    assert "filetype" not in howto.record.container_title


def test_a_cambridge_journals_first_page():
    # "American Political Science Review (2025) 1–10" is the journal's head, "© The Author(s), 2025." a notice: neither
    # is the title; "Published by Cambridge University Press on behalf of …" names the publisher
    from bibkaz.extract.metadata.site import site_line
    from bibkaz.extract.metadata.title import find_title
    assert site_line(["© The Author(s), 2025. Published by Cambridge University Press on behalf of American Political "
                      "Science"]).value == "Cambridge University Press"
    title = find_title(["American Political Science Review (2025) 1–10", "© The Author(s), 2025. Published by Someone",
                        "", "Measuring Things in Many Places", "", "JANE DOE", "London School of Economics, United Kingdom"])
    assert title is not None and title.text == "Measuring Things in Many Places"
    own = find_own(["Measuring Things in Many Places", "", "JANE DOE", "London School of Economics, United Kingdom", "",
                    "Abstract"])
    assert [n.family for n in own.record.authors] == ["Doe"]


def test_a_journals_labels_over_the_title():
    # "RESEARCH ARTICLE" / "COMPUTER SCIENCES" / "OPEN ACCESS" over a PNAS paper's title: labels, not the title's first line
    own = _own("dev30_pnas_safety_market_entry.txt")
    assert own.record.title.startswith("Safety versus performance")
    # a cover lettered in capitals one word a line still opens with its title ("CLOSING" / "A PROJECT")
    assert _own("dev33_engineroom_rdh_closing_a_project.txt").record.title == "Closing a Project"


def test_a_springer_papers_first_lines():
    # "Journal of Nonverbal Behavior" / "https://doi.org/10.1007/…" / "ORIGINAL PAPER" / the title / "Mircea Zloteanu1" /
    # "· Matti Vuorre2" / "Accepted: 30 January 2024"
    own = _own("dev55_jnb_deception_detection_sdt_tutorial.txt")
    assert own.record.title.startswith("A Tutorial for Deception Detection Analysis")
    assert [n.family for n in own.record.authors] == ["Zloteanu", "Vuorre"]
    assert own.record.container_title == "Journal of Nonverbal Behavior"
    assert own.record.date == "2024"  # the year it was accepted in: the day it came out is not stated


def test_cite_this_article_and_a_publishing_lines_clause():
    from bibkaz.extract.metadata.site import site_line
    own = _own("dev55_rsos_facebook_wellbeing_72_countries.txt")  # "Cite this article: Vuorre M, Przybylski AK. 2023 …"
    assert [n.family for n in own.record.authors] == ["Vuorre", "Przybylski"]
    assert own.record.date == "2023"
    assert site_line(["Published by the Royal Society under the terms of the Creative"]).value == "Royal Society"


def test_a_nist_cover_and_a_departments_memorandum_form():
    # "This publication is available free of charge from:" over its DOI is a notice, not the title
    nist = _own("dev54_nist_sp800_207_zero_trust.txt")
    assert nist.record.title == "Zero Trust Architecture"
    assert [n.family for n in nist.record.authors] == ["Rose", "Borchert", "Mitchell", "Connelly"]
    # "Memorandum" / "Department of" / "Veterans Affairs" / … / "subj:     Open Data - …"
    va = _own("dev54_va_open_data_asset_collection_memo.txt")
    assert va.record.title.startswith("Open Data - Quarterly Data Asset Collection Requirements")
    assert va.record.publisher == "Department of Veterans Affairs"


def test_a_title_cannot_end_on_of():
    # "2021 Guidance for Creating Agency Inventories of" / blank / "Artificial Intelligence Use Cases"
    own = _own("dev56_cio_ai_use_case_inventory_guidance.txt")
    assert own.record.title == "2021 Guidance for Creating Agency Inventories of Artificial Intelligence Use Cases"
    assert not own.record.authors  # its last line is no writer


def test_an_acm_journals_writers_in_capitals():
    own = _own("dev55_acmgames_powerwash_affective_uplift.txt")
    assert [n.family for n in own.record.authors] == ["Vuorre", "Ballou", "Hakman", "Magnusson", "Przybylski"]
    lines = ["A Study of Many Things at Once", "", "JANE ROE and JOHN DOE, Some University, Sometown, Country",
             "ANN LEE, Other Institute, Othertown, Country", "", "Abstract text follows here."]
    assert [n.family for n in find_own(lines).record.authors] == ["Roe", "Doe", "Lee"]


def test_a_memorandum_page_with_kramdown_labels():
    # front matter "title: M-13-13 — Memorandum for the Heads of …" over "**Subject:**{: .from} Open Data Policy&#8212;…"
    own = _own("dev54_omb_m13_13_open_data_policy.md")
    assert own.record.title == "Open Data Policy—Managing Information as an Asset"
