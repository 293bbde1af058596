"""Ninth session (issue 13): reports cited by series and number, bodies named with an
article or a firm's "Co.", and Wikipedia's archive notes — on strings from the
development corpus's CRS reports and Wikipedia lists."""

from __future__ import annotations

from bibkaz.parse import parse_reference
from bibkaz.parse.crf.repairs import series_title
from bibkaz.parse.normalise.names import parse_names


def _names(record):
    return [n.literal or n.family for n in record.authors]


def test_a_series_number_then_the_whole_title_and_its_byline():
    r = parse_reference("CRS In Focus IF13158, Taxation of Tip Income Under the 2025 Reconciliation Law, by Brendan McDermott")
    assert r.collection_title == "CRS In Focus IF13158"
    assert r.title == "Taxation of Tip Income Under the 2025 Reconciliation Law"
    assert _names(r) == ["McDermott"]
    # the subtitle after a colon is the title's, not a journal
    r = parse_reference("CRS Report R44825, The Earned Income Tax Credit (EITC): Legislative History")
    assert (r.title, r.container_title) == ("The Earned Income Tax Credit (EITC): Legislative History", "")
    # the series does not run on into the title, and the title's last word is no author
    r = parse_reference("CRS In Focus IF12901, Unemployment Compensation for Former Federal Employees and Military "
                        "Servicemembers.")
    assert r.title == "Unemployment Compensation for Former Federal Employees and Military Servicemembers"
    assert r.authors == ()


def test_a_byline_ends_at_a_suffix_and_takes_its_role_words():
    r = parse_reference("CRS Report RL31943, Budget Enforcement Procedures: The Senate Pay-As-You-Go (PAYGO) Rule, "
                        "by Bill Heniff Jr. Section 3001(b)(3) would exempt the reconciliation measure.")
    assert r.title == "Budget Enforcement Procedures: The Senate Pay-As-You-Go (PAYGO) Rule"
    assert _names(r) == ["Heniff"]
    r = parse_reference("CRS Report 98-304, House Committee Hearings: Arranging Witnesses, all by Christopher M. Davis.")
    assert (r.title, _names(r)) == ("House Committee Hearings: Arranging Witnesses", ["Davis"])
    assert [n.given for n in parse_names("coordinated by Ben Wilhelm")] == ["Ben"]


def test_the_series_repair_leaves_other_openings_alone():
    tokens = "Lee, A. (2022) Why the corridor matters".split()
    labels = ["author", "author", "date", "title", "title", "title", "title"]
    assert series_title.repair(tokens, labels) == labels
    tokens = ["GAO,", "Surface", "Transportation"]  # an agency as author, no series number
    assert series_title.repair(tokens, ["author", "title", "title"]) == ["author", "title", "title"]


def test_bodies_named_with_the_article_or_a_firms_co():
    assert [n.literal for n in parse_names("The White House")] == ["The White House"]
    assert [n.literal for n in parse_names("Trans-Matic Manufacturing Co.")] == ["Trans-Matic Manufacturing Co"]
    # a person stays a person: "Kim Co" and "Theodore White"
    assert [(n.given, n.family) for n in parse_names("Kim Co")] == [("Kim", "Co")]
    assert [(n.given, n.family) for n in parse_names("Theodore White")] == [("Theodore", "White")]


def test_an_archive_note_gives_no_date_and_no_site():
    r = parse_reference('Trans-Matic Manufacturing Co. "Deep Drawing Presses". Archived from the original on '
                        '8 February 2014. Retrieved 20 January 2014.')
    assert r.title == "Deep Drawing Presses"
    assert (r.date, r.container_title, r.accessed) == ("", "", "2014-01-20")


def test_a_bodys_own_titled_work_is_a_report_and_its_directives_documents():
    from bibkaz.parse.crf.convert import entry_type

    labels = {"author", "title", "date"}
    body = {"author": "U.S. Food and Drug Administration,", "title": "FDA Foods and Veterinary Medicine Program "
            "Strategic Plan,", "date": "Fiscal Years 2016–2025."}
    assert entry_type(labels, body) == "report"
    # a quoted title (a part), an order or circular, a person as author: not a report by this rule
    assert entry_type(labels, {**body, "title": "“Remarks by the Secretary,”"}) == "document"
    assert entry_type(labels, {**body, "title": "Radioactive Waste Management, Order 435.1,"}) == "document"
    assert entry_type(labels, {**body, "author": "Tracey Farrigan,"}) == "document"


def test_a_site_name_alone_after_a_title_is_no_book():
    from bibkaz.parse.crf.convert import entry_type

    page = {"title": '"About the Mozilla Corporation".', "container-title": "Mozilla Foundation."}
    assert entry_type({"title", "container-title"}, page) == "webpage"
    chapter = {"title": "Balancing Acts,", "container-title": "in Middle Powers Abroad,"}
    assert entry_type({"title", "container-title"}, chapter) == "chapter"
    assert entry_type({"title", "container-title", "publisher"}, {**page, "publisher": "Springer"}) == "chapter"


def test_a_bill_cited_by_number_alone_and_eu_acts_and_the_constitution():
    r = parse_reference("S. 2456")
    assert (r.title, r.type, r.authors) == ("S. 2456", "bill", ())
    assert parse_reference("H.Res. 5;").type == "bill"
    assert parse_reference("Council Directive 80/1268/EEC Fuel consumption of motor vehicles.").type == "legislation"
    assert parse_reference("First Amendment to the United States Constitution").type == "legislation"
    # a book about a constitution is no law
    assert parse_reference("Hayek, F. A. (1960). The Constitution of Liberty. University of Chicago Press.").type == "book"


def test_a_committee_report_cited_by_number_and_page():
    r = parse_reference("H.Rept. 118-154, p. 12")
    assert (r.title, r.type, r.pages) == ("H.Rept. 118-154", "report", "12")


def test_a_doi_link_alone_makes_no_web_page():
    r = parse_reference("Kuhn, M., & Vaughan, D. (2024). Parsnip: A common API to modeling and analysis functions. "
                        "https://doi.org/10.32614/CRAN.package.parsnip")
    assert r.doi == "10.32614/CRAN.package.parsnip"
    assert r.type == "document"
    assert parse_reference("Moss, Hannah. What is Serverless Computing. https://www.govloop.com/what-is-serverless-computing/"
                           ).type == "webpage"
