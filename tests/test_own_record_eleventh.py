"""The document's own record on shapes the eleventh session's unseen batches (``tests/records/r14_``,
``r15_``) and the dev part's GAO Markdown reports, JOSS paper and USGS appendix brought: each test pins
one rule on a real file against its hand-labelled record.

The batches were scored whole, before these rules, by
``python bench/record_accuracy.py --part records --prefix r14_`` (and ``r15_``).
"""

from __future__ import annotations

from bibkaz.extract.metadata.people import clean_marks

from own_record_gold import DEV, RECORDS
from own_record_gold import dev_gold as _dev_gold, families as _families, gold as _gold, gold_families as _gold_families, own_found as _own

GAO = "U.S. Government Accountability Office"


def test_a_director_signing_a_numbered_report_signs_for_the_body_its_head_names():
    # "**Report:** GAO-26-108534 | … | **Source:** [U.S. Government Accountability Office](…)" over the
    # report; "Melissa Emrey-Arras, Director" signs its letter 600 lines down: GAO's report, as GAO is cited
    name = "dev6_gao_26_108534_student_loan_servicers.md"
    own = _own(DEV / name)
    assert [n.literal for n in own.record.authors] == _dev_gold(name)["authors"] == [GAO]
    assert dict(own.lines)["authors"] == 3  # the line naming the source, not the signature


def test_a_converted_report_naming_no_writer_is_the_work_of_its_source():
    name = "dev11_gao_26_108945_foreign_assistance_fraud.md"
    own = _own(DEV / name)
    assert [n.literal for n in own.record.authors] == _dev_gold(name)["authors"] == [GAO]
    assert own.record.publisher == GAO


def test_a_writer_signing_with_a_research_position_stays_the_writer():
    # "Benjamin Tsui, Analyst in Agricultural Policy" at the end of a CRS In Focus: a writer, not an official
    name = "r14_crs_if12155_farm_bill_trade.txt"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name)) == ["Tsui"]
    assert own.record.date == "2026-04-21"  # "Updated April 21, 2026" right-aligned over the title


def test_signatures_in_two_columns_are_read_down_the_left_column_first():
    # left: "Christopher A. Casey, Analyst in …"; right, two lines higher: "Danielle M. Trachtenberg, …" over
    # "Christopher T. Zirpoli, Legislative Attorney" (CRS's product page lists Casey, Trachtenberg, Zirpoli)
    name = "r15_crs_if13199_section_122.txt"
    assert _families(_own(RECORDS / name).record) == _gold_families(_gold(name)) == ["Casey", "Trachtenberg", "Zirpoli"]


def test_a_journal_author_list_wrapped_inside_names_over_three_lines():
    # "Mike Du 1 , …, Xihang" / "Chen 1 , …, and Martí" / "Català 1¶" under a JOSS paper's title
    name = "dev14_joss_omock.txt"
    gold = _dev_gold(name)
    own = _own(DEV / name)
    assert _families(own.record) == _gold_families(gold)
    assert own.record.authors[3].given == "Xihang" and own.record.authors[-1].given == "Martí"


def test_the_journal_of_a_footer_citation_whose_title_fills_the_first_line():
    # "Du et al. (2025). omock: … Common Data Model. 1" / "Journal of Open Source Software, 10 (113), 8178. …"
    name = "dev14_joss_omock.txt"
    own = _own(DEV / name)
    assert own.record.container_title == _dev_gold(name)["publisher"] == "Journal of Open Source Software"
    assert dict(own.lines)["container_title"] == 66  # the footer's first line, where the citation opens


def test_a_corresponding_mark_after_a_spaced_affiliation_number_is_no_part_of_the_name():
    assert clean_marks("Edward Burn 1 , and Martí Català 1¶") == "Edward Burn, and Martí Català"


def test_a_title_ending_in_a_body_word_printed_on_every_page_heads_the_text():
    # "Private Funding for Election Administration" under "Updated April 20, 2026", the paragraph right under
    # it, the same line each page's running header: the title, not an organisation's header; its words'
    # tail as a section heading 20 lines down ("Funding for Election Administration") is not the title
    name = "r14_crs_if12501_private_election_funding.txt"
    own = _own(RECORDS / name)
    assert own.record.title == _gold(name)["title"] == "Private Funding for Election Administration"
    assert dict(own.lines)["title"] == 3


def test_a_plain_first_line_over_the_first_paragraph_outranks_later_section_headings():
    # "Appendix 1. Method Documentation", a paragraph, then "Precipitation" / "=============" (a section)
    name = "dev15_usgs_swb2_method_appendix.md"
    own = _own(DEV / name)
    assert own.record.title == _dev_gold(name)["title"] == "Appendix 1. Method Documentation"


def test_a_running_organisation_header_still_is_no_title():
    # "Innovation Committee, Chief Information Officers Council" on every page, the title in capitals under it
    name = "dev9_cioc_noops_serverless_whitepaper.txt"
    own = _own(DEV / name)
    assert own.record.title.lower() == _dev_gold(name)["title"].lower()  # recased from capitals: "Noops"
    assert dict(own.lines)["title"] == 5  # under the header on line 1


def test_a_cover_month_is_refined_to_the_day_its_letter_is_dated():
    # "February 2007" on the GAO cover; "February 28, 2007" alone over "The Honorable Bart Gordon" on the letter
    name = "dev15_gao_07_283_peak_oil.txt"
    own = _own(DEV / name)
    assert own.record.date == _dev_gold(name)["date"] == "2007-02-28"
    assert dict(own.lines)["date"] == 202


def test_a_letter_dated_in_another_month_refines_nothing():
    # a date of another month (an enclosure's, a briefing's) is not the letter's; and a GAO report whose letter
    # date shares its line with a margin tab ("September 9, 2005 … Leter") keeps its cover's month
    from bibkaz.extract.metadata.dates import letter_date

    lines = ["February 2006", "", "December 14, 2005", "", "The Honorable Robert Bennett"]
    assert letter_date(lines, "2006-02") is None
    assert letter_date(lines, "2005-12") is not None
    assert _own(DEV / "crs2_gao_05_927_managing_results.txt").record.date == "2005-09"
