"""The document's own record on the shapes of real documents (issue 17): PDF title pages over
several lines, report covers, journal first pages, open-review papers, HTML pages whose <title>
names the site, Markdown front matter, author lists in columns and letter signatures.

Small texts in each shape, then documents of the development corpus as users hold them.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.metadata import find_own
from bibkaz.read import read_document

DEV = Path(__file__).parent / "corpus" / "dev"


def _own(text: str):
    own = find_own(text.split("\n"))
    assert own is not None
    return own


def _families(record) -> list[str]:
    return [n.literal or " ".join(p for p in (n.particle, n.family) if p) for n in record.authors]


def test_title_set_alone_over_three_short_lines_between_blanks():
    text = ("Memorials and Commemorative Works\nOutside the Capital: Background,\nFederal Role, and Options\n\n"
            "Updated May 2, 2025\n\nThe text of the report starts here and runs on for a while.\n")
    assert _own(text).record.title == ("Memorials and Commemorative Works Outside the Capital: Background, "
                                       "Federal Role, and Options")


def test_title_line_ending_open_runs_on():
    r = _own("Pentagon Dispute over\nAutonomous Systems\nThe first paragraph says what happened.\n").record
    assert r.title == "Pentagon Dispute over Autonomous Systems"


def test_title_printed_whole_in_a_footer_citation_runs_on_into_a_name_like_line():
    text = ("binfit: A Python Package for Optimal Binomial\nConfidence Intervals\nJoan Q. Example\n\nSummary\n\n"
            + "Body.\n" * 5 + "Example. (2024). binfit: A Python Package for Optimal Binomial Confidence Intervals. "
            "Journal of Open Source Software, 1\n")
    r = _own(text).record
    assert r.title == "binfit: A Python Package for Optimal Binomial Confidence Intervals"


def test_cover_title_in_a_narrow_column_and_the_organisation_it_opens_with():
    text = ("                 Office of Public Audits\n\nOPA              Report to the Committee\n"
            "                 on Rivers\nJune 2007\n                 HARBOUR\n                 SAFETY\n\n"
            "                 Better Data Could\n                 Help Ports Plan\n\n\n\nOPA-07-12\n\n"
            + "Text.\n" * 5 + "Sincerely yours,\n\n\nBernice Steinhardt\nDirector, Port Issues\n\n"
            + "Office of Public Audits\n")
    own = _own(text)
    assert own.record.title == "Harbour Safety: Better Data Could Help Ports Plan"
    assert own.record.publisher == "Office of Public Audits"
    # no writer named: the organisation, for which the director signs
    assert _families(own.record) == ["Office of Public Audits"]


def test_journal_first_page_head_kicker_and_version_tag():
    text = ("                       Example Research 2013, 2:191 Last updated: 23 MAY 2017\n\n\nWEB TOOL\n"
            "rivers: hydrological search in R [version 1; referees: 3\napproved]\n"
            "Ana B. Lima1, Tom Berg2\n1Some University, Lisbon\n\n"
            "v1 First published: 18 Sep 2013, 2:191 (doi: 10.1000/example.2-191.v1)\n"
            "     Latest published: 28 Oct 2013, 2:191 (doi: 10.1000/example.2-191.v2)\n\nAbstract\n")
    r = _own(text).record
    assert r.title == "rivers: hydrological search in R"
    assert _families(r) == ["Lima", "Berg"]
    assert r.date == "2013-09-18"  # the version the document is, not the latest
    assert r.container_title == "Example Research"


def test_html_title_naming_the_site_moves_to_the_post_heading():
    text = ("Outside the web: standalone binaries · Vee8\n\nVee8\n\nHome\n\nBlog\n\n"
            "Outside the web: standalone binaries\n\nPublished 21 November 2019 · Tagged with tooling\n\n"
            "The post starts here.\n")
    own = _own(text)
    assert own.record.title == "Outside the web: standalone binaries"
    assert own.line_of("title") == 9
    assert own.record.date == "2019-11-21"
    assert own.record.container_title == "Vee8" and own.line_of("container_title") == 1


def test_html_title_naming_the_author_and_a_weekday_dateline():
    text = ("---\nauthor: \"Ann K. Lee (http://example.org/ann/)\"\n---\n\nOn Recent Events - Ann K. Lee ( Ann )\n\n"
            "Ann K. Lee\n\nContact\n\nOn Recent Events\n\nTuesday 15 October 2019 by Ann K. Lee\n\nText.\n")
    r = _own(text).record
    assert r.title == "On Recent Events"
    assert _families(r) == ["Lee"]
    assert r.date == "2019-10-15"
    assert not r.container_title  # a person after the dash is no site


def test_author_line_broken_over_two_lines_with_marks_and_a_working_group():
    text = ("Principles of Data Citation\nArfon M. Smith1,*, Daniel S. Katz2,*, Kyle E. Niemeyer3,* and\n"
            "Data Citation Working Group\n1\n\nABSTRACT\n")
    assert _families(_own(text).record) == ["Smith", "Katz", "Niemeyer", "Data Citation Working Group"]


def test_author_line_with_spaced_marks_and_an_undotted_initial():
    text = ("\n\nScout: A pipeline for genome quality control\nNabil-Fareed Alikhan 1,2 , Varun Shamanna 3 , "
            "Natacha Couto\nGHRU Project Contributors4 , and David M Aanensen 1,2\n\n1 Some Centre\n")
    assert _families(_own(text).record) == ["Alikhan", "Shamanna", "Couto", "GHRU Project Contributors", "Aanensen"]


def test_author_section_in_columns_is_read_down_each_column():
    text = ("Grain Storage Policy: An Overview\n\nMay 2, 2024\n\nBody text here.\n\nAuthor Information\n\n"
            "Ruth K. Amsel                                  Mark K. Vander Berg\n"
            "Analyst in Agricultural Policy                 Legislative Attorney\n\n"
            "Laura B. Comay\nSpecialist in Natural Resources Policy\n")
    assert _families(_own(text).record) == ["Amsel", "Comay", "Vander Berg"]


def test_long_author_section_one_name_a_line_and_affiliations_are_not_the_title():
    people = ["Pablo Orviz", "Mario David", "Jorge Gomes", "Joao Pina", "Samuel Bernardo"]
    block = "".join(f"{p}\n0000-0002-2473-640{k} ·\n\nhandle{k}\n\nLaboratory of Particle Physics (LIP)\n\n"
                    for k, p in enumerate(people))
    text = ("A set of Common Service Quality Assurance\nBaseline Criteria for Research Projects\n\n"
            "A DOI-citable version of this manuscript is available at https://doi.org/10.1000/x.\n\nAuthors\n"
            + block + "\nAbstract\n")
    r = _own(text).record
    assert r.title == "A set of Common Service Quality Assurance Baseline Criteria for Research Projects"
    assert _families(r) == ["Orviz", "David", "Gomes", "Pina", "Bernardo"]


def test_letter_report_signer():
    text = ("# Revolving Fund: Procedures Related to FY 2024 Receipts\n\nThe procedures we agreed to perform.\n\n"
            "If you have questions, please contact me.\n\nCheryl E. Clark\nDirector\nFinancial Management\n")
    assert _families(_own(text).record) == ["Clark"]
    signed = text.replace("Director\n", "Director, Financial Management and Assurance\n")
    assert _families(_own(signed).record) == ["Clark"]


def test_front_matter_user_name_and_path_date():
    own = _own('+++\npath = "2019/10/29/A-call-for-blogs"\ntitle = "A call for blogs"\n'
               'authors = ["jparcell"]\n+++\n\nText.\n')
    assert own.record.date == "2019-10-29"
    assert _families(own.record) == ["jparcell"]


def test_published_line_anywhere_and_generated_on():
    paper = ("Building Community: Lessons Learned\nCarl Boettiger1, Scott Chamberlain2\n\n"
             + "Text.\n" * 40 + "How to cite this article: ...\n\n Published: 16 November 2015\n")
    assert _own(paper).record.date == "2015-11-16"
    preprint = ("PMLB v1.0: an open source dataset collection\nfor benchmarking machine learning methods\n"
                "This manuscript (permalink) was automatically generated from lab/repo@4fe8388 on October 14,\n"
                "2020.\n\nAuthors\n")
    assert _own(preprint).record.date == "2020-10-14"


def test_post_that_says_where_it_first_appeared():
    text = ('---\ndate: 2014-03-19\ntitle: "Empirical Papers"\n---\n\n'
            "This post originally appeared on the [Software Carpentry website.](https://software-carpentry.org/)\n")
    assert _own(text).record.container_title == "Software Carpentry"


def test_a_sentence_saying_published_by_names_no_publisher():
    text = ("Managing for Results in Federal Agencies\n\nMay 2005\n\nSee the study by Joseph Wholey, published by the Endowment for Government"
            " in May\n2003.\n")
    r = _own(text).record
    assert not r.publisher and not r.container_title


def _dev(name: str):
    own = find_own(read_document(DEV / name).lines)
    assert own is not None
    return own.record


def test_real_report_title_page_and_author_columns():
    r = _dev("dev4_crs_r45741_memorials.txt")
    assert r.title == ("Memorials and Commemorative Works Outside Washington, DC: Background, Federal Role, "
                       "and Options for Congress")
    assert _families(r) == ["Straus", "Comay", "DeSantis"]


def test_real_report_cover_column():
    r = _dev("crs2_gao_06_282_breastfeeding.txt")
    assert r.title.startswith("Breastfeeding: Some Strategies Used to Market Infant Formula")
    assert r.publisher == "United States Government Accountability Office"


def test_real_open_review_paper():
    r = _dev("dev4_f1000_taxize.txt")
    assert r.title == "taxize: taxonomic search and retrieval in R"
    assert _families(r) == ["Chamberlain", "Szöcs"]
    assert r.date == "2013-09-18"
    assert r.container_title == "F1000Research"


def test_prepared_by_names_the_writers_or_the_organisation():
    head = "Water Rights in the Lower Basin\n\n{}\n\nMarch 2022\n\nText.\n"
    for line in ("Prepared by: Ana Lima and Tom Berg", "Prepared by Ana Lima and Tom Berg"):
        r = _own(head.format(line)).record
        assert _families(r) == ["Lima", "Berg"] and not r.container_title and not r.publisher
    r = _own(head.format("Prepared by the Office of Water Studies")).record
    assert r.authors == () and r.container_title == "Office of Water Studies"


def test_post_lines_with_the_date_before_the_writer():
    for line, family, date in (("Posted on March 3, 2021 by Jane Doe", "Doe", "2021-03-03"),
                               ("Tuesday 15 October 2019 by Bradley M. Kuhn", "Kuhn", "2019-10-15"),
                               ("Published 2 May 2020 at 09:11 by Ann Lee.", "Lee", "2020-05-02")):
        r = _own(f"Why Wells Run Dry\n\n{line}\n\nText.\n").record
        assert r.title == "Why Wells Run Dry"  # function words: a short title in Title Case is no person
        assert _families(r) == [family] and r.date == date and not r.container_title
    r = _own("Why Wells Run Dry\n\nIn 2019 the study by Smith showed that.\n\nText.\n").record
    assert r.authors == () and not r.date


def test_published_by_the_organisation_that_reads_like_a_name():
    r = _own("# Who Audits the Algorithm?\n\n*By Mariana Duarte*\n\n"
             "Published 2 May 2023 by the Observatório de Direitos Digitais\n\nText.\n").record
    assert _families(r) == ["Duarte"] and r.container_title == "Observatório de Direitos Digitais"
