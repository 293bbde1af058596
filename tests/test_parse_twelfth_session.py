"""Twelfth session (issue 13): the largest classes of dev field errors that were the parser's,
on strings from the development corpus (CRS and GAO notes, NIST reference lists, Medium
link titles) — bench/parse_field_errors.py lists and classes them."""

from __future__ import annotations

from bibkaz.model import RawReference, Record
from bibkaz.parse import parse_raws, parse_reference
from bibkaz.parse.normalise.law_in_prose import law_from_prose
from bibkaz.parse.normalise.names import parse_names
from bibkaz.parse.normalise.page_title import split_page_title


def _names(names):
    return [n.literal or n.family for n in names]


def test_a_body_whose_and_joins_the_objects_of_its_of_is_one_body():
    assert _names(parse_names("Institute on Taxation and Economic Policy")) == ["Institute on Taxation and Economic Policy"]
    assert _names(parse_names("Office of Management and Budget (OMB)")) == ["Office of Management and Budget (OMB)"]
    assert _names(parse_names("American Association of State Highway and Transportation Officials")) == [
        "American Association of State Highway and Transportation Officials"]
    # people stay people, and a body followed by a person is still split where the person has a known given name
    assert _names(parse_names("Smith, John and Jane Doe")) == ["Smith", "Doe"]


def test_a_firms_research_arm_or_blog_is_a_body():
    assert _names(parse_names("Microsoft Research")) == ["Microsoft Research"]
    assert _names(parse_names("Microsoft Corporate Blogs")) == ["Microsoft Corporate Blogs"]
    r = parse_reference("Institute on Taxation and Economic Policy, A Federal Gas Tax for the Future, September 2013, "
                        "pp. 1-13, http://www.itep.org/pdf/fedgastax0913.pdf.")
    assert _names(r.authors) == ["Institute on Taxation and Economic Policy"]


def test_a_public_law_is_titled_by_its_number_not_its_pinpoint():
    r = parse_reference("P.L. 113-132, 128 Stat. 1727 (2014).")
    assert (r.type, r.title, r.year) == ("legislation", "P.L. 113-132", "2014")
    assert "128 Stat. 1727" in r.note
    assert parse_reference("P.L. 117-58, Division B, Title I, §21202(b).").title == "P.L. 117-58"
    assert parse_reference("Pub. L. No. 105-244, tit. I, § 101(a), 112 Stat. 1581, 1604-05 (1998).").title == \
        "Pub. L. No. 105-244"
    # a short title before the number and a section glued on keep the whole citation (the
    # held-out real strings' labels); a code section keeps its subsection; a bill its short title
    title = "Continuing Appropriations and Extensions Act, 2025, Pub. L. No. 118-83, div. A, § 115, 138 Stat. 1524"
    assert law_from_prose(Record(type="legislation", title=title)).title == title
    assert law_from_prose(Record(type="legislation", title="P.L. 119-27 §4(a)(5)")).title == "P.L. 119-27 §4(a)(5)"
    assert law_from_prose(Record(type="legislation", title="31 U.S.C. § 331(e)")).title == "31 U.S.C. § 331(e)"
    assert law_from_prose(Record(type="legislation", title="H.R. 2156, Saint Francis Dam Act")).title == \
        "H.R. 2156, Saint Francis Dam Act"


def test_html_character_references_are_the_characters():
    r = parse_reference("International Organization for Standardization/International Electrotechnical Commission "
                        "(2004) *ISO/IEC 7816-5:2004 &mdash; Identification cards &mdash; Integrated circuit cards "
                        "&mdash; Part 5: Registration of application providers.* (International Organization for "
                        "Standardization, Geneva, Switzerland) [or as amended]. Available at "
                        "https://www.iso.org/standard/34259.html")
    assert r.title == ("ISO/IEC 7816-5:2004 — Identification cards — Integrated circuit cards — "
                       "Part 5: Registration of application providers")
    assert "&" not in r.title


def test_a_page_title_with_a_byline_in_bars():
    page = split_page_title("DSD Fall 2022: Quantifying the Commons (1/10) | by Bransthre | Nov, 2022 | Medium")
    assert page is not None
    assert (page.title, page.author, page.date, page.site) == (
        "DSD Fall 2022: Quantifying the Commons (1/10)", "Bransthre", "2022-11", "Medium")
    # a bar alone (a site after a title) is not this form
    assert split_page_title("Service Composition - Glossary | CSRC") is None
    link = ("[DSD Fall 2022: Quantifying the Commons (1/10) | by Bransthre | Nov, 2022 | Medium]"
            "(https://medium.com/@bransthre/dsd-fall-2022-quantifying-the-commons-1-10-970)")
    r = parse_raws([RawReference("doc.md", "list", link, 1)])[0].record
    assert (r.title, _names(r.authors), r.year, r.container_title) == (
        "DSD Fall 2022: Quantifying the Commons (1/10)", ["Bransthre"], "2022", "Medium")
    assert r.url.startswith("https://medium.com/@bransthre/")
    entry = "[Automating Quantifying the Commons: Part 2][part2] | Author: Naisha Sinha | Aug. 2024"
    r = parse_raws([RawReference("doc.md", "list", entry, 1)])[0].record
    assert (r.title, _names(r.authors), r.year) == ("Automating Quantifying the Commons: Part 2", ["Sinha"], "2024")


def test_a_body_after_an_unquoted_title_and_before_the_date_is_the_publisher():
    r = parse_reference("Jeff Davis, Why Not a Ten-Year Surface Transportation Bill? (Executive Summary), Eno Center "
                        "for Transportation, February 26, 2015, p. 1.")
    assert (r.title, r.publisher) == ("Why Not a Ten-Year Surface Transportation Bill? (Executive Summary)",
                                      "Eno Center for Transportation")
    r = parse_reference("Baruch Feigenbaum and Jay Derr, Annual Surface Transportation Infrastructure Report: 2025, "
                        "Reason Foundation, March 2025, https://reason.org/policy-study/annual-surface-transportation-"
                        "infrastructure-report-2025/.")
    assert (r.title, r.publisher, _names(r.authors)) == (
        "Annual Surface Transportation Infrastructure Report: 2025", "Reason Foundation", ["Feigenbaum", "Derr"])
    # the hearing a testimony was given at is part of its title
    r = parse_reference("Testimony of Kimberly A. Clausing, Deputy Assistant Secretary, Tax Analysis, Before the Senate "
                        "Committee on Finance, March 25, 2021.")
    assert r.publisher != "Before the Senate Committee on Finance"


def test_a_host_after_the_title_is_the_site_not_the_address():
    r = parse_reference('"Anatomy of a Compiler and The Tokenizer". www.cs.man.ac.uk.')
    assert (r.title, r.container_title, r.url) == ("Anatomy of a Compiler and The Tokenizer", "www.cs.man.ac.uk", "")
    r = parse_reference("Transmission Lines data. Transmission-line.net. Retrieved on 2014-02-03.")
    assert (r.title, r.container_title) == ("Transmission Lines data", "Transmission-line.net")
    # an address with a path is the page's
    r = parse_reference('"Greek Word Study Tool". http://www.perseus.tufts.edu/hopper/morph.')
    assert r.url == "http://www.perseus.tufts.edu/hopper/morph" and r.container_title == ""


def test_a_body_before_an_italic_title_is_its_author():
    r = parse_reference("National Institute of Standards and Technology (2019) *Security Requirements for Cryptographic "
                        "Modules.* (U.S. Department of Commerce, Washington, DC), Federal Information Processing Standards "
                        "Publication (FIPS) 140-3. https://doi.org/10.6028/NIST.FIPS.140-3")
    assert (_names(r.authors), r.title, r.year) == (["National Institute of Standards and Technology"],
                                                    "Security Requirements for Cryptographic Modules", "2019")
    r = parse_reference("National Technical Information Service, *Social Security Death Master File*, available at: "
                        "<https://www.ssdmf.com/Library/InfoManage/Guide.asp?FolderID=1>.")
    assert (_names(r.authors), r.title) == (["National Technical Information Service"], "Social Security Death Master File")


def test_a_books_publisher_before_its_isbn_is_no_periodical():
    r = parse_reference("Allan H. Robbins; Wilhelm Miller (2012). Circuit Analysis: Theory and Practice (5th ed.). "
                        "Cengage Learning. p. 536. ISBN 1-285-40192-1.")
    assert (r.type, r.container_title, r.publisher) == ("book", "", "Cengage Learning")
    r = parse_reference("Kiichi Fukui; Shigeki Nakayama (1996-09-26). Plant Chromosomes: Laboratory Methods. "
                        "ISBN 9780849389191.")
    assert (r.title, r.container_title) == ("Plant Chromosomes: Laboratory Methods", "")


def test_a_body_and_a_comma_before_an_unquoted_title_is_its_author():
    r = parse_reference("Tech Transparency Project, Cryptocurrency Miners’ Sweetheart Deal with Texas Threatens an Already "
                        "Fragile Grid, July 21, 2022, https://www.techtransparencyproject.org/articles/cryptocurrency-miners.")
    assert (_names(r.authors), r.title) == (
        ["Tech Transparency Project"], "Cryptocurrency Miners’ Sweetheart Deal with Texas Threatens an Already Fragile Grid")
    r = parse_reference("Washington Metropolitan Area Transit Authority, FY2026 Budget, p. 7, "
                        "https://www.wmata.com/initiatives/budget/upload/FY2026-Approved-Budget.pdf.")
    assert (_names(r.authors), r.title) == (["Washington Metropolitan Area Transit Authority"], "FY2026 Budget")
    # a rule's paragraph, a testimony's hearing: one title, no author
    assert parse_reference("Senate Rule XXVI, paragraph 5(b),").authors == ()


def test_a_body_cut_at_the_and_of_its_phrase_is_joined_again_in_a_list():
    assert _names(parse_names("White House, Office of Science and Technology Policy")) == [
        "White House, Office of Science and Technology Policy"]
    assert _names(parse_names("Smith, John, Jane Doe and Bo Ek")) == ["Smith", "Doe", "Ek"]


def test_a_letter_cited_by_writer_and_addressee_has_the_writer_as_author():
    r = parse_reference("Letter from Sens. Lee and Heinrich to Chairman Swett and Commissioners of FERC, November 18, 2025, "
                        "https://www.energy.senate.gov/services/files/897F8081-26B9-42")
    assert (_names(r.authors), r.title, r.date, r.container_title) == (
        ["Lee", "Heinrich"], "Letter from Sens. Lee and Heinrich to Chairman Swett and Commissioners of FERC",
        "2025-11-18", "")
    r = parse_reference("Letter from Tristan Abbey, Administrator of U.S. Energy Information Administration, to Sen. "
                        "Warren, April 9, 2026, https://www.warren.senate.gov/imo/media/doc/letter.pdf.")
    assert (_names(r.authors), r.container_title) == (["Abbey"], "")
    assert r.title == "Letter from Tristan Abbey, Administrator of U.S. Energy Information Administration, to Sen. Warren"


def test_a_page_pointed_at_in_prose_is_its_name_and_link():
    r = parse_reference("the SBA webpage for the 7(a) Program at https://www.sba.gov/funding-programs/loans/ 7a-loans.")
    assert (_names(r.authors), r.title) == (["SBA"], "7(a) Program")
    assert r.url == "https://www.sba.gov/funding-programs/loans/7a-loans"
    r = parse_reference("2018 Index methodology at: https://rankingdigitalrights.org/2018-indicators/#P13.")
    assert r.title == "2018 Index methodology"
    r = parse_reference("USGv6 Profile and Test Program is documented at: https://www.nist.gov/programs-projects/usgv6-program.")
    assert r.title == "USGv6 Profile and Test Program"


def test_a_standards_series_and_number_is_the_series():
    r = parse_reference("Robert Braden, ed., Requirements for Internet Hosts—Communication Layers, Internet Engineering Task "
                        "Force (IETF), Request for Comments (RFC) 1122, October 1989, https://doi.org/10.17487/RFC1122.")
    assert (r.title, r.collection_title, r.publisher) == (
        "Requirements for Internet Hosts—Communication Layers", "Request for Comments (RFC) 1122",
        "Internet Engineering Task Force (IETF)")
    r = parse_reference("Grassi PA, Fenton JL, Lefkovitz NB, Danker JM, Choong Y-Y, Greene KK, Theofanos MF (2017) *Digital "
                        "Identity Guidelines: Enrollment and Identity Proofing.* (National Institute of Standards and "
                        "Technology, Gaithersburg, MD), NIST Special Publication (SP) 800-63A, Includes updates as of March "
                        "02, 2020 [or as amended]. <https://doi.org/10.6028/NIST.SP.800-63A>")
    assert r.collection_title == "NIST Special Publication (SP) 800-63A"
    assert r.title == "Digital Identity Guidelines: Enrollment and Identity Proofing"


def test_a_web_citation_whose_author_run_holds_the_title():
    r = parse_reference("Kitzes J. Reproducible Workflows; 2016. Available from: http: //datasci.kitzes.com/lessons/"
                        "python/reproducible_workflow.html.")
    assert (_names(r.authors), r.title, r.year) == (["Kitzes"], "Reproducible Workflows", "2016")
    r = parse_reference("Pritchard, Adam, 'Markdown Cheatsheet' (2013) <https://github.com/adam-p/markdown-here>")
    assert (_names(r.authors), r.title) == (["Pritchard"], "Markdown Cheatsheet")


def test_a_series_runs_on_into_its_number():
    r = parse_reference("Alemayehu Bishaw, “Examining the Effect of Off-Campus College Students on Poverty Rates,” Working "
                        "Paper SEHSD 2013-17, U.S. Census Bureau, May 1, 2013.")
    assert (r.type, r.collection_title, r.container_title, r.publisher) == (
        "report", "Working Paper SEHSD 2013-17", "", "U.S. Census Bureau")
    r = parse_reference("Peter Mell and Timothy Grance, The NIST Definition of Cloud Computing: Recommendations of the "
                        "National Institute of Standards and Technology, National Institute of Standards and Technology "
                        "(NIST), NIST Special Publication 800-145, September 2011, p. 2, https://nvlpubs.nist.gov/nistpubs/"
                        "Legacy/SP/nistspecialpublication800-145.pdf.")
    assert r.collection_title == "NIST Special Publication 800-145"
