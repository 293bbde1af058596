"""The note-part model on made-up notes: commentary is not a cited work, the citation in it is."""

from bibkaz.extract.note_parts import citing_parts
from bibkaz.extract.note_parts.features import featurize
from bibkaz.extract.note_parts.segments import segments
from bibkaz.extract.note_parts.training import _spans, label_note


def test_legislative_commentary_is_not_a_cited_part():
    note = ("The Senate adjourned without acting on the nomination, which was returned to the President. "
            "See Congressional Record, daily edition, vol. 150 (May 4, 2004), p. S4821.")
    parts = citing_parts(note)
    assert parts == ["Congressional Record, daily edition, vol. 150 (May 4, 2004), p. S4821."]


def test_an_example_told_in_the_past_cites_nothing():
    note = "For instance, the House Clerk presided over the election of a new Speaker in 1931."
    assert citing_parts(note) == []


def test_a_sentence_leading_into_a_work_by_see_starts_a_work():
    note = ("See Congressional Record, daily edition, vol. 160 (June 3, 2014), p. H4902. For the vote that "
            "followed, see Congressional Record, daily edition, vol. 160 (June 4, 2014), p. H4987.")
    parts = citing_parts(note)
    assert len(parts) == 2
    assert parts[1] == "Congressional Record, daily edition, vol. 160 (June 4, 2014), p. H4987."


def test_features_name_document_types_and_openings():
    feats = featurize(segments("For example, the committee held hearings in 1998. For more on the rule, see "
                               "H.Rept. 105-12, p. 4."))
    assert "opens=example" in feats[0]
    assert "opens=intro-see" in feats[1]
    assert "doctype=0" not in feats[1]


def test_gold_spans_of_works_that_open_alike_follow_the_reading_order():
    text = ("See Congressional Record, daily edition, vol. 171 (January 3, 2025), p. H24. Later, see "
            "Congressional Record, daily edition, vol. 171 (January 9, 2025), p. H98.")
    works = ["Congressional Record, daily edition, vol. 171 (January 3, 2025), p. H24",
             "Congressional Record, daily edition, vol. 171 (January 9, 2025), p. H98"]
    spans = _spans(text, works)
    assert [text[a:b] for a, b in spans] == works
    assert label_note(text, spans) == ["B", "B"]


def test_commentary_pointing_at_a_work_is_cut_before_it():
    note = ("A fuller account of the debate can be found in Mary Lee and Ann Ruiz, The Rules of the House "
            "(Capitol Press, 2011), pp. 12-19.")
    assert citing_parts(note) == ["Mary Lee and Ann Ruiz, The Rules of the House (Capitol Press, 2011), pp. 12-19."]


def test_commentary_after_the_cited_rule_is_left_out():
    note = "See House Rule XIII, clause 3(c), regarding the reports a committee files on a measure it orders reported."
    assert citing_parts(note) == ["House Rule XIII, clause 3(c)"]


def test_wikipedia_back_links_are_not_part_of_the_work():
    from bibkaz.extract.note_parts.model import note_segments

    note = "^ a bHull, David L.; Langman, Rodney E. (2001). Science and Selection. Cambridge University Press."
    segs = note_segments(note)
    assert segs[0].text == "Hull, David L."
    assert note[segs[0].start:segs[0].end] == "Hull, David L."
    assert all(not p.startswith("^") for p in citing_parts(note))


def test_a_page_number_of_one_digit_ends_a_sentence_but_a_list_number_opening_the_note_does_not():
    from bibkaz.extract.note_parts.segments import segments

    cut = [s.text for s in segments("ITA, Budget Estimates Fiscal Year 2026, p. ITA-5. ITA, Budget Estimates 2025, p. 7.")]
    assert cut == ["ITA, Budget Estimates Fiscal Year 2026, p. ITA-5.", "ITA, Budget Estimates 2025, p. 7."]
    assert [s.text for s in segments("^ 1. Emma T and Lisa-Ann H (2010); Public-Private Partnerships")] == [
        "^ 1. Emma T and Lisa-Ann H (2010)", "Public-Private Partnerships"]
    assert len(segments("J. Smith, A Book (2001).")) == 1


def test_a_sentence_that_opens_with_a_codes_citation_is_a_segment_of_its_own():
    from bibkaz.extract.note_parts.segments import segments

    text = ("The term refers to systems so vital that their incapacity would have an impact. "
            "42 U.S.C. § 5195c(e). Federal policy identifies 16 critical infrastructures. 2 of them are new.")
    assert [s.text for s in segments(text)] == [
        "The term refers to systems so vital that their incapacity would have an impact.", "42 U.S.C. § 5195c(e).",
        "Federal policy identifies 16 critical infrastructures. 2 of them are new."]


def test_an_authors_affiliation_set_as_a_note_is_no_reference():
    from bibkaz.extract.notes import classify_note

    assert classify_note("Department of Environmental Science, Policy, and Management; University of California, "
                         "Berkeley, CA, USA cboettig@gmail.com").kind == "comment"
    assert classify_note("University of Chicago Press, Title of the Book, 2019.").kind != "comment"
