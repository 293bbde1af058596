"""The document's own record on documents of the own-record set (tests/records/) and the corpus:
shapes the rules were widened for, each checked against the hand-labelled record of a real file.

The whole set is scored by ``python bench/record_accuracy.py --part records``; these tests pin one
document per shape so a change that breaks a shape fails here first.
"""

from __future__ import annotations


import pytest

from bibkaz.extract.metadata import find_own

from own_record_gold import DEV, RECORDS  # noqa: F401
from own_record_gold import families as _families, gold as _gold, gold_families as _gold_families, own_record as _own


@pytest.mark.parametrize("name", [
    "crs_r48694_rd_funding.txt",  # seven writers stacked in a summary page's margin, name over position
    "joss_implicitmeasures_paper.md",  # front-matter author maps whose name comes after the affiliation
    "joss_samplics_paper.md",  # a Pandoc footnote ^[Corresponding author.] after the name
    "paper_nsf_soft_search.txt",  # four names stacked one a line under the title
    "crsmd_if10753v7.md",  # "**Author(s):** Clark, Corrie E." (family first)
    "crsmd_if13207v1.md",  # "| **Authors:** | Pepper, Alexander H.; Schneider, Karl E." in an overview table
])
def test_authors_as_the_document_states_them(name):
    assert _families(_own(RECORDS / name)) == _gold_families(_gold(name))


@pytest.mark.parametrize("name", [
    "crs_lsb11421_god_squad.txt",  # three title lines closed by the date line, a label line above them
    "crs_in12516_nih_indirect.txt",  # the page footer's organisation below the first paragraph is no title
    "crs_if11831_arv.txt",  # a title ending with its short form does not run on into a heading
    "gao_07_791_reexamining_regulations.txt",  # an unindented cover column (plain pdftotext)
])
def test_title_as_the_document_states_it(name):
    assert _own(RECORDS / name).title == _gold(name)["title"]


def test_date_from_an_acm_reference_format_paragraph():
    assert _own(RECORDS / "paper_nsf_soft_search.txt").date == "2023"


def test_byline_date_and_site_under_an_html_pages_own_heading():
    # the lines the HTML reader hands on for tests/records/web_regioncode_vignette.html (a pkgdown article):
    # its <meta> tags as a front-matter block, the <title>, the menu, then the <h1>, <h4 class="author">
    # and <h4 class="date"> (kept here as text so the test does not hang on how the reader drops menus)
    title = "regioncode: One-Step Solution for Chinese Region Conversions"
    lines = ["---", f'og:title: "{title}"', "---", "", f"{title} • regioncode", "", "Toggle navigation regioncode 0.1.2",
             "", "Articles", "", title, "", "Changelog", "", title, "", "HU Yue, YE Xinyi", "", "2024-03-10", "",
             "The term “city” in China encompasses a multifaceted concept."]
    own = find_own(lines)
    assert own is not None
    r = own.record
    assert (_families(r), r.date, r.container_title) == (["Hu", "Ye"], "2024-03-10", "regioncode")


def test_organisation_under_a_report_title_printed_again_in_a_footer_is_the_publisher():
    assert _own(RECORDS / "crs_r47438_rural_credit.txt").publisher == "Congressional Research Service"


def test_report_cut_before_its_author_pages_names_no_author():
    assert _own(RECORDS / "crs_r47438_rural_credit.txt").authors == ()


def test_running_head_with_authors_and_year_gives_journal_year_and_double_family_name():
    r = _own(DEV / "dev7_bmc_revmanhal.txt")
    assert (r.container_title, r.date) == ("Systematic Reviews", "2017")
    assert _families(r) == ["Torres Torres", "Adams"]


def test_one_word_wiki_title_over_its_strap():
    r = _own(DEV / "dev7_wiki_standardization.txt")
    assert (r.title, r.container_title) == ("Standardization", "Wikipedia")


def test_a_cited_work_that_starts_with_a_short_title_is_not_the_documents_own_citation():
    # "Langenberg, T. (2005). Standardization and Expectations." in Further reading
    assert _own(DEV / "dev7_wiki_standardization.txt").date == ""


def test_catalogue_page_source_address_is_its_url_and_its_disclaimer_names_the_publisher():
    r = _own(RECORDS / "crsmd_if10753v7.md")
    assert (r.url, r.publisher) == ("https://www.congress.gov/crs-product/IF10753?s=1&r=4", "Congressional Research Service")


def test_post_that_first_appeared_on_another_site_in_bold_with_a_link():
    assert _own(RECORDS / "web_carpentries_in_the_classroom.md").container_title == "Library Carpentry"


def test_a_cited_work_with_the_pages_one_word_title_gives_no_date():
    # "Lanchester, F. W. (1907). *Aerodynamics*." in the references; the page was last edited in 2019
    assert _own(RECORDS / "web_wikipedia_aerodynamics.html").date != "1907"


def test_byline_broken_inside_the_last_name_and_the_imprint_line():
    r = _own(DEV / "dev6_usgs_swb2_report_draft.md")
    assert _families(r) == ["Westenbroek", "Engott", "Kelson", "Hunt"]
    assert (r.publisher, r.place, r.date) == ("U.S. Geological Survey", "Reston, Virginia", "2017")


def test_journal_statement_names_the_journal_and_its_publisher():
    r = _own(DEV / "dev3_jors_ropensci_building_community.txt")
    assert (r.container_title, r.publisher) == ("Journal of Open Research Software", "Ubiquity Press")


@pytest.mark.parametrize("name", ["manubot_metaboverse.md", "manubot_sourmash_distance.md"])
def test_manubot_output_front_matter_author_meta_date_meta_and_header_include_meta_tags(name):
    r = _own(RECORDS / name)
    gold = _gold(name)
    assert (_families(r), r.date, r.publisher) == (_gold_families(gold), gold["date"], gold["publisher"])


def test_a_page_title_and_byline_before_the_main_landmark_are_kept_and_a_source_file_is_no_publisher(tmp_path):
    # A pkgdown article: <h1>, authors and date in a header before <main>, then "Source: vignettes/….Rmd".
    from bibkaz.extract.metadata import find_own
    from bibkaz.read import read_document

    page = ("<html><head><title>Regioncode vignette</title></head><body>"
            "<nav class='navbar'><a href='/'>regioncode</a> <a href='/reference'>Reference</a></nav>"
            "<div class='page-header'><h1>Introduction to regioncode</h1>"
            "<h4 class='author'>Yue Hu</h4><h4 class='date'>2024-03-01</h4>"
            "<small>Source: <a href='https://github.com/x/y/blob/main/vignettes/regioncode-vignette.Rmd'>"
            "vignettes/regioncode-vignette.Rmd</a></small></div>"
            "<main><p>" + "Regional codes change over time in China. " * 40 + "</p></main></body></html>")
    (tmp_path / "v.html").write_text(page, encoding="utf-8")
    document = read_document(tmp_path / "v.html")
    assert "Introduction to regioncode" in document.text and "Reference" not in document.text.split("\n")[0]
    own = find_own(document.lines)
    assert own is not None and own.record.title == "Introduction to regioncode"
    assert "vignettes" not in (own.record.publisher or "")
