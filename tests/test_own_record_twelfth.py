"""The document's own record on shapes the twelfth session's rules cover: a Lektor page's fields
(``contents.lr``: "key: value" blocks between "---" lines, the body last), an author name written
without its space ("NaishaSinha"), and a double family name after a middle initial ("Sara J Javornik
Cregeen"). Each test pins one rule on a real file against its hand-labelled record.
"""

from __future__ import annotations

from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.extract.metadata.people import person
from bibkaz.extract.metadata.site import site_line
from bibkaz.read import read_document

from own_record_gold import DEV
from own_record_gold import dev_gold as _dev_gold, families as _families, gold_families as _gold_families, own_found as _own


def test_a_lektor_page_states_its_title_writer_and_date_in_its_fields():
    # "title: …" / "---" / "categories:" (one a line) / "---" / "author: NaishaSinha" / "---" / "pub_date: 2024-07-10"
    # / "---" / "body:": the fields are the page's record, the text starts after "body:"
    name = "dev19_ccos_automating_quantifying_part1.md"
    own = _own(DEV / name)
    gold = _dev_gold(name)
    assert own.record.title == gold["title"] == "Automating Quantifying the Commons: Part 1"
    assert _families(own.record) == _gold_families(gold) == ["Sinha"]
    assert own.record.date == gold["date"] == "2024-07-10"
    assert dict(own.lines)["date"] == 14  # the pub_date field's line


def test_a_lektor_field_lists_its_values_on_the_lines_under_it():
    # "author:" / "Dun-MingHuang" / "ShuranYang": two writers, each written without a space
    name = "dev19_ccos_quantifying_commons_berkeley.md"
    lines = read_document(DEV / name).lines
    entries, body = read_front_matter(lines)
    assert entries["author"].values == ("Dun-MingHuang", "ShuranYang")
    assert lines[body - 1] == "body:"
    own = _own(DEV / name)
    assert own.record.title == _dev_gold(name)["title"]  # not the body's first heading "Project Objective"
    assert _families(own.record) == _gold_families(_dev_gold(name)) == ["Huang", "Yang"]


def test_a_page_opening_with_a_labelled_line_is_no_lektor_page_without_its_body_field():
    # a GAO report converted to Markdown opens "# Title" then "**Report:** …": no front matter at all, and a
    # Lektor reading needs every block to open with a field and a "body:" field to end them
    lines = read_document(DEV / "dev11_gao_26_108945_foreign_assistance_fraud.md").lines
    assert read_front_matter(lines) == ({}, 0)
    assert read_front_matter(["Note: this is a draft", "---", "Some text here.", "---", "body:", "x"]) == ({}, 0)


def test_the_words_after_a_middle_initial_are_a_double_family_name():
    # a JOSS paper's author lines: "Daniel P Smith", "Sara J Javornik Cregeen", "Joseph F Petrosino"
    name = "web2_joss_ecodive.txt"
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name)) == ["Smith", "Javornik Cregeen", "Petrosino"]


def test_a_leading_initial_or_initials_alone_keep_the_last_word_as_the_family():
    assert person("J. Robert Oppenheimer").family == "Oppenheimer"
    assert person("George H. W. Bush").family == "Bush"
    assert person("Mary Ann Smith").family == "Smith"


def test_a_converted_reports_front_matter_states_its_publication_date():
    # "publication_date: \"2021-05-17\"" in the front matter of a CRS In Focus converted from its PDF
    name = "dev20_crs_if11097_hr1_related_products.md"
    own = _own(DEV / name)
    assert own.record.date == _dev_gold(name)["date"] == "2021-05-17"
    assert dict(own.lines)["date"] == 4


def test_a_numbered_report_with_a_front_matter_naming_no_writer_is_signed_at_its_end():
    # "**R. Sam Garrett, Coordinator**, Specialist in American" / … / "**Jacob R. Straus**, Specialist on the
    # Congress" (bold around the name, columns interleaved) under a front matter with "report_number: IF11097"
    name = "dev20_crs_if11097_hr1_related_products.md"
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name)) == ["Garrett", "Eckman", "Shanton", "Straus"]


def test_a_front_matter_writer_with_a_role_and_a_body_is_the_person():
    # author: "Michael Jackson (ed.), The Software Sustainability Institute"
    name = "dev21_ssi_why_deposit_software.md"
    assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name)) == ["Jackson"]


def test_an_imprint_pages_publisher_and_an_about_the_author_paragraph():
    # "Published in 2024 by the United Nations Educational, Scientific and Cultural Organization," over the
    # address, "© UNESCO 2024" under it; "About the author" / "Anthony F. Camilleri is the founder and …"
    name = "dev21_unesco_oer_blockchain_brief.txt"
    own = _own(DEV / name)
    # gold: "United Nations Educational, Scientific and Cultural Organization (UNESCO)"
    assert (own.record.publisher or own.record.container_title) == "United Nations Educational, Scientific and Cultural Organization"
    assert _families(own.record) == _gold_families(_dev_gold(name)) == ["Camilleri"]


def test_a_copyright_holder_before_the_year_and_a_role_after_a_name_is_no_body():
    lines = ["© UNESCO 2024"]
    assert site_line(lines).value == "UNESCO"
    assert site_line(["Published in 2021 by Jane Doe, Senior Fellow"]) is None
    # "This post originally appeared on the [Library Carpentry website]": a body, though its words could name a person
    assert site_line(["**This post originally appeared on the [Library Carpentry website](https://librarycarpentry.org)**"]).value == "Library Carpentry"


def test_a_title_broken_the_same_way_on_the_cover_and_the_title_page_is_joined_whole():
    # "Beyond Blockchain:" / "Policy Brief on Next Generation" / "Web Technologies and their" / "impact on OER",
    # on the cover and again under the report number
    name = "dev21_unesco_oer_blockchain_brief.txt"
    assert _own(DEV / name).record.title == _dev_gold(name)["title"]


def test_a_front_matter_lead_in_ending_in_a_colon_opens_the_title():
    # "header: \"Network shutdowns:\"" in the front matter, "<h2>Users are in the dark about why they're cut off</h2>"
    # as the page's heading; "header: Narrative" (no colon) over other pages of the same site is no part of theirs
    name = "dev8_rdr_network_shutdowns_findings.md"
    assert _own(DEV / name).record.title == _dev_gold(name)["title"]
    other = "dev8_rdr2019_introduction.md"
    assert _own(DEV / other).record.title == _dev_gold(other)["title"] == "Introduction"


def test_a_brand_written_as_one_word_is_no_joined_name():
    # the Lektor page with its writer's page name swapped for a brand the text names too: no person is made of it
    lines = read_document(DEV / "dev19_ccos_automating_quantifying_part1.md").lines
    swapped = ["author: DataCamp" if line == "author: NaishaSinha" else line for line in lines] + ["A DataCamp course."]
    assert swapped != lines + ["A DataCamp course."]
    assert _families(_own_lines(swapped).record) == []
    assert _families(_own_lines(["author: GitHub" if l == "author: NaishaSinha" else l for l in lines]).record) == []


def _own_lines(lines: list[str]):
    from bibkaz.extract.metadata import find_own

    own = find_own(lines)
    assert own is not None
    return own
