"""Fifteenth session (issue 13): organisations as authors, in the shapes policy writers print them —
a body named by a plural or a collective noun, a newspaper as the author, a country's abbreviation
before its body's name, "Body. Title." before a date or an imprint, a body's acronym before a
title of several parts — and a note's title run on into the publisher's name. Strings of the
development corpus's shapes (bench/parse_field_errors.py classes)."""

from __future__ import annotations

from bibkaz.model import RawReference
from bibkaz.parse import parse_raws, parse_reference
from bibkaz.parse.crf.repairs import comma_segment, nation_body
from bibkaz.parse.normalise.names import parse_names


def _authors(record) -> list[str]:
    return [n.literal or n.family for n in record.authors]


def record(text: str):
    """The record of one list entry of a Markdown document, as the extract stage parses it."""
    return parse_raws([RawReference("doc.md", "list", text, 1)])[0].record


def test_bodies_named_by_a_plural_or_a_collective_noun_are_one_name():
    for body in ("Cohesive Networks", "Texas Instruments", "Software Credit Workshop",
                 "USDA Rural Development", "Cryptographic Research and Evaluation Committees"):
        assert [n.literal for n in parse_names(body)] == [body]
    # a person is still a person
    assert parse_names("Jane Smith")[0].family == "Smith"


def test_a_news_outlet_as_author_is_one_body_but_a_one_word_outlet_may_be_a_family_name():
    assert [n.literal for n in parse_names("New York Times")] == ["New York Times"]
    assert [n.literal for n in parse_names("Associated Press")] == ["Associated Press"]
    assert parse_names("Stern")[0].family == "Stern"


def test_a_country_abbreviation_before_a_body_joined_by_and_is_one_body():
    assert [n.literal for n in parse_names("US Food and Drug Administration")] == ["US Food and Drug Administration"]


def test_a_country_abbreviation_alone_as_author_takes_the_body_name_after_it():
    r = parse_reference("U.S. Energy Information Administration, [Crude Oil Production]"
                        "(http://www.eia.gov/dnav/pet/pet_crd_crpdn_adc_mbbl_a.htm), 2016")
    assert (_authors(r), r.title) == (["U.S. Energy Information Administration"], "Crude Oil Production")
    r = parse_reference("U.S. Census Bureau, [North Slope Borough, Alaska](https://www.census.gov/quickfacts/"
                        "fact/table/northslopeboroughalaska,US/PST045216), 2016")
    assert (_authors(r), r.title) == (["U.S. Census Bureau"], "North Slope Borough, Alaska")


def test_the_nation_repair_leaves_a_title_that_is_no_body_alone():
    tokens = "U.S. Digital Playbook, Guidance Notes, available at: https://playbook.cio.gov/".split()
    labels = ["author", "title", "title", "title", "title", "note", "note", "url"]
    assert nation_body.repair(tokens, labels) == labels  # "Digital Playbook" names no body


def test_a_body_sentence_before_the_title_sentence_and_an_imprint_is_the_author():
    r = parse_reference("International Energy Agency. World Energy Outlook 2004. Paris France: 101-103.")
    assert (_authors(r), r.title) == (["International Energy Agency"], "World Energy Outlook 2004")
    r = parse_reference("American Council for Technology Industry Advisory Council (ACT-IAC). Zero Trust "
                        "Cybersecurity Current Trends. 18 April 2019. https://www.actiac.org/system/files/report.pdf")
    assert (_authors(r), r.title) == (["American Council for Technology Industry Advisory Council (ACT-IAC)"],
                                      "Zero Trust Cybersecurity Current Trends")


def test_a_title_does_not_run_into_the_publishers_name_inside_a_comma_part():
    r = parse_reference("David L. Greene, Janet L. Hopson, and Jai Li, Running Out Of and Into Oil: Analyzing "
                        "Global Oil Depletion and Transition Through 2050, Oak Ridge National Laboratory, "
                        "Department of Energy (2003);")
    assert r.title == "Running Out Of and Into Oil: Analyzing Global Oil Depletion and Transition Through 2050"
    assert r.publisher.startswith("Oak Ridge National Laboratory")


def test_the_comma_part_repair_needs_a_comma_in_the_title_before_the_part():
    tokens = "A Study of Oak Ridge National Laboratory, 2003.".split()
    labels = ["title"] * 5 + ["publisher", "publisher", "date"]
    assert comma_segment.repair(tokens, labels) == labels


def test_a_body_acronym_before_a_title_of_several_parts_leaves_them_to_the_title():
    r = parse_reference("FHWA, Funding Federal-aid Highways; Appendix K, Historical Federal Fuel Tax Rates, last "
                        "modified January 2017, at https://www.fhwa.dot.gov/policy/olsp/fundingfederalaid/k.cfm.")
    assert (_authors(r), r.title) == (["FHWA"], "Funding Federal-aid Highways; Appendix K, Historical Federal Fuel Tax Rates")
    r = parse_reference("3GPP, 5G; NG-RAN; Architecture Description, Technical Specification 38.401, Version 18.2.0, "
                        "Release 18, August 2024, pp. 18-21.")
    assert r.title == "5G; NG-RAN; Architecture Description"


def test_a_congress_committee_joined_by_and_is_one_body():
    assert [n.literal for n in parse_names("U.S. Congress, House Energy and Commerce Committee")] == \
        ["U.S. Congress, House Energy and Commerce Committee"]
    assert [n.literal for n in parse_names("U.S. Congress, House Energy and Commerce Committee, Energy Subcommittee")] == \
        ["U.S. Congress, House Energy and Commerce Committee, Energy Subcommittee"]
    # people and a body after them stay apart
    assert [n.literal or n.family for n in parse_names("Jane Smith, Bob Jones and Acme Foundation")] == \
        ["Smith", "Jones", "Acme Foundation"]


def test_a_year_that_opens_a_title_with_no_mark_after_it_is_the_titles():
    r = parse_reference("2010 Census Summary File 1 United States/prepared by the U.S. Census Bureau, 2011.")
    assert (r.title[:30], r.year) == ("2010 Census Summary File 1 Uni", "2011")
    r = parse_reference("U.S. Census Bureau. 2010 summary file 1 technical documentation. "
                        "https://www.census.gov/prod/cen2010/doc/ sf1.pdf, 2012.")
    assert (r.title, r.year) == ("2010 summary file 1 technical documentation", "2012")
    # a year closed by its mark is the date
    r = parse_reference("Gutenson, J. L., and J. C. Deters. 2022. Antecedent Precipitation Tool (APT) Version 1.0: "
                        "Technical and User Guide. ERDC-TN WRAP-22-1. Vicksburg, MS: US Army Engineer Research and "
                        "Development Center.")
    assert r.year == "2022" and r.title.startswith("Antecedent Precipitation Tool")
    # and so is a year after the names with no mark at all (Ubiquity Press's lists)
    r = parse_reference("Peng, R D 2011 Reproducible research in computa- tional science. Science, 334: 1226–1227.")
    assert r.year == "2011" and r.title.startswith("Reproducible research")


def test_the_word_before_the_link_after_an_access_date_is_no_part_of_the_site():
    r = parse_reference("Lempert, R.J., Steven W. Popper, and Steven C. Bankes. (2003). “Shaping the Next One Hundred "
                        "Years: New Methods for Quantitative Long-Term Policy Analysis.” Rand Pardee Center. Accessed "
                        "on 12/19/2019 from https://www.rand.org/content/dam/rand/pubs/monograph_reports/2007/MR1626.pdf")
    assert r.container_title == "Rand Pardee Center"


def test_a_name_in_brackets_after_a_linked_title_is_its_journal_site_or_body():
    r = record("[Statutory Damages in Copyright Law: A Remedy in Need of Reform]"
               "(https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1375604) (William & Mary Law Review)")
    assert (r.title, r.container_title) == ("Statutory Damages in Copyright Law: A Remedy in Need of Reform",
                                            "William & Mary Law Review")
    r = record("[Unintended Consequences: Twelve Years Under the DMCA]"
               "(https://www.eff.org/wp/unintended-consequences-under-dmca) (Electronic Frontier Foundation)")
    assert (_authors(r), r.container_title) == (["Electronic Frontier Foundation"], "")
    r = record("[Guidance to using open source](https://arkitektur.digst.dk/node/1173) (in Danish)")
    assert (r.title, r.container_title, r.note) == ("Guidance to using open source", "", "in Danish")


def test_a_designation_that_opens_the_reference_is_the_series_and_number():
    r = parse_reference("NIST SP 800-57, Recommendation for Key Management – Part 1: General. March 2007.")
    assert (r.collection_title, r.title) == ("NIST SP 800-57", "Recommendation for Key Management – Part 1: General")
    r = parse_reference("Draft NIST SP 800-128, Guide for Security Configuration Management of Information Systems. "
                        "March 2010.")
    assert (r.collection_title, r.title) == ("Draft NIST SP 800-128",
                                             "Guide for Security Configuration Management of Information Systems")
    # a pinpoint after the designation leaves no title to split off
    r = parse_reference("NIST SP 800-207 at 29, https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-207.pdf")
    assert r.collection_title == ""


def test_a_body_as_the_last_part_of_a_title_before_the_publisher_is_the_publishers():
    r = parse_reference("Jeffrey Ang-Olson et al., Variable-Rate State Gasoline Taxes, Institute of Transportation "
                        "Studies, University of California, Berkeley, Working Paper UCB-ITS-WP-99-3, July 1999.")
    assert r.title == "Variable-Rate State Gasoline Taxes"
    assert r.publisher.startswith("Institute of Transportation Studies")


def test_a_link_to_a_pdf_file_is_a_document_not_a_web_page():
    r = parse_reference("OMB Circular A-94 ”Guidelines and Discount Rates for Benefit-Cost Analysis of Federal "
                        "Programs”: https://obamawhitehouse.archives.gov/sites/default/files/omb/circulars/A94/a094.pdf")
    assert r.type == "document"
    r = parse_reference("Crypto Climate Accord, https://cryptoclimate.org/accord/.")
    assert r.type == "webpage"


def test_a_body_acronym_in_brackets_before_its_name_is_part_of_the_author():
    r = parse_reference("(NIEHS) National Institute of Environmental Sciences. Endocrine disruptor factsheet. 2010 "
                        "[Online]. Available: http://www.niehs.nih.gov/health/materials/endocrine_disruptors_508.pdf. "
                        "[Accessed: 26 Jan 2015].")
    assert (_authors(r), r.title) == (["(NIEHS) National Institute of Environmental Sciences"],
                                      "Endocrine disruptor factsheet")
    r = parse_reference("(NLM) National Library of Medicine. ChemIDplus Lite—chemical information with searchable "
                        "synonyms, structures, and formulas. 2015 [Online]. Available: "
                        "http://chem.sis.nlm.nih.gov/chemidplus/chemidlite.jsp. [Accessed: 03 Dec 2015].")
    assert (_authors(r), r.container_title) == (["(NLM) National Library of Medicine"], "")


def test_a_body_that_owns_a_linked_title_is_its_author():
    r = record("From NASA’s [Earth Data Systems Open Science Resources](https://www.earthdata.nasa.gov/esds/open-science)")
    assert (_authors(r), r.title) == (["NASA"], "Earth Data Systems Open Science Resources")
    r = record("Google's [Engineering Practices](https://google.github.io/eng-practices/)")
    assert (_authors(r), r.title) == ([], "Engineering Practices")  # a name the parser cannot tell for a body's


def test_an_office_after_a_body_named_by_a_body_word_is_the_authors_while_a_title_is_left():
    r = parse_reference("Domestic Working Group, Grant Accountability Project, Guide to Opportunities for Improving "
                        "Grant Accountability. October 2005.")
    assert (_authors(r), r.title) == (["Domestic Working Group, Grant Accountability Project"],
                                      "Guide to Opportunities for Improving Grant Accountability")
    # a title's first part with a body's word in it is no office
    r = parse_reference("Social Security Administration, Agency Financial Report, Fiscal Year 2025, November 2025.")
    assert (_authors(r), r.title) == (["Social Security Administration"], "Agency Financial Report, Fiscal Year 2025")
    r = parse_reference("World Bank, World Development Report 2020: Trading for Development in the Age of Global "
                        "Value Chains, Washington, DC, 2020.")
    assert (_authors(r), r.title[:24]) == (["World Bank"], "World Development Report")


def test_the_file_kind_ending_linked_words_is_not_the_titles():
    r = record("[North Slope Regional Energy Plan (PDF)](http://www.north-slope.org/assets/plan.pdf), 2015")
    assert (r.title, r.year) == ("North Slope Regional Energy Plan", "2015")
