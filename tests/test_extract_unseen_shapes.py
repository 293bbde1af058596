"""Shapes unseen documents showed (thirteenth session on), each checked on that real document.

The documents (tests/corpus/dev/dev22_* and later prefixes) were scored before any rule was made for them;
each test runs the whole extract stage on one and checks what a user gets.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.author_date import find_author_date
from bibkaz.extract.calls import bracket_calls
from bibkaz.extract.text import paragraphs
from bibkaz.pipeline import extract_document
from bibkaz.url_parts import account_page

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def _extracted(name: str):
    extracted, _ = extract_document(DEV / name)
    return extracted


def test_lists_of_social_media_accounts_cite_nothing():
    # a White House page listing "@POTUS on Twitter will be archived at [@POTUS44](…twitter.com/potus44)"
    # and thirty officials' handles: accounts, not works
    assert not _extracted("dev23_obamawh_digital_transition.html").references


def test_an_account_is_no_work_but_a_post_is():
    assert account_page("http://www.twitter.com/potus44")
    assert account_page("https://www.linkedin.com/in/someone")
    assert account_page("http://www.medium.com/@POTUS44")
    assert not account_page("https://twitter.com/potus44/status/123456")
    assert not account_page("https://medium.com/@x/why-it-matters-3f2a")
    assert not account_page("https://github.com/someone")
    # an embedded tweet's links carry where the click came from
    assert account_page("https://twitter.com/KASonline?ref_src=twsrc%5Etfw")
    # a person's or an organisation's record in a registry names them: "Maria Gould <orcid.org/…>"
    assert account_page("https://orcid.org/0000-0002-2916-3423") and account_page("https://ror.org/04wxnsj81")
    assert not account_page("https://twitter.com/KASonline/status/1055?ref_src=twsrc%5Etfw")
    assert not account_page("https://facebook.com/story.php?story_fbid=12&id=34")


def test_photo_credits_and_dated_teasers_are_not_references():
    # a saved WordPress page: "Photo credits" links to Commons files and CC deeds, and "Related" cards
    # whose date line "22 July 2019 By [Wikimedia Foundation](…)" is no note 22
    refs = _extracted("dev23_wmf_turkey_access_restored.html").references
    texts = " ".join(r.text for r in refs)
    assert "commons.wikimedia.org" not in texts and "creativecommons.org" not in texts
    assert not [r for r in refs if r.kind in ("footnote", "endnote")]
    assert any("anayasa.gov.tr" in r.text for r in refs)  # the ruling it cites is kept


def test_organisations_cited_by_their_short_form_link_to_their_entries():
    # "(NRCS 1997)" → "NRCS (Natural Resources Conservation Service). 1997. …", "(USGS 2023c)" likewise
    mentions = _extracted("dev22_erdc_apt_v2_guide.txt").mentions
    linked = {m.marker: m.reference for m in mentions if m.kind == "author-date"}
    assert linked["NRCS 1997"] is not None and linked["NRCS 1997"].text.startswith("NRCS (Natural")
    assert linked["USGS 2023c"] is not None and linked["USGS 2023c"].text.startswith("USGS (US Geological")


def test_author_date_in_square_brackets_and_with_particles():
    text = ["Loss of service [taken from Klise et al., 2017], as (van der Schrier et al. 2011) and "
            "Sparrow et. al (2022) found; see [Lee 2019](https://x.org/a) and [Ruiz, 2020][3]."]
    found = [(c.names, c.year) for c in find_author_date(paragraphs(text, {1}))]
    assert (("Klise",), "2017") in found
    assert (("van der Schrier",), "2011") in found
    assert (("Sparrow",), "2022") in found
    assert not [f for f in found if f[0] in (("Lee",), ("Ruiz",))]  # a Markdown link's words are no citation


def test_a_keyed_list_is_cited_by_its_keys():
    # NIST SP 800-147: "[TCG05] PC Client Work Group …" cited as "… attestation [TCG05]." and
    # "[FIPS 180-3]" for the entry keyed "[FIPS180-3]"; "[sic]"-like brackets are no call
    extracted = _extracted("dev22_nist_sp800_147_bios.txt")
    keyed = {m.marker: m.reference for m in extracted.mentions if m.kind == "key"}
    assert keyed["TCG05"] is not None and keyed["TCG05"].text.startswith("PC Client Work Group")
    assert keyed["FIPS 180-3"] is not None and keyed["FIPS 180-3"].label == "FIPS180-3"
    assert all(m.reference is not None for m in extracted.mentions if m.kind == "key")


def test_a_note_whose_number_stands_alone_keeps_its_text_and_calls_after_identifiers():
    # OMB M-22-09: "2" alone on its line, then "    Exec. Order No. 14028, … https://…" (read as a
    # footer by the finder); calls glued after a memo's or a publication's number: "M-22-01,13",
    # "SP 800-207,16"
    extracted = _extracted("dev22_omb_m22_09_zero_trust.txt")
    notes = {r.label: r for r in extracted.references if r.kind == "footnote"}
    assert notes["2"].text.startswith("Exec. Order No. 14028")
    called = {m.marker for m in extracted.mentions if m.kind == "note" and m.reference is not None}
    assert {"2", "13", "16", "24"} <= called


def test_links_on_a_law_named_privacy_cite_it():
    # "Under the [Privacy Rule](https://www.hhs.gov/hipaa/…/index.html)": a rule, not a page's "Privacy" link
    refs = _extracted("dev23_digitalpolicy_data.md").references
    assert any("hhs.gov/hipaa" in r.text for r in refs)


def test_a_numbered_list_nothing_calls_does_not_silence_the_links():
    # a decision record numbers its options "1. [Mapbox GL JS](…) - v2.2.0 (3/25/21)": the finder reads
    # them as notes, but nothing calls them (a glued "v2.2" is no call), so the text's links still cite
    refs = _extracted("dev25_usds_j40_adr_mapping_library.md").references
    assert any("link.springer.com/article/10.1007/s10109-017-0248-z" in r.text for r in refs)


def test_calls_a_conversion_set_off_by_a_space_are_read_in_sequence():
    # the TechFAR Handbook as pdftotext -layout gives it: "(IT 1)", "flexibilities 2 in", "(FAR 3)",
    # with each note's number alone on its line at the page's foot
    extracted = _extracted("dev24_usds_techfar_handbook.txt")
    calls = {m.marker: m.line for m in extracted.mentions if m.kind == "note"}
    assert calls["1"] == 11 and calls["2"] == 15 and calls["7"] == 280
    assert any(m.marker == "3" and m.reference is not None for m in extracted.mentions)


def test_alpha_keys_with_a_plus_are_keys():
    # "[KM12, KM14, KS15, NSW` 17]": BibTeX alpha labels, one with its "+" converted to "`"
    keyed = [m for m in _extracted("dev24_census_effective_privacy_invariants.txt").mentions if m.kind == "key"]
    assert any(m.marker == "NSW` 17" and m.reference is not None for m in keyed)


def test_ibid_with_a_page_points_at_the_note_before():
    # ONRR's case study: "Ibid., p. 14, 45, and 87" is the earlier note's work at those pages
    extracted = _extracted("dev25_onrr_north_slope_case_study.md")
    assert not [r for r in extracted.references if r.text.lower().startswith("ibid")]


def test_a_line_counter_in_the_left_margin_is_taken_off():
    # a Harvard Data Science Review manuscript: "1110   Brown, J. D., Cohen, S. R., …" on every line
    refs = [r for r in _extracted("dev24_census_reconstruction_attack_hdsr_manuscript.txt").references
            if r.kind == "reference-list"]
    brown = [r for r in refs if r.text.startswith("Brown, J. D., Cohen")]
    assert brown and brown[0].line == 1736 and "1111" not in brown[0].text
    assert len(refs) >= 40


def test_a_note_with_an_address_and_no_year_does_not_stop_the_document():
    # CISA BOD 20-01: a note naming an e-mail address and no year once raised AttributeError
    # (a constant of the same name as the affiliation pattern, defined later, replaced it)
    extracted = _extracted("dev27_cisa_bod_20_01_vdp.md")
    assert len(extracted.references) >= 10


def test_vancouver_calls_in_round_brackets_link_the_numbered_list():
    # CDC's Preventing Chronic Disease: "… decision making (2,3).", "(7,11–13)"; the author block's raised
    # affiliation numbers are not how the text cites
    extracted = _extracted("dev27_cdc_pcd_data_sharing_essay.html")
    numeric = [m for m in extracted.mentions if m.kind == "numeric"]
    assert len([m for m in numeric if m.reference is not None]) >= 30
    assert not [m for m in numeric if "Affiliations" in m.sentence]


def test_an_enumeration_in_round_brackets_is_no_call():
    from bibkaz.extract.calls import paren_calls
    from bibkaz.extract.text import paragraphs as paras

    text = ["The plan has two parts: (1) challenges for the states, and (2) mechanisms to meet them (4)."]
    assert [c.label for c in paren_calls(paras(text, {1}))] == [4]


def test_ibid_with_a_section_is_an_ibid_note():
    from bibkaz.extract.notes import classify_note

    assert classify_note("Ibid., §5.6.3.").kind == "ibid"
    assert classify_note("Ibid., §5.6.3.").locator == "§5.6.3"


def test_raw_html_blocks_in_markdown_read_as_markdown_and_links_cite_listed_pages():
    # Section508.gov's post: "<h2>" / "References" / "</h2>" and "<li>" / "<a href=…>…</a>" / "</li>"
    # on lines of their own; the text's links to the same addresses cite those entries
    extracted = _extracted("dev23_s508_benefits_accessible_design.md")
    listed = [r for r in extracted.references if r.kind == "reference-list"]
    assert any("disabilitystatistics.org/report/2014/US" in r.text for r in listed)
    assert any(m.kind == "link" and m.reference in listed for m in extracted.mentions)


def test_a_part_that_points_back_to_a_note_is_no_work():
    # FCC's report, note 34: "For a discussion of how averages were calculated …, see supra note 16."
    from bibkaz.extract.notes import note_pointed_at

    assert note_pointed_at("supra note 16.") == 16 and note_pointed_at("See note 4.") == 4
    refs = _extracted("dev26_fcc_measuring_broadband_america_2011.txt").references
    assert not [r for r in refs if r.text.lower().startswith("supra note")]


def test_the_page_of_what_the_document_presents_is_no_work():
    # EPA's AVERT fact sheet: "Visit www.epa.gov/avert to use AVERT's web-based Main Module."
    from bibkaz.extract.in_text import _names_own_title

    assert not _extracted("dev22_epa_avert_fact_sheet.txt").references
    assert _names_own_title("https://www.worldbank.org/global-education-policy-dashboard",
                            "Global Education Policy Dashboard: Peru")
    assert not _names_own_title("https://sam.gov/federal-assistance",
                                "Connecting Constituents with Federal Assistance for Broadband")


def test_a_bibliography_and_references_heading_names_a_reference_list():
    from bibkaz.extract.finder.features.section import heading_kind

    assert heading_kind("Bibliography and References") == "references"
    refs = _extracted("dev29_pollock_patents_industrial_revolution.html").references
    assert len([r for r in refs if r.kind == "reference-list"]) >= 10


def test_numbered_calls_with_their_place_are_calls():
    # IEEE's "[12, p. 4]" and an essay's "[6:para 130-3]": the number is the call, the rest its locator;
    # a matrix's "[1, k, j]" and a slice "x[1:n]" are no calls
    text = ["As shown [12, p. 4] and [3, Sec. 2.1], the award [6:para 130-3] differs; x[1:n] and [1, k, j] do not."]
    calls = bracket_calls(paragraphs(text, {1}))
    assert [(c.label, c.locator) for c in calls] == [(12, "p. 4"), (3, "Sec. 2.1"), (6, "para 130-3")]


def test_calls_with_a_pin_after_a_colon_link_to_the_numbered_list():
    # Rufus Pollock's NAFTA essay calls its "### References" list as "[6:para 130-3]", "[2:3]"
    mentions = _extracted("dev29_pollock_nafta_chapter11.md").mentions
    pinned = [m for m in mentions if m.marker == "6" and m.locator.startswith("para")]
    assert len(pinned) >= 10 and all(m.reference is not None for m in pinned)
    assert len({m.reference.text for m in pinned}) == 1


def test_a_case_name_spaced_as_a_justified_pdf_line_is_found():
    # pdftotext -layout of a double-spaced court opinion: "S.    Bay    United\n\n   Pentecostal   Church
    # v.    Newsom" (the session's start code crashed on it: the name, spaced singly, was looked up in the line)
    from bibkaz.extract.legal_cases import find_case_names

    text = ["As in S.    Bay    United", "       Pentecostal      Church    v.    Newsom, 141 S. Ct. 716 (2021)."]
    found = find_case_names(paragraphs(text))
    assert [c.name for c in found] == ["S. Bay United Pentecostal Church v. Newsom"]
    assert found[0].line == 1


def test_a_table_of_keyed_references_is_cited_by_its_keys():
    # an EU discussion paper lists "| [BBS2024] | Boneh, Dan, … 2004. |" in a Markdown table, cites "[BBS2024]"
    extracted = _extracted("dev32_eudi_arf_zero_knowledge_proof.md")
    entry = next(r for r in extracted.references if "Short group signatures" in r.text)
    assert entry.label == "BBS2024" and entry.text.startswith("Boneh, Dan") and not entry.text.endswith("|")
    linked = [m for m in extracted.mentions if m.marker == "BBS2024"]
    assert linked and all(m.reference == entry for m in linked)


def test_an_entry_listed_twice_is_cited_all_the_same():
    # a World Bank handbook chapter prints the book's bibliography and then its own: "(Ravallion 2003)"
    # matches both copies of one entry ("[url](url)" in one, "<url>" in the other)
    mentions = _extracted("dev31_worldbank_pip_lineup_estimates.html").mentions
    ravallion = [m for m in mentions if m.marker == "Ravallion 2003"]
    assert ravallion and all(m.reference is not None and m.reference.text.startswith("Ravallion, Martin. 2003")
                             for m in ravallion)


def test_lead_ins_in_a_row_and_the_number_of_authors_pick_the_entry():
    # a De Gruyter primer: "(see, e.g. Batzner et al. 2024)"; "Cooper 2025" is the entry by Z. Cooper alone,
    # among three other 2025 entries whose first author is a Cooper
    text = ["model output (see, e.g. Batzner et al. 2024) and (for example, Lee 2020)."]
    assert [c.names for c in find_author_date(paragraphs(text))] == [("Batzner",), ("Lee",)]
    mentions = _extracted("dev30_rne_genai_copyright_primer.txt").mentions
    cooper = [m for m in mentions if m.marker == "Cooper 2025"]
    assert cooper and all(m.reference is not None and m.reference.text.startswith("Cooper, Z. 2025. The AI Authorship")
                          for m in cooper)


def test_calls_with_lead_ins_and_the_word_ref_are_calls():
    # PNAS: "(e.g., refs. 48 and 49)", "(2, 9, and 47)", "(cf. 77)", "in refs. 62 and 67 assume"
    from bibkaz.extract.calls import paren_calls

    text = ["barriers (1). Also (e.g., refs. 10 and 11) by x, the (2, 9, and 47), as in refs. 62 and 67 assume "
            "(see ref. 72, for a survey), (cf. 77) is; (1) challenges and (2) mechanisms"]
    assert [c.label for c in paren_calls(paragraphs(text))] == [1, 10, 11, 2, 9, 47, 62, 67, 72, 77]
    mentions = _extracted("dev30_pnas_safety_market_entry.txt").mentions
    assert sum(m.reference is not None for m in mentions) >= 120


def test_a_numbered_list_cited_again_by_glued_numbers():
    # a Patterns article calls its numbered list with glued numbers and cites "12" again and again
    # ("method.12", "academia12,37"), while "Q1–Q3 2023", "3–4 months" and "Tables S1–S5" are no calls
    from bibkaz.extract.calls import glued_calls

    text = ["Workers displacement1–3; and teaching4,5; as in our method.6 Then researchers.7 Later, "
            "in academia3,7 and (Q1–Q3 2023) about 3–4 months after (Tables S1–S5) as before.6"]
    assert [c.label for c in glued_calls(paragraphs(text), repeats=True)] == [1, 2, 3, 4, 5, 6, 7, 3, 7, 6]
    assert [c.label for c in glued_calls(paragraphs(text))] == [1, 2, 3, 4, 5, 6, 7]
    mentions = _extracted("dev30_patterns_llm_writing_adoption.txt").mentions
    assert sum(m.reference is not None and m.marker == "12" for m in mentions) >= 5


def test_quarto_cross_references_are_no_citations():
    # a Quarto post: "as @fig-rents-doubling-up shows" points at its own figure, "[@lee2020]" at a work
    from bibkaz.extract.citation_keys import find_key_citations

    text = ["As @fig-rents shows and [@lee2020; see @tbl-2] or @sec-intro, @figueroa2019 says"]
    assert [c.key for c in find_key_citations(paragraphs(text))] == ["lee2020", "figueroa2019"]
    refs = _extracted("dev36_mountaindoodles_housing_is_a_housing_problem.md").references
    assert not [r for r in refs if r.text.startswith("@fig-")]


def test_note_numbers_pandoc_escaped_are_note_numbers():
    # White House remarks converted by pandoc: calls "<sup>1</sup>", notes "\[1\] Autor, Dorn, and Hanson (2016)"
    from bibkaz.read.markdown import markdown_to_text

    assert markdown_to_text("text\n\\[1\\] Autor, Dorn (2016)  \n\\[not\\] x") == "text\n[1] Autor, Dorn (2016)  \n\\[not\\] x"
    mentions = _extracted("dev38_wh_brainard_place_based_growth_remarks.md").mentions
    linked = {m.marker: m.reference.text for m in mentions if m.kind == "numeric" and m.reference is not None}
    assert linked["3"].startswith("Bonds, Farmer-Hinton, and Epps (2009)")
    assert linked["7"].startswith("Atkinson, Muro, and Whiton (2019)")


def test_author_date_units_with_a_key_after_them():
    # a PubPub export: "(Bach 2015 [@nn27yywd2cz]; Howard et al. 2015 [@nletfkz3oe4])", its list's keys
    # other than the text's: the author-date unit cites the entry, the key is no work of its own
    from bibkaz.extract.citation_keys import find_key_citations

    text = ["(Bach 2015 [@nn27yywd2cz]; Howard et al. 2015 [@nletfkz3oe4]) and [@lee2020]"]
    assert [(c.names, c.year) for c in find_author_date(paragraphs(text))] == [(("Bach",), "2015"), (("Howard",), "2015")]
    assert [c.after_year for c in find_key_citations(paragraphs(text))] == [True, True, False]
    extracted = _extracted("dev36_unjournal_e2_pharmaceutical_pricing.md")
    assert not [r for r in extracted.references if r.text.startswith("@n")]
    assert sum(m.kind == "author-date" and m.reference is not None for m in extracted.mentions) >= 14


def test_a_group_whose_units_a_comma_separates_cites_each_unit():
    # The linguists' unified style sheet: "(Garrod & Pickering 2004, Staum Casasanto et al. 2010)".
    name = "dev59_langsci_contact_accommodation.txt"
    extraction, _ = extract_document(DEV / name)
    text = (DEV / name).read_text(encoding="utf-8").split("\n")
    line = next(i for i, t in enumerate(text, 1) if "(Garrod & Pickering 2004," in t)
    cited = [m.reference.text for m in extraction.mentions if m.line in (line, line + 1) and m.reference is not None]
    assert any(c.startswith("Staum Casasanto, Laura") for c in cited)  # the unit after the comma
    found = find_author_date(paragraphs(["(Bell 1984: 12, Selting 1985) and (Lee 2019, p. 45)."]))
    assert [(a.names, a.year, a.locator) for a in found] == [
        (("Bell",), "1984", "12"), (("Selting",), "1985", ""), (("Lee",), "2019", "p. 45")]


def test_author_date_citations_inside_notes_cite_the_list_and_the_note_is_no_work():
    # A chapter with footnotes and a reference list: note 1 explains and cites "(Lambert & Freed 1982)".
    name = "dev59_langsci_contact_language_shift.txt"
    extraction, _ = extract_document(DEV / name)
    in_note = [m for m in extraction.mentions if m.line == 25 and m.reference is not None]
    assert [m.reference.text[:28] for m in in_note] == ["Lambert, Richard D. & Barbar"]
    assert not any(r.text.startswith("Langacker (2000) and") for r in extraction.references)
    # the call of a note that explains and cites "(cf. Chambers & Trudgill 2004: 7–9)" cites that work
    # (another note further on is numbered 1 too: a call takes the first of its number at or after it)
    mentions = _extracted("dev59_langsci_contact_dialect_areas.txt").mentions
    called = [m.reference.text[:24] for m in mentions if m.line == 28 and m.reference is not None]
    assert called == ["Chambers, Jack K. & Pete"]
    found = find_author_date(paragraphs(["See Smith (2010) for a review."]))
    assert [(a.names, a.year) for a in found] == [(("Smith",), "2010")]


def test_a_bracket_of_dashed_numbers_is_no_range_and_no_crash():
    # a JRC report's raster legend "integer16 [30 – 23 – 22 – 21 – 13]" stopped the whole document
    calls = bracket_calls(paragraphs(["Encoding: integer16 [30 – 23 – 22 – 21 – 13], No Data: -200"]))
    assert [c.label for c in calls] == [30, 23, 22, 21, 13]


def test_bracket_words_before_a_citation_and_possessive_names():
    # "(for a review, see Beaman 2020: 64–65)", "(… — Labov 1966, Britain 2012)", "Labov’s (2001)";
    # a publisher's place after its name is no citation
    text = ["Shown (for a review, see Beaman 2020: 64–65), also (urban dialects — Labov 1966, Britain 2012) "
            "and by Britain and Trudgill’s (2005) model (Geologists: Tulsa, Oklahoma, 2005)."]
    found = [(a.names, a.year, a.locator) for a in find_author_date(paragraphs(text))]
    assert found == [(("Beaman",), "2020", "64–65"), (("Labov",), "1966", ""), (("Britain",), "2012", ""),
                     (("Britain", "Trudgill"), "2005", "")]
    # OECD's calls name the entry's number in the chapter's list after the year
    oecd = find_author_date(paragraphs(["strategically (OECD, 2019[3]; European Commission, 2017[2])."]))
    assert [(a.names, a.year) for a in oecd] == [(("OECD",), "2019"), (("European Commission",), "2017")]


def test_a_tables_bracketed_ranges_do_not_silence_a_numbered_lists_calls():
    # ReScience: "R [3] and C [4]" call a ten-entry list; a table's "54 (32–76)" names no entry.
    extraction, _ = extract_document(DEV / "dev55_rescience_broman_essential_genes.txt")
    called = {m.marker: m.reference.text[:12] for m in extraction.mentions if m.line == 78 and m.reference is not None}
    assert called == {"3": "R Core Team.", "4": "B. W. Kernig"}
    assert not [m for m in extraction.mentions if m.marker == "32"]


def test_a_list_set_with_hanging_indents_keeps_an_indented_line_on_its_entry():
    # A JRC report's APA list (pdftotext -layout): "Corbane, C., …, Vasilev, V.," at the left edge, then,
    # indented, "Rodriguez, D., Sabo, F., … (2017). Big earth data analytics …": one entry, not two.
    refs = _extracted("dev62_jrc_ghsl_data_package_2023.txt").references
    entry = next(r for r in refs if r.text.startswith("Corbane, C., Pesaresi, M., Politis, P."))
    assert "Rodriguez, D., Sabo, F." in entry.text and "Big earth data analytics" in entry.text
    assert not any(r.text.startswith("Rodriguez, D., Sabo, F.") for r in refs)


def test_a_hanging_lists_entry_by_the_same_authors_stays_an_entry():
    # A FEDS paper's list lost its "———." rule: the indented "(1997) “The Time-Varying NAIRU …”" is
    # Gordon's next entry, not the rest of the one above.
    refs = _extracted("dev60_frb_feds_2011_46_business_cycle.txt").references
    assert any(r.text.startswith("(1997) “The Time-Varying NAIRU") for r in refs)
    assert not any("Policy Ineffectiveness" in r.text and "Time-Varying NAIRU" in r.text for r in refs)


def test_an_embedded_posts_hashtags_and_handles_and_an_offer_to_sign_up_cite_nothing():
    from bibkaz.extract.inline_links import find_hyperlinks
    from bibkaz.extract.text import Paragraph
    text = ("Congratulations to [@KASonline](https://twitter.com/KASonline?ref_src=twsrc%5Etfw) for the "
            "[#EUdatasummit](https://twitter.com/hashtag/EUdatasummit?src=hash&amp;ref_src=twsrc%5Etfw), see the "
            "[#reviewer2 hashtag on Twitter](https://twitter.com/search?q=%23reviewer2) and "
            "[Sign up for the mailing list](https://landing.mailerlite.com/webforms/landing/i5e1h2).")
    assert [h.words for h in find_hyperlinks([Paragraph(text, 1, (0,))])] == ["#reviewer2 hashtag on Twitter"]


def test_a_contents_list_of_links_to_places_in_the_page_is_no_reference_list():
    from bibkaz.extract.zones import _could_cite
    assert not _could_cite("[Discussion](/blog/2022-02-24/#discussion)")
    assert not _could_cite("[FY2014](#_Toc240460810)")
    assert _could_cite("[Lee, A. (2020). Title](https://example.org/lee#section-2)")


def test_natbib_square_bracketed_years_are_narrative_citations():
    # economics working papers set author-year citations with the year in square brackets
    from bibkaz.extract.author_date import find_author_date
    from bibkaz.extract.text import Paragraph
    text = "As Ameriks et al. [2020] and Gordon and Joseph [2014, p. 3] show; see [12] and Table [2020]."
    found = find_author_date([Paragraph(text, 1, (0,))])
    assert [(a.names, a.year, a.locator) for a in found] == [(("Ameriks",), "2020", ""), (("Gordon", "Joseph"), "2014", "p. 3")]
