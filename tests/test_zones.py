"""Assembling notes and entries from line labels, and cutting notes into segments (no model involved)."""

from __future__ import annotations

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.lines import document_lines
from bibkaz.extract.note_parts.segments import segments
from bibkaz.extract.notes import repeat_of
from bibkaz.extract.zones import read_zones


def _zones(text: str, labels: list[str]):
    lines = document_lines(text.split("\n"))
    assert len(lines) == len(labels)
    return read_zones(lines, labels)


def test_a_note_continued_after_the_next_pages_text_is_joined_to_its_note():
    text = ("Body one.\n\n1 Lee, A., Title of the\n\n2\n\f12\nRunning head\nBody two goes on.\n\n"
            "Book (London: Verso, 2020), 3.\nSecond note text.\n")
    labels = [L.TEXT, L.NOTE_START, L.NOTE_START, L.FURNITURE, L.FURNITURE, L.TEXT, L.NOTE_CONT, L.NOTE_CONT]
    zones = _zones(text, labels)
    assert [(n.label, n.text) for n in zones.notes] == [
        ("1", "Lee, A., Title of the"), ("2", "Book (London: Verso, 2020), 3. Second note text.")]
    assert zones.footnotes and zones.body_lines == frozenset({1, 8})


def test_entries_split_where_the_labels_say_and_hyphenated_words_join():
    text = "References\n- Lee, A. (2020). A polit-\n  ical history. Verso.\n- Ruiz, M. (2019). Other.\n[3] Numbered entry.\n"
    zones = _zones(text, [L.HEADING, L.REF_START, L.REF_CONT, L.REF_START, L.REF_START])
    assert [(e.label, e.text) for e in zones.references] == [
        ("", "Lee, A. (2020). A political history. Verso."), ("", "Ruiz, M. (2019). Other."), ("3", "Numbered entry.")]
    assert not zones.notes


def test_a_note_continuation_with_nothing_to_continue_is_running_text():
    zones = _zones("Intro.\nhttps://example.org/a\n", [L.TEXT, L.NOTE_CONT])
    assert not zones.notes and zones.body_lines == frozenset({1, 2})


def test_a_glued_or_lone_note_number_is_the_notes_label():
    zones = _zones("4Maria Ruiz, Chokepoints (2015).\n5\nAnn Lee, Title (2016).\n", [L.NOTE_START, L.NOTE_START, L.NOTE_CONT])
    assert [(n.label, n.text) for n in zones.notes] == [("4", "Maria Ruiz, Chokepoints (2015)."), ("5", "Ann Lee, Title (2016).")]


def test_segments_cut_at_sentences_and_semicolons_but_not_inside_abbreviations_or_brackets():
    text = ("The House removed Rep. McCarthy. See Cong. Rec., vol. 169 (Oct. 3, 2023), p. H4969; "
            "CRS Report R1, Title (U.S. Congress; 2020).")
    assert [s.text for s in segments(text)] == [
        "The House removed Rep. McCarthy.", "See Cong. Rec., vol. 169 (Oct. 3, 2023), p. H4969",
        "CRS Report R1, Title (U.S. Congress; 2020)."]
    assert [s.after_semicolon for s in segments(text)] == [False, False, True]


def test_a_bracket_never_closed_does_not_hold_the_rest_of_the_note_in_one_segment():
    # a CRS note opens "(VA, …, 2007, http://….pdf." and never closes it; the two citations after it
    # ("See State of Tennessee, …", "see City of Norwich, …") are segments of their own
    note = ("Cemeteries have policies (VA, Guidelines for Memorials, December 2007, http://www.cem.va.gov/a.pdf. "
            "At the state level, Tennessee has one. See State of Tennessee, \u201cPolicy on Monuments,\u201d "
            "https://www.tn.gov/b.pdf. For example, see City of Norwich, \u201cPolicy,\u201d https://www.norwichct.org/c.")
    texts = [s.text for s in segments(note)]
    assert texts[-3:] == ["At the state level, Tennessee has one.",
                          "See State of Tennessee, \u201cPolicy on Monuments,\u201d https://www.tn.gov/b.pdf.",
                          "For example, see City of Norwich, \u201cPolicy,\u201d https://www.norwichct.org/c."]
    # a bracket that closes keeps its sentences together
    assert len(segments("A note (one. Two.) ends here.")) == 1


def test_a_second_work_named_after_and_starts_a_segment_but_a_works_last_author_does_not():
    note = ("R. Glenn Hubbard, \u201cThe Corporate Tax Myth,\u201d The Wall Street Journal, July 26, 2007, and "
            "Kevin A. Hassett, \u201cArt Laffer, Righter Than Ever,\u201d National Review, February 13, 2006.")
    assert [s.text[:17] for s in segments(note)] == ["R. Glenn Hubbard,", "Kevin A. Hassett,"]
    assert len(segments("Ann Lee, Bo Smith, and Cy Dunn, \u201cTitle,\u201d Journal 3 (2001).")) == 1


def test_a_report_listed_after_another_starts_a_segment_of_its_own():
    # Made-up note of the CRS shape: two products joined by ", and", no semicolon between them.
    text = ("For background, see CRS In Focus IF10001, Farm Credit Basics, and CRS Report R40002, "
            "The Farm Bill: A Primer, by Ann Lee.")
    assert [(s.text, s.after_semicolon) for s in segments(text)] == [
        ("For background, see CRS In Focus IF10001, Farm Credit Basics", False),
        ("CRS Report R40002, The Farm Bill: A Primer, by Ann Lee.", True)]


def test_a_short_repeat_citation_names_the_earlier_full_one():
    earlier = ["U.S. Congress, House Rules (hereinafter House Manual), H.Doc. 118-1.",
               "GAO, Federal Spending Transparency, GAO-24-106214 (Washington, D.C.: 2024)."]
    assert repeat_of("House Manual, §27.", earlier) == 0
    assert repeat_of("GAO-24-106214.", earlier) == 1
    assert repeat_of("Ann Lee, “A New Study of House Rules,” Journal 5 (2021): 1–20.", earlier) is None


def test_a_list_is_all_notes_or_all_entries_as_its_heading_says():
    text = "Notes\n1. Lee, A. (2020). Title.\n2. Ruiz, M. (2019). Other.\n3. Kay, B. (2018). Third.\n"
    zones = _zones(text, [L.HEADING, L.REF_START, L.NOTE_START, L.REF_START])
    assert [n.label for n in zones.notes] == ["1", "2", "3"] and not zones.references
    text = "References\n[1] A. Lee, Title, 2020.\n[2] M. Ruiz, Other, 2019.\n"
    zones = _zones(text, [L.HEADING, L.NOTE_START, L.REF_START])
    assert [e.label for e in zones.references] == ["1", "2"] and not zones.notes


def test_without_a_heading_a_list_is_what_most_of_its_entries_were_labelled():
    text = "Body.\n1 Lee, Title, 2020.\n2 Ruiz, Other, 2019.\n3 Kay, Third, 2018.\n"
    zones = _zones(text, [L.TEXT, L.NOTE_START, L.REF_START, L.NOTE_START])
    assert [n.label for n in zones.notes] == ["1", "2", "3"] and not zones.references


def test_a_heading_the_reference_list_ran_into_is_no_entry():
    zones = _zones("Lee, A. (2020). Title of a work. Journal, 3, 1-2.\nAcknowledgements\nBrown, B. 2019. Another title.\n",
                   [L.REF_START, L.REF_START, L.REF_START])
    assert [e.text[:6] for e in zones.references] == ["Lee, A", "Brown,"]


def test_caret_items_copied_without_their_numbers_are_numbered_under_each_heading():
    text = ("Notes[edit]\n^ A note.\nReferences[edit]\n^ Lee, A. (2020). One. Verso.\n"
            "^ a b Ruiz, M. (2019). Two.\nISBN 978-0-00-000000-0\n^ Kay, M. Three.\n")
    labels = [L.TEXT, L.NOTE_START, L.TEXT, L.REF_START, L.REF_START, L.REF_CONT, L.REF_START]
    zones = _zones(text, labels)
    assert [(e.label, e.text[:12]) for e in zones.references] == [
        ("1", "A note."), ("1", "Lee, A. (202"), ("2", "Ruiz, M. (20"), ("3", "Kay, M. Thre")]


def test_a_wiki_notes_list_is_read_as_entries_and_its_edit_link_heading_is_known():
    from bibkaz.extract.finder.features.section import heading_kind

    assert heading_kind("Notes and references[edit]") == "notes"
    assert heading_kind("Further reading[edit]") == "references"
    text = ("Notes and references[edit]\n^ Mitchell, Don. 2003, The Right to the City. Guilford.\n"
            "^ a b Valentine, Gill, 1996, Children should be seen.\n")
    zones = _zones(text, [L.HEADING, L.NOTE_START, L.NOTE_START])
    assert not zones.notes
    assert [(e.label, e.text[:14]) for e in zones.references] == [("1", "Mitchell, Don."), ("2", "Valentine, Gil")]


def test_list_numbers_set_apart_from_their_entries_go_to_the_entries_in_order():
    # pdftotext of a two-column article: "1." … "3." on lines of their own, then the entries
    text = ("References\n1.\n2.\n3.\nJensen LJ, Saric J: Literature mining.\nNat Rev Genet 2006, 7:119.\n"
            "Guttmacher AE: Realizing the promise. JAMA 2005.\nIoannidis JP: A road map. Nat Genet 2006.\n")
    labels = [L.HEADING, L.REF_CONT, L.REF_CONT, L.REF_START, L.REF_CONT, L.REF_CONT, L.REF_START, L.REF_START]
    zones = _zones(text, labels)
    assert [(e.label, e.text[:10]) for e in zones.references] == [
        ("1", "Jensen LJ,"), ("2", "Guttmacher"), ("3", "Ioannidis ")]
    assert zones.references[0].text.endswith("7:119.")


def test_detached_list_numbers_left_as_furniture_pair_with_their_entries_only_when_as_many():
    # the finder may label the lone numbers page furniture; a run goes to its entries when they are as
    # many (a page number "7" without a full stop is no list number), and a run with one entry too few
    # (the conversion ran two together) gives no number: every later one would point at the wrong work
    text = ("References\n1.\n2.\nJensen LJ: Literature mining. 2006.\nGuttmacher AE: Realizing. 2005.\n7\n"
            "3.\n4.\n5.\nIoannidis JP: A road map. 2006. Yu W: A navigator. 2008.\nLin BK: Tracking. 2006.\n")
    labels = [L.HEADING, L.FURNITURE, L.FURNITURE, L.REF_START, L.REF_START, L.FURNITURE,
              L.FURNITURE, L.FURNITURE, L.FURNITURE, L.REF_START, L.REF_START]
    zones = _zones(text, labels)
    assert [(e.label, e.text[:10]) for e in zones.references] == [
        ("1", "Jensen LJ:"), ("2", "Guttmacher"), ("", "Ioannidis "), ("", "Lin BK: Tr")]


def test_a_raised_call_on_a_line_of_its_own_is_running_text_but_a_page_number_is_not():
    from bibkaz.extract.calls import glued_calls
    from bibkaz.extract.text import paragraphs
    from bibkaz.extract.zones import raised_calls_in_text

    text = ("Companies now abstract server management away and increase the speed to deploy\n"
            "                3\nmicroservices. Serverless is like PaaS in that respect.\n"
            "They pay only for the resources their code.4 uses.\n\n                12\n\fNext page text.\n")
    lines = document_lines(text.split("\n"))
    labels = [L.TEXT, L.FURNITURE, L.TEXT, L.TEXT, L.FURNITURE, L.TEXT]
    assert raised_calls_in_text(lines, labels) == [L.TEXT, L.TEXT, L.TEXT, L.TEXT, L.FURNITURE, L.TEXT]
    body = paragraphs(text.split("\n"), set(read_zones(lines, labels).body_lines))
    assert [(c.label, c.line) for c in glued_calls(body, first=3)] == [(3, 2), (4, 4)]


def test_a_superscript_digit_alone_on_a_line_is_no_raised_call():
    # "¹" is a digit to str.isdigit but not to int(): superscript calls read it, not this
    from bibkaz.extract.calls import glued_calls
    from bibkaz.extract.text import paragraphs

    calls = glued_calls(paragraphs(["Text goes on", "¹", "and on.1 More.2"]))
    assert [(c.label, c.line) for c in calls] == [(1, 3), (2, 3)]


def test_a_place_in_a_work_named_by_its_hereinafter_name_is_a_repeat_of_it():
    # CRS report R48906 (public domain): "… 2024 (hereinafter EPA RIA)." then notes "Table 4-1 of EPA RIA."
    from bibkaz.extract.notes import repeat_of

    earlier = ["EPA, Regulatory Impact Analysis of the Waste Emissions Charge, 2024 (hereinafter EPA RIA).",
               "Jane Lee, Methane Markets (Washington: Press, 2021)."]
    assert repeat_of("Table 4-1 of EPA RIA.", earlier) == 0
    assert repeat_of("pp. 4-6 in EPA RIA.", earlier) == 0
    assert repeat_of("Section 4 of the Clean Air Act.", earlier) is None


def test_a_note_that_sends_to_another_note_cites_what_that_note_cites(tmp_path):
    # CRS and GAO PDFs: "⁵¹ See footnote 28." cites note 28's work, and is no work of its own.
    from bibkaz.extract.notes import classify_note
    from bibkaz.pipeline import extract_document

    assert classify_note("See footnote 28 and accompanying text.").kind == "see-note"
    assert classify_note("See supra note 5.").locator == "5"
    assert classify_note("See notes on page 4.").kind == "comment"
    brief = tmp_path / "brief.txt"
    brief.write_text("A brief\n\nA claim.1 Another claim.2 A third.3\n\nNotes\n\n"
                     "1 Ann Lee, Title of a Work (Oxford: Press, 2020), 4.\n"
                     "2 Bo Ruiz, Another Work (London: Verso, 2019).\n"
                     "3 See note 1.\n", encoding="utf-8")
    extraction, _ = extract_document(brief)
    assert not [r for r in extraction.references if "note 1" in r.text]
    third = [m for m in extraction.mentions if m.line == 3 and m.marker == "3"]
    assert third and third[0].reference is not None and "Ann Lee" in third[0].reference.text


def test_a_link_broken_after_a_hyphen_keeps_it_and_a_markdown_links_words_are_not_part_of_its_address():
    # CRS reports converted from PDF (public domain) break long addresses after a hyphen:
    # "…/trump-epa-announces-oooo-bc-" / "reconsideration-biden-harris-…"; RDR's Markdown writes
    # "[https://x.org/a.pdf](https://x.org/a.pdf)".
    from bibkaz.extract.zones import _join
    from bibkaz.parse.normalise.identifiers import clean_url

    assert _join(["EPA, https://www.epa.gov/newsreleases/trump-epa-announces-oooo-bc-", "reconsideration-biden."]) == \
        "EPA, https://www.epa.gov/newsreleases/trump-epa-announces-oooo-bc-reconsideration-biden."
    assert _join(["a polit-", "ical economy"]) == "a political economy"
    assert _join(["http://x.org/blog/publish-or-be-damned-", "alternative-", "impact-manifesto"]) == \
        "http://x.org/blog/publish-or-be-damned-alternative-impact-manifesto"
    assert clean_url("Report, [https://x.org/a.pdf](https://x.org/a.pdf).") == "https://x.org/a.pdf"


def test_a_markdown_link_in_a_reference_gives_its_words_to_the_title_and_its_target_to_the_end():
    # 18F/digital.gov posts (public domain): "[Getting the Most Out of …](http://…/most.pdf)".
    from bibkaz.parse.normalise.inline_links import links_to_end

    assert links_to_end("[Getting the Most Out of Testing](http://x.com/most.pdf), Perfecto, 2014.") == \
        "Getting the Most Out of Testing, Perfecto, 2014. <http://x.com/most.pdf>"
    assert links_to_end("Report, [https://x.org/a.pdf](https://x.org/a.pdf).") == "Report, https://x.org/a.pdf."


def test_a_wiki_pages_print_footer_a_list_ran_into_is_the_page_not_a_cited_work():
    # MediaWiki's 'Retrieved from "…index.php?title=…&oldid=…"' under the last list is the page's own
    # address: read as an entry it made the page cite itself and gave it the key "categories…"
    text = ('References\n1. Smith J (2010). A study. Retrieved from https://example.org/study\n'
            'Retrieved from "https://en.wikipedia.org/w/index.php?title=Emerging_infectious_disease&oldid=889899744"\n'
            "Categories: Microbial population biology")
    zones = _zones(text, [L.HEADING, L.REF_START, L.REF_START, L.REF_CONT])
    assert [e.text[:8] for e in zones.references] == ["Smith J "]


def test_a_note_marked_continued_goes_on_at_the_next_pages_foot():
    # CRS: note 8 ends its page with "(continued...)"; its rest opens the next page's notes unnumbered
    text = ("Body text.8\n8 For instance, see Rohit Acharya, \u201cReducing Poverty: Indicators\n(continued...)\n"
            "More body text on the next page.9\nof Inclusive Prosperity,\u201d Brookings, 2022.\n9 Another note.")
    labels = [L.TEXT, L.NOTE_START, L.NOTE_CONT, L.TEXT, L.NOTE_START, L.NOTE_START]
    zones = _zones(text, labels)
    assert [(e.label, e.text) for e in zones.notes] == [
        ("8", "For instance, see Rohit Acharya, \u201cReducing Poverty: Indicators of Inclusive Prosperity,\u201d "
              "Brookings, 2022."),
        ("9", "Another note.")]


def test_a_long_hereinafter_name_after_a_lead_in_is_a_repeat_but_not_a_note_that_goes_on():
    full = ("IRS, Notice of Intent to Issue Regulations with Respect to Section 530A Trump Accounts, Notice 2025-68, "
            "December 2, 2025 (hereinafter IRS, Notice of Intent to Issue Regulations with Respect to Section 530A "
            "Trump Accounts).")
    name = "IRS, Notice of Intent to Issue Regulations with Respect to Section 530A Trump Accounts"
    assert repeat_of(name + ".", [full, "Other work, 2001."]) == 0
    assert repeat_of("For example, see " + name + ", p. 4.", [full]) == 0
    assert repeat_of(name + ". The definition of a person is in 26 U.S.C. §7701(a)(4).", [full]) is None


def test_see_for_instance_leads_into_the_work_and_is_no_part_of_it():
    from bibkaz.extract.notes import classify_note

    note = "See, for instance, Craig Benson and Ann Lee, \u201cPersistent Poverty in Counties,\u201d U.S. Census Bureau, 2023."
    assert classify_note(note).parts == (note.removeprefix("See, for instance, "),)


def test_a_group_of_glued_calls_gives_each_of_its_calls_but_a_count_does_not():
    from bibkaz.extract.calls import glued_calls
    from bibkaz.extract.text import paragraphs

    # an F1000 paper as pdftotext gives it: Vancouver superscripts glued to words, in groups and ranges
    text = ["a blog1: where to start2,3. skills4. recently5,6 and programming7–10. A total of 1,800 people11."]
    assert [c.label for c in glued_calls(paragraphs(text))] == list(range(1, 12))


def test_caret_short_notes_under_a_references_heading_are_entries_that_point_into_the_bibliography():
    # a Wikipedia page copied from a browser: the finder read the short Harvard notes as running text;
    # they are the list's items 1-3, and a note of only "Name Year, p. N" cites the Bibliography's work
    from bibkaz.extract import find
    from bibkaz.read import read_document
    from pathlib import Path

    _, refs, mentions, author_date, _ = find(read_document(Path(__file__).parent / "corpus" / "dev" / "dev10_wiki_deep_drawing.txt"))
    texts = [r.text for r in refs]
    assert "DIN 8584-3" in texts and not any(t.startswith("Totten, Funatani") for t in texts)
    assert any(a.names[0].startswith("Totten") and a.year == "2004" for a in author_date)
    assert any(t.startswith("Sala, Giuseppe (June 2001)") for t in texts)


def test_a_caret_short_note_with_no_entry_to_point_into_stays_a_work():
    from bibkaz.extract import find
    from bibkaz.read import read_document
    from pathlib import Path

    # "^ Verry and Timmons 1982" on a page whose list has no Verry entry is the only trace of that work
    _, refs, _, _, _ = find(read_document(Path(__file__).parent / "corpus" / "dev" / "dev7_wiki_groundwater_recharge.txt"))
    assert "Verry and Timmons 1982" in [r.text for r in refs]


def test_a_continued_note_whose_first_rest_line_looks_like_running_text_takes_it_back():
    # a CRS report as pdftotext gives it: the note's rest on the next page opens with a line the
    # finder read as running text ("The Unemployment Trust Fund …"), then the note goes on
    text = ("Body one.1\n\n1 Details are in CRS Report RS22954,\n(continued...)\n\fBody two goes on here.\n\n"
            "The Unemployment Trust Fund: Federal Loans to States.\nSee also CRS In Focus IF12144.\n"
            "2 Second note.\n")
    labels = [L.TEXT, L.NOTE_START, L.NOTE_CONT, L.TEXT, L.TEXT, L.NOTE_CONT, L.NOTE_START]
    zones = _zones(text, labels)
    assert [(n.label, n.text) for n in zones.notes] == [
        ("1", "Details are in CRS Report RS22954, The Unemployment Trust Fund: Federal Loans to States. "
              "See also CRS In Focus IF12144."),
        ("2", "Second note.")]
    assert 7 not in zones.body_lines and 5 in zones.body_lines


def test_a_word_broken_over_lines_or_a_sentence_going_on_stays_running_text():
    text = ("The temporary COVID-\n19-pandemic benefits expired.\n\n1 First note.\n"
            "and state Employment Services and the federal\nshare of EB payments, and state Employment Services (ES).1\n")
    labels = [L.TEXT, L.NOTE_START, L.NOTE_START, L.TEXT, L.FURNITURE]
    zones = _zones(text, labels)
    assert [(n.label, n.text) for n in zones.notes] == [("1", "First note.")]
    assert {1, 2, 5, 6} <= zones.body_lines


def test_an_amount_is_no_glued_call():
    from bibkaz.extract.calls import glued_calls
    from bibkaz.extract.text import paragraphs

    text = ["wages exceeded $1,000,000. See §3 and item #2 later. The rule applies.1 Then more.2"]
    calls = glued_calls(paragraphs(text))
    assert [(c.label, c.marker) for c in calls] == [(1, "1"), (2, "2")]
    assert "applies.1" in calls[0].sentence and "$1,000,000" not in calls[0].sentence


def test_the_next_notes_number_after_a_blank_opens_a_note_whatever_the_finder_said():
    text = "54 GAO, Short Title.\n\n55 P.L. 117-58, Division B, Title I.\n\n56 GAO, Another Short Title Here.\n"
    zones = _zones(text, [L.NOTE_START, L.NOTE_CONT, L.FURNITURE])
    assert [(n.label, n.text) for n in zones.notes] == [
        ("54", "GAO, Short Title."), ("55", "P.L. 117-58, Division B, Title I."), ("56", "GAO, Another Short Title Here.")]


def test_a_comment_or_a_place_that_uses_a_hereinafter_name_cites_that_work():
    from bibkaz.extract import _note_targets
    from bibkaz.extract.zones import Entry

    notes = [
        Entry("1", "EPA, Inventory of U.S. Greenhouse Gas Emissions and Sinks: 1990–2022, 2024 (hereinafter EPA Inventory).", 10, 10),
        Entry("2", "In addition, EPA states that the dataset continues to be an important resource for the "
                   "inventory, providing activity data (EPA Inventory, p. 3-6).", 11, 11),
        Entry("3", "Table 5-8 of EPA Inventory and preamble discussion in the final rule.", 12, 12),
        Entry("4", "Precedents of the House, ch. 1. For more, see CRS Report RL30725, The First Day of a New Congress.", 13, 13),
    ]
    out = _note_targets("d", "footnote", notes)
    first = out.targets[1][0][1]
    assert [r for _, r, _ in out.targets[2]] == [first] and [r for _, r, _ in out.targets[3]] == [first]
    assert first.text.startswith("EPA, Inventory") and len(out.refs) == 3  # note 4's two works are its own


def test_a_run_of_detached_numbers_splits_an_entry_the_finder_ran_together_when_a_line_plainly_opens_one():
    # a two-column BMC paper as pdftotext gives it: numbers 1.-3. apart from their entries, and
    # the finder ran entries 2 and 3 together; "Eckstein R, Loy M:" plainly opens an entry
    text = ("References\n1.\n2.\n3.\n\nJensen LJ, Bork P: Literature mining. Nat Rev\nGenet 2006, 7:119-129.\n"
            "Lin HT, Lin CJ: A study on sigmoid kernels. 2003\nDepartment of Computer Science, Taiwan University\n"
            "Eckstein R, Loy M, Wood M: Java Swing. O'Reilly & Associates, Inc.,\nSebastopol, CA,; 1998.\n")
    labels = [L.HEADING, L.FURNITURE, L.FURNITURE, L.FURNITURE, L.REF_START, L.REF_CONT, L.REF_START,
              L.REF_CONT, L.REF_CONT, L.REF_CONT]
    zones = _zones(text, labels)
    assert [(e.label, e.text[:12], e.line, e.end_line) for e in zones.references] == [
        ("1", "Jensen LJ, B", 6, 7), ("2", "Lin HT, Lin ", 8, 9), ("3", "Eckstein R, ", 10, 11)]


def test_a_narrative_citation_after_of_is_read_but_not_a_capitalised_phrase_after_the():
    from bibkaz.extract.author_date import find_author_date
    from bibkaz.extract.text import paragraphs

    # a Biodiversity Data Journal paper: "the checklists of Smith (1882), Betham (1894) and …"
    text = ["The species are common to the checklists of Smith (1882), Betham (1894) and Padhye et al. (2013). "
            "It follows the Foreign Policy Document (2020) here."]
    assert [(a.names[0], a.year) for a in find_author_date(paragraphs(text))] == [
        ("Smith", "1882"), ("Betham", "1894"), ("Padhye", "2013")]


def test_link_words_under_a_journals_entries_are_no_entries():
    text = "References\n3.\n4.\n\nPrabhu P: A survey. 2011.\nPublisher Full Text\nWilson G: Best practices. 2014.\nPubMed Abstract | Publisher Full Text | Free Full Text\n"
    labels = [L.HEADING, L.FURNITURE, L.FURNITURE, L.REF_START, L.REF_CONT, L.REF_START, L.REF_START]
    zones = _zones(text, labels)
    assert [(e.label, e.text) for e in zones.references] == [("3", "Prabhu P: A survey. 2011."), ("4", "Wilson G: Best practices. 2014.")]


def test_digits_inside_an_address_are_no_glued_call_but_a_call_after_a_markdown_link_is():
    from bibkaz.extract.calls import glued_calls
    from bibkaz.extract.text import paragraphs

    text = ["Published 2014 (doi: 10.12688/f1000research.3-62.v1). Cook posted this to his blog1: more.",
            "[Make](https://www.gnu.org/software/make/)[^2]-like pipelines help."]
    assert [(c.label, c.line) for c in glued_calls(paragraphs(text))] == [(1, 1), (2, 2)]


def test_a_numbered_line_that_goes_on_a_reference_list_opens_an_entry_whatever_the_finder_said():
    # an F1000 paper's two-column list: the finder read entries 15 and 16 as running text
    text = ("References\n14. Cayuela L, Granzow I: taxonstand: An R package. Methods Ecol Evol. 2012.\n"
            "15. Cayuela L: Taxonstand: Taxonomic standardization of plant species names.\nR package version 1.0 2012.\n"
            "16. Wickham H: httr: Tools for working with URLs and HTTP.\n\nThe tool is used widely, and 2 of us agree.\n")
    labels = [L.HEADING, L.REF_START, L.TEXT, L.TEXT, L.NOTE_START, L.TEXT]
    zones = _zones(text, labels)
    assert [(e.label, e.line, e.end_line) for e in zones.references] == [("14", 2, 2), ("15", 3, 4), ("16", 5, 5)]
    assert 7 in zones.body_lines


def test_markdown_calls_are_read_before_digits_in_code_and_a_footnote_ends_at_an_unindented_paragraph():
    from bibkaz.extract import find
    from bibkaz.model import Document

    text = ("# Model\n\n```{r}\nlevel_step1 <- paste0(prev, \"_step1\")\nlevel_step2 <- paste0(prev, \"_step2\")\n```\n\n"
            "CBO applies the spending patterns.[^1] It scales them.[^2]\n\n"
            "[^1]: Dale H. Yamamoto. [*Health Care Costs*](https://www.soa.org/research/2013/costs/) (2013).\n\n"
            "[^2]: Ann Lee, \"Premiums,\" *Health Affairs* 12 (2020): 3-4.\n\n"
            "Other inputs to the model include population and income.\n")
    _, refs, mentions, _, _ = find(Document("d", "d.md", text))
    calls = [(m.marker, m.line) for m in mentions if m.kind == "note"]
    assert calls == [("1", 8), ("2", 8)]
    assert [r.label for r in refs] == ["1", "2"] and not any("Other inputs" in r.text for r in refs)


def test_a_table_cell_of_bracketed_calls_is_running_text_not_furniture():
    text = "Semi-targeted topic\n\nSkeletal muscle relaxants\n\n[6]\n\nPubMed (PMIDs)\n"
    zones = _zones(text, [L.TEXT, L.TEXT, L.FURNITURE, L.FURNITURE])
    assert 5 in zones.body_lines and 7 not in zones.body_lines


def test_a_call_goes_to_the_note_of_its_number_at_or_after_it_when_an_appendix_numbers_notes_again():
    from bibkaz.extract import _note_targets
    from bibkaz.extract.zones import Entry

    notes = [Entry("1", "GAO, Results-Oriented Government, GAO-04-38 (Washington, D.C.: 2004).", 20, 20),
             Entry("2", "GAO, Managing for Results, GAO-01-592 (Washington, D.C.: 2001).", 30, 30),
             Entry("1", "OMB, Circular A-11 (Washington, D.C.: 2005).", 900, 900),
             Entry("2", "Ibid.", 910, 910)]
    out = _note_targets("d", "footnote", notes)
    assert out.hits_for(2, 10)[0][1].text.startswith("GAO, Managing")
    assert out.hits_for(2, 850)[0][1].text.startswith("OMB, Circular")
    assert out.hits_for(1, 880)[0][1].text.startswith("OMB, Circular")


def test_a_timelines_items_are_no_reference_entries():
    text = ("## Timeline of events\n- Wed, Sep 18, 2019 at 13:54 UTC - Bug reported to the security team\n"
            "- Thu, Sep 19, 2019 - Confirmed with the reporter\n- Lee, A. (2019). Advisory practice. Journal, 3, 1-4.\n")
    zones = _zones(text, [L.HEADING, L.REF_START, L.REF_START, L.REF_START])
    assert [e.text for e in zones.references] == ["Lee, A. (2019). Advisory practice. Journal, 3, 1-4."]


def test_a_narrative_citation_with_the_whole_name_links_to_the_note_that_cites_the_work_when_no_list_is_there():
    from bibkaz.extract.author_date import AuthorDate
    from bibkaz.extract.linker import link_author_date
    from bibkaz.model import Name, RawReference, Record

    note = RawReference("d", "footnote", "Dale H. Yamamoto. Health Care Costs (2013).", 30, 30, "4")
    record = Record(type="report", authors=(Name(family="Yamamoto", given="Dale H."),), title="Health Care Costs", date="2013")
    cite = AuthorDate(("Dale H. Yamamoto",), "2013", "", "", "Dale H. Yamamoto (2013)", 12, "CBO applies the patterns of Dale H. Yamamoto (2013).")
    [mention] = link_author_date("d", [cite], {note: record})
    assert mention.reference is note


def test_a_lone_note_number_the_finder_took_for_a_page_number_opens_the_next_note():
    # a GAO report as pdftotext -layout gives it: note 3 is a number alone, then a report number,
    # both read as furniture; the page's footer (repeated on every page) stays furniture
    page = "Running text that cites a report.{n} More text.\n\n{n}\n{body}\n\n\nPage {p}    GAO-05-927 Managing\n\f"
    text = ("Running text.1 More.2\n\n1\nGAO, Results-Oriented Government: A Long Title, GAO-04-38 (Washington, D.C.: 2004).\n"
            "2\nGAO, Managing for Results: Another Title, GAO-01-592 (Washington, D.C.: 2001).\n\n\nPage 1    GAO-05-927 Managing\n\f"
            + page.format(n=3, body="GAO-04-38.", p=2) + page.format(n=4, body="See text above.", p=3))
    lines = document_lines(text.split("\n"))
    labels = [{"1": L.NOTE_START, "2": L.NOTE_START}.get(ln.stripped, L.NOTE_CONT if ln.stripped.startswith("GAO,") else
                                                          L.FURNITURE if ln.marker == "alone" or ln.stripped.startswith(("Page", "GAO-04", "See"))
                                                          else L.TEXT) for ln in lines]
    zones = read_zones(lines, labels)
    assert [(n.label, n.text[:12]) for n in zones.notes] == [
        ("1", "GAO, Results"), ("2", "GAO, Managin"), ("3", "GAO-04-38."), ("4", "See text abo")]


def test_a_note_of_report_numbers_alone_cites_each_earlier_report():
    from bibkaz.extract import _note_targets
    from bibkaz.extract.zones import Entry

    notes = [
        Entry("1", "GAO, Results-Oriented Government: GPRA Has Established a Solid Foundation, GAO-04-38 (Washington, D.C.: 2004).", 10, 10),
        Entry("2", "GAO, Executive Guide: Effectively Implementing the Act, GAO/GGD-96-118 (Washington, D.C.: June 1996).", 11, 11),
        Entry("3", "GAO-04-38 and GAO/GGD-96-118.", 12, 12),
        Entry("4", "GAO-04-38. GAO/GGD-96-118.", 13, 13),
        Entry("5", "GAO-04-38 and GAO-99-1.", 14, 14),  # one number cited here first: the note is a work of its own
    ]
    out = _note_targets("d", "footnote", notes)
    first, second = out.targets[1][0][1], out.targets[2][0][1]
    assert [(kind, r) for kind, r, _ in out.targets[3]] == [("short-note", first), ("short-note", second)]
    assert [r for _, r, _ in out.targets[4]] == [first, second]
    assert [kind for kind, _, _ in out.targets[5]] == ["note"] and len(out.refs) == 3


def test_the_next_notes_number_right_under_a_note_opens_it_when_the_text_calls_it():
    # a long CRS report as plain pdftotext gives it: "112 38 U.S.C. §1521(a)." right under note 111
    text = ("A limit111 and a period.112 More text.\n\n111 The net worth limit is codified at 38 U.S.C. §1522. For rates, see\n"
            "Current pension rates for Veterans, December 2, 2024.\n112 38 U.S.C. §1521(a).\n")
    zones = _zones(text, [L.TEXT, L.NOTE_START, L.NOTE_CONT, L.NOTE_CONT])
    assert [(n.label, n.text[:12]) for n in zones.notes] == [("111", "The net wort"), ("112", "38 U.S.C. §1")]
    # a wrapped line that opens with a number nobody calls goes on with its note
    zones = _zones(text.replace("period.112", "period."), [L.TEXT, L.NOTE_START, L.NOTE_CONT, L.NOTE_CONT])
    assert [n.label for n in zones.notes] == ["111"]


def test_three_digit_calls_after_a_word_are_calls_but_thousands_are_not():
    from bibkaz.extract.finder.lines import _CALL

    assert [m.group() for m in _CALL.finditer("benefits.112 Pension limit111 and $14,486 to Section 3.112 x")] == ["112", "111"]


def test_notes_right_above_a_found_note_numbered_one_less_each_and_called_are_notes_too():
    # a CRS report as plain pdftotext gives its first notes: statutes alone, read as running text
    text = ("Text.1 More.2 And.3 Then.4\nThe text's last line.\n\n1 12 Stat. 387.\n\n2 7 U.S.C. §2201.\n\n"
            "3 7 U.S.C. §§2202, 2210. Prior to 1889, USDA was led by a Commissioner\nof Agriculture, 25 Stat. 659.\n"
            "4 This expanded role included price support programs, see P.L. 74-46.\n")
    labels = [L.TEXT, L.TEXT, L.TEXT, L.TEXT, L.TEXT, L.TEXT, L.NOTE_START]
    zones = _zones(text, labels)
    assert [(n.label, n.text[:10]) for n in zones.notes] == [
        ("1", "12 Stat. 3"), ("2", "7 U.S.C. §"), ("3", "7 U.S.C. §"), ("4", "This expan")]
    assert zones.notes[2].text.endswith("25 Stat. 659.")
    # numbers nobody calls stay running text
    zones = _zones(text.replace("Text.1 More.2 And.3", "Text. More. And."), labels)
    assert [n.label for n in zones.notes] == ["4"]


def test_a_page_of_notes_read_as_running_text_goes_on_the_notes_numbering():
    # a long CRS report as plain pdftotext gives it: the finder read a whole page of notes as text
    calls = " ".join(f"claim.{n}" for n in range(1, 9))
    notes = "".join(f"{n} GAO, Report Number {n}, 2020.\n" for n in range(1, 6))
    text = (f"{calls}\n\n{notes}\f\nRunning text of the next page.\n\n6 38 C.F.R. §3.2601(h).\n\n7\n38 U.S.C. §5104B(c)(1).\n"
            "8 38 U.S.C. §5104(b).\n")
    lines = document_lines(text.split("\n"))
    labels = [L.NOTE_START if 1 <= i <= 5 else L.FURNITURE if line.marker == "alone" else L.TEXT for i, line in enumerate(lines)]
    zones = read_zones(lines, labels)
    assert [(n.label, n.text[:10]) for n in zones.notes][5:] == [
        ("6", "38 C.F.R. "), ("7", "38 U.S.C. "), ("8", "38 U.S.C. ")]
    # where the finder found almost no notes, only the lines right under one go on from it
    few = [L.NOTE_START if i == 1 else label if label != L.NOTE_START else L.TEXT for i, label in enumerate(labels)]
    assert [n.label for n in read_zones(lines, few).notes] == ["1", "2", "3", "4", "5"]


def test_a_lost_note_does_not_stop_the_notes_after_it_but_a_numbered_table_row_is_no_note():
    calls = " ".join(f"claim.{n}" for n in range(1, 10) if n != 6)  # note 6's call was lost
    notes = "".join(f"{n} GAO, Report Number {n}, 2020.\n" for n in range(1, 6))
    text = (f"{calls}\n\n{notes}\nA last line of text.\n6 38 C.F.R. §3.2500(a).\n\f\nRunning text of the next page.\n\n"
            "7 38 U.S.C. §5104C.\n8 38 C.F.R. §3.2501(a)(1).\n\f\nTable 3. Counties\n\n"
            "9   13279   Georgia   Toombs   12   25.0\n10   13283   Georgia   Treutlen   12   27.0\n")
    lines = document_lines(text.split("\n"))
    labels = [L.NOTE_START if 1 <= i <= 5 else L.TEXT for i, line in enumerate(lines)]
    zones = read_zones(lines, labels)
    assert [n.label for n in zones.notes] == ["1", "2", "3", "4", "5", "7", "8"]


def test_a_markdown_heading_a_list_ran_into_is_no_entry():
    # a wiki page made into a Word file: "### External links" closes the references list
    text = "References\n\nLee, A. 2019. A Title. Journal 3: 4-5.\n### External links\n"
    zones = _zones(text, [L.HEADING, L.REF_START, L.REF_START])
    assert [e.text for e in zones.references] == ["Lee, A. 2019. A Title. Journal 3: 4-5."]


def test_markup_a_list_ran_into_is_no_entry():
    # NIST FIPS 201's kramdown page keeps "\\clearpage" between its lists; a pandoc-rendered list its
    # '<div id="ref-…">' wrappers
    text = ("References\n\nLee, A. 2019. A Title. Journal 3: 4-5.\n\\clearpage\n<div id=\"ref-lee\">\n</div>\n"
            "External links[edit]\n")  # and a wiki's heading with its edit link, as w3m prints it
    zones = _zones(text, [L.HEADING, L.REF_START, L.REF_START, L.REF_START, L.REF_START, L.REF_START])
    assert [e.text for e in zones.references] == ["Lee, A. 2019. A Title. Journal 3: 4-5."]


def test_a_note_that_only_points_into_a_laws_structure_cites_nothing():
    from bibkaz.extract.notes import classify_note

    # CRS R48447 notes 6 and 7 (public domain): a place in the act the text names, not a work
    assert classify_note("Division N, Title II, Subtitle A.").kind == "comment"
    assert classify_note("Title IX, Subtitle A.").kind == "comment"
    assert classify_note("Section 4103 of FFCRA (P.L. 116-127, as amended)").kind == "references"


def test_running_text_between_notes_set_after_their_paragraphs_stays_running_text():
    # a Federal Register rule set as text: each note right after the paragraph that calls it; note 2 was
    # read as running text, and the paragraph under it, which calls note 3, is the body's, not note 2's
    text = ("The rule requires policies.1 Servicers must comply.\n\n1 12 CFR 1024.38(a), (b)(4).\n\n"
            "The provisions can be found at 12 CFR 1024.33.2\n\n2 12 CFR 1024.30 defines the scope of these provisions.\n\n"
            "Servicers must keep records of transfers.3 The following are examples.\n\n3 12 CFR 1024.38(b)(4).\n\n"
            "Examiners will review files.4\n\n4 Id.\n\nExaminers will review more files.5\n\n5 12 CFR 1024.39(a).\n\n"
            "And more.6\n\n6 12 CFR 1024.41.\n")
    labels = [L.TEXT, L.NOTE_START, L.TEXT, L.TEXT, L.TEXT, L.NOTE_START, L.TEXT, L.NOTE_START, L.TEXT,
              L.NOTE_START, L.TEXT, L.NOTE_START]
    zones = _zones(text, labels)
    assert [(n.label, n.line, n.end_line) for n in zones.notes][:3] == [("1", 3, 3), ("2", 7, 7), ("3", 11, 11)]
    assert 9 in zones.body_lines


def test_a_title_in_quotes_under_a_line_of_names_and_year_goes_on_that_entry():
    # Econometrica's list: the names and "(2021):" fill the first line, the quoted title opens the next
    text = ("Elsby, Michael, and Bart Hobijn (2010): “The Labor Market,” Brookings Papers.\n"
            "Fagereng, Andreas, Martin B. Holm, and Gisle J. Natvik (2021):\n"
            "“MPC Heterogeneity and Household Balance Sheets,” American Economic Journal:\n"
            "Macroeconomics, 13(4), 1–54.\n")
    zones = _zones(text, [L.REF_START, L.REF_START, L.REF_START, L.REF_CONT])
    assert [e.line for e in zones.references] == [1, 2]
    assert "MPC Heterogeneity" in zones.references[1].text


def test_an_address_alone_under_an_entry_is_its_link_not_an_entry_of_its_own():
    # NIST's tagged references in Markdown: each entry, then its address on the next line; a list of
    # addresses alone stays a list of entries
    text = ("[ISO 27001] ISO/IEC 27001:2013, Information security management systems.<br>\n"
            "[https://www.iso.org/standard/54534.html](https://www.iso.org/standard/54534.html)\n\n"
            "[PRIVACT] Privacy Act (P.L. 93-579), December 1974.\n"
            "[https://www.govinfo.gov/app/details/STATUTE-88](https://www.govinfo.gov/app/details/STATUTE-88)\n\n"
            "https://example.org/a\nhttps://example.org/b\n")
    zones = _zones(text, [L.REF_START] * 6)
    assert [e.line for e in zones.references] == [1, 4, 7, 8]
    assert "iso.org/standard" in zones.references[0].text
