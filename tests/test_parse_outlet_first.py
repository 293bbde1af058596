"""Eleventh session (issue 13): an unsigned news story cited as "Outlet, “Title,” date" (CRS
notes), and bodies known by a name without a body word ("White House")."""

from __future__ import annotations

from bibkaz.parse import parse_reference
from bibkaz.parse.crf.repairs import news_outlet
from bibkaz.parse.normalise.names import parse_names


def test_an_outlet_before_a_quoted_title_is_the_periodical_not_the_author():
    r = parse_reference("Defense Daily, “GD Submits Prototype Proposal for Marine Corps ARV, SAIC Is Out,” May 6, 2021.")
    assert r.authors == ()
    assert (r.container_title, r.type, r.date) == ("Defense Daily", "article-newspaper", "2021-05-06")
    assert r.title == "GD Submits Prototype Proposal for Marine Corps ARV, SAIC Is Out"
    r = parse_reference("Seapower, “General Dynamics Land Systems Delivers Advanced Reconnaissance Vehicle Prototype "
                        "to U.S. Marine Corps,” January 5, 2023.")
    assert (r.authors, r.container_title, r.type) == ((), "Seapower", "article-magazine")


def test_a_signed_story_and_a_body_keep_their_authors():
    r = parse_reference("Ann Lee, “Title of the Story,” The Guardian, March 3, 2016.")
    assert [n.family for n in r.authors] == ["Lee"]
    assert r.container_title == "The Guardian"
    # the name is an outlet's, but no quoted title follows: the labels stay
    tokens = ["Reuters,", "Annual", "Report", "2019."]
    labels = ["author", "title", "title", "date"]
    assert news_outlet.repair(tokens, labels) == labels
    # a periodical named elsewhere: the opening name is not the outlet of this story
    tokens = ["Reuters,", "“Title,”", "The", "Guardian,", "2019."]
    labels = ["author", "title", "journal", "journal", "date"]
    assert news_outlet.repair(tokens, labels) == labels


def test_the_white_house_and_its_offices_are_one_body():
    assert [n.literal for n in parse_names("White House")] == ["White House"]
    assert [n.literal for n in parse_names("White House, Office of the Press Secretary")] == [
        "White House, Office of the Press Secretary"]
    # "House" stays a family name when it is one
    assert [(n.family, n.given) for n in parse_names("House, Gregory")] == [("House", "Gregory")]


def test_an_agencys_initials_before_its_numbered_document_are_its_author():
    from bibkaz.parse.crf.repairs import agency_designation

    r = parse_reference("IRS Revenue Procedure 2025-32")
    assert ([n.literal for n in r.authors], r.title) == (["IRS"], "Revenue Procedure 2025-32")
    r = parse_reference("FNS Instruction 800-2.")
    assert ([n.literal for n in r.authors], r.title) == (["FNS"], "Instruction 800-2")
    # a title of its own after the number: the designation is the series and number
    r = parse_reference("DOE Order 413.3B, Program and Project Management for the Acquisition of Capital Assets, "
                        "November 29, 2010.")
    assert [n.literal for n in r.authors] == ["DOE"]
    assert (r.collection_title, r.date) == ("Order 413.3B", "2010-11-29")
    assert r.title == "Program and Project Management for the Acquisition of Capital Assets"
    # no number after the document word, or no initials before it: the labels stay
    for tokens in (["IRS", "Notice", "on", "tips."], ["Agency", "Order", "12."], ["CRS", "Report", "R41234,"]):
        labels = ["title"] * len(tokens)
        assert agency_designation.repair(tokens, labels) == labels


def test_a_files_format_is_no_periodical():
    # Wikipedia's '"Title" (PDF). Publisher. Retrieved …': the rules read "(PDF)" as a magazine
    r = parse_reference('Keating, Martha; Baum, Ellen; Hennen, Amy (June 2001). "Cradle to Grave: The Environmental '
                        'Impacts from Coal" (PDF). Clean Air Task Force. Retrieved 2 October 2013.')
    assert r.container_title == ""
    assert r.type not in ("article-magazine", "article-newspaper")
    assert r.title == "Cradle to Grave: The Environmental Impacts from Coal"
    # a container after the mark keeps its name only
    r = parse_reference('"Environmental Impacts from Mining" (PDF). The Abandoned Mine Site Characterization and '
                        'Cleanup Handbook. United States Environmental Protection Agency. August 2000. Retrieved 21 June 2010.')
    assert r.container_title == "The Abandoned Mine Site Characterization and Cleanup Handbook"


def test_the_names_end_at_the_full_stop_that_closes_them():
    from bibkaz.parse.crf.repairs import author_stop

    r = parse_reference("Rockwell, Mark. RPA: ‘It’s entry-level AI’. 28 February 2019. "
                        "https://fcw.com/articles/2019/02/28/rpa-entry-level-ai-agencies.aspx")
    assert [(n.family, n.given) for n in r.authors] == [("Rockwell", "Mark")]
    assert r.title.startswith("RPA: ")
    r = parse_reference("Le Clair, Craig et al. RPA, DPA, BPM, And DCM Platforms: The Differences You Need to Know. "
                        "1 March 2019. https://www.forrester.com/report/RPA")
    assert [n.family for n in r.authors] == ["Le Clair"]
    assert r.title == "RPA, DPA, BPM, And DCM Platforms: The Differences You Need to Know"
    # French lists close each name with a full stop: the next "FAMILY," is one more author
    tokens = ["JOUET,", "Emmanuelle.", "GREACEN,", "Tim.", "Pour", "donner"]
    labels = ["author"] * 4 + ["title"] * 2
    assert author_stop.repair(tokens, labels) == labels
    # an initial's full stop closes nothing; capitals after a body's initials are more of its name
    for tokens in (["Lee,", "A.", "Smith", "Title"], ["OFF.", "OF", "THE", "Title"]):
        labels = ["author"] * 3 + ["title"]
        assert author_stop.repair(tokens, labels) == labels
