"""The document's own record on shapes the ninth batch of tests/records/ (``r9_``: Distill, NIST, a JOSS
draft, a White House blog page, pyOpenSci, a Copyright Office filing) and the dev corpus brought: each test
pins one rule on a real file against its hand-labelled record.

The batch was scored whole, before these rules, by
``python bench/record_accuracy.py --part records --prefix r9_``.
"""

from __future__ import annotations


from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.byline import draft_authors
from bibkaz.read import read_document

from own_record_gold import DEV, RECORDS  # noqa: F401
from own_record_gold import families as _families, gold as _gold, gold_families as _gold_families, own_found as _own


def test_dated_byline_whose_hour_carries_a_time_zone():
    # "January 17, 2017 at 6:08 PM ET by Kori Schulman" under the page's heading
    name = "r9_web_obama_whitehouse_digital_transition.html"
    own = _own(RECORDS / name)
    assert (_families(own.record), own.record.date) == (_gold_families(_gold(name)), _gold(name)["date"])
    assert dict(own.lines)["authors"] == dict(own.lines)["date"] == 7


def test_series_and_number_over_a_cover_title_is_not_the_title():
    # "# NIST Internal Report 8112" over "# Attribute Metadata:" / "## *A Proposed Schema …*" (italics)
    name = "r9_nistir_8112_cover.md"
    r = _own(RECORDS / name).record
    gold = _gold(name)
    assert (r.title, _families(r)) == (gold["title"], _gold_families(gold))


def test_agency_named_over_its_head_on_a_federal_cover_publishes():
    # "National Institute of Standards and Technology" / "*Kent Rochford, Acting Under Secretary … Director*"
    name = "r9_nistir_8112_cover.md"
    own = _own(RECORDS / name)
    assert own.record.publisher == _gold(name)["publisher"]
    assert own.record.url == ""  # "https://doi.org/10.6028/NIST.SP.XXX" is a draft's placeholder


def test_journal_draft_with_a_full_stop_and_its_author_line_in_pieces():
    # a JOSS draft (plain pdftotext): the title ends with ".", the author line comes out as
    # ", Clément Chadebec1 , and Stéphanie Allassonnière1" / "3" / "Agathe Senellart"; the own citation in the
    # first page's footer (line 112, before the first form feed) wraps inside "Journal of Open Source" / "Software"
    name = "r9_joss_draft_multivae.txt"
    r = _own(RECORDS / name).record
    gold = _gold(name)
    assert r.title == gold["title"]  # the full stop that closes the title block is not kept
    assert _families(r) == _gold_families(gold)
    assert (r.date, r.container_title) == (gold["date"], gold["publisher"])


def test_draft_author_pieces_with_a_family_name_cut_off_the_line():
    # "Daniel P Smith" / "Petrosino 1,2" / "1,2¶" / ", Sara J Javornik Cregeen" / "1,2" / ", and Joseph F"
    lines = read_document(DEV / "web2_joss_ecodive.txt").lines
    found = draft_authors(lines, 12)
    assert found is not None
    # the words after a middle initial are a double family name, as the hand-labelled record writes it
    assert [n.family for n in found.value] == ["Smith", "Javornik Cregeen", "Petrosino"]


def test_writers_line_under_front_matter_whose_author_is_the_sites_account():
    # "author: pyopensci" in the front matter, "authors: Leah Wasser, Jed Brown, …" as the body's first line
    name = "r9_pyos_generative_ai_peer_review.md"
    r = _own(RECORDS / name).record
    assert _families(r) == _gold_families(_gold(name))


def test_a_user_name_alone_stays_the_writer():
    # with no writers' line in the text, the account is all the page states
    text = "---\ntitle: A post\nauthor: jparcell\n---\n\nText of the post.\n"
    own = find_own(text.splitlines())
    assert own is not None and _families(own.record) == ["jparcell"]


def test_organisation_a_comment_is_filed_for_is_its_author():
    # "Long Comment Regarding a Proposed Exemption" / "Under 17 U.S.C. 1201" / "" / "For Software Freedom Conservancy"
    name = "r9_sfc_1201_long_comment_smart_tvs.txt"
    r = _own(RECORDS / name).record
    gold = _gold(name)
    assert (r.title, _families(r), r.date) == (gold["title"], gold["authors"], "")


def test_report_for_a_reader_names_no_writer():
    lines = ["Annual Report", "for the Congress", "", "Some text follows here and goes on for a while."]
    own = find_own(lines)
    assert own is None or not own.record.authors


def test_where_a_petition_is_filed_is_not_its_title():
    # "Before the U.S. Copyright Office, Library of Congress" over "Petition for Proposed Exemption …"
    r = _own(DEV / "dev8_sfc_1201_smart_tv_petition.txt").record
    assert r.title == "Petition for Proposed Exemption Under 17 U.S.C. § 1201"


def test_cover_lettering_that_opens_the_title_is_a_piece_of_it():
    # "THE STATE" / "POLICY" / "OFPAPERS" / "FEDERAL IT" in a cover's artwork, "The State of Federal IT" /
    # "Report" below: the title is the whole, and no running header is taken for its writer
    r = _own(DEV / "dev9_cioc_sofit_introduction.txt").record
    assert (r.title, r.authors) == ("The State of Federal IT Report", ())


def test_draft_cover_date_with_a_placeholder_month_gives_its_year():
    # "Month TBD 2017" under the NIST officials on a draft's cover
    own = _own(RECORDS / "r9_nistir_8112_cover.md")
    assert own.record.date == _gold("r9_nistir_8112_cover.md")["date"] == "2017"
    assert find_own(["A Report On Something Here", "", "Published in the 2017 session, see Month 3."]).record.date == ""
