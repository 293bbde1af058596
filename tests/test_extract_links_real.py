"""Bare links, converter stylesheets and front matter, on real documents of the dev corpus.

Each document is a real text nobody here wrote (tests/corpus/dev, sources in
tests/corpus/SOURCES.md); the assertions are what its hand-checked gold says.
"""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.extract import find
from bibkaz.extract.inline_links import find_hyperlinks, find_links
from bibkaz.extract.text import paragraphs
from bibkaz.extract.zones import Entry, mend_converted_lists
from bibkaz.read import read_document

DEV = Path(__file__).parent / "corpus" / "dev"


def _found(name: str):
    return find(read_document(DEV / name))


def test_a_stylesheet_item_is_dropped_and_the_list_numbered_back():
    # html2text made MediaWiki's <style> an item "2." of the references: call [7] means item 8.
    _, refs, mentions, _, _ = _found("open_wiki_material_handling.txt")
    assert not any("mw-parser-output" in r.text for r in refs)
    gold = json.loads((DEV / "open_wiki_material_handling.gold.json").read_text())
    call = next(c for c in gold["citations"] if c["marker"] == "7")
    work = next(w for w in gold["works"] if w["id"] == call["works"][0])
    linked = [m for m in mentions if m.marker == "7" and m.line == call["line"]]
    assert linked and linked[0].reference is not None
    assert work["title"] in linked[0].reference.text


def test_stylesheet_before_a_reference_is_cut_off_and_numbers_restart_with_a_new_list():
    css = ".a{color:red}.b{font-size:95%}.c{padding:0}"
    entries = [Entry("1", "Lee 2020.", 1, 1), Entry("2", css, 2, 3), Entry("3", "Ruiz 2019.", 4, 4),
               Entry("4", css + " Kay, M. (2015). Warehousing.", 5, 5), Entry("1", "Other list.", 9, 9)]
    assert [(e.label, e.text) for e in mend_converted_lists(entries)] == [
        ("1", "Lee 2020."), ("2", "Ruiz 2019."), ("3", "Kay, M. (2015). Warehousing."), ("1", "Other list.")]


def test_own_site_front_matter_and_running_footer_links_are_not_cited_works():
    # A Wikipedia dump's footer ("Retrieved from" the page's own site), a Hugo post's front matter
    # (its own DOI, "See all topics at https://digital.gov/topics"), CRS's footer address.
    for name, site in [("open_wiki_shebelle_river.txt", "wikipedia.org"), ("web_ropensci_targets.md", "10.59350"),
                       ("web_digitalgov_design_10_questions.md", "digital.gov/topics"),
                       ("bib_crs_if12255_snap_primer.txt", "crsreports.congress.gov")]:
        _, refs, _, _, _ = _found(name)
        bare = [r.text for r in refs if r.kind.startswith("inline")]
        assert not any(site in t for t in bare), (name, bare)


def test_a_site_named_in_a_sentence_is_still_a_cited_source():
    _, refs, _, _, _ = _found("gov_crs_r48911_ssa_staffing_states.txt")
    assert "https://data.opm.gov/" in [r.text for r in refs if r.kind == "inline-url"]


def test_markdown_link_words_and_doi_placeholders_are_not_links():
    text = ("See [https://www.gao.gov/about/contact-us](https://www.gao.gov/about/contact-us), "
            "https://doi.org/DOIunavailable and https://www.ssa.gov/finance/.")
    assert [link.value for link in find_links(paragraphs([text]))] == ["https://www.ssa.gov/finance/"]


def test_reports_cited_by_number_in_running_text_are_references():
    # "(For background, see CRS Report R47447, Bank Capital Requirements: A Primer and Policy Issues.)"
    _, refs, _, _, _ = _found("gov_crs_in12680_bank_capital.txt")
    reports = [r.text for r in refs if r.kind == "inline-report"]
    assert reports == ["CRS Report R47447, Bank Capital Requirements: A Primer and Policy Issues."]
    # Bylines end the citation; the disclaimer's "a CRS Report" has no number and cites nothing.
    _, refs, _, _, _ = _found("gov_crs_r44243_speaker.txt")
    reports = [r.text for r in refs if r.kind == "inline-report"]
    assert "CRS Report RL30857, Speakers of the House: Elections, 1913-2025, by Valerie Heitshusen." in reports
    assert not any("relied upon" in r for r in reports)


def test_a_parenthesis_inside_a_report_title_does_not_end_it():
    from bibkaz.extract.report_citations import find_report_citations

    text = ("and Issues; CRS Report R48136, National Park Service Deferred Maintenance: Overview and Issues; "
            "CRS In Focus IF12256, Land and Water Conservation Fund (LWCF): Frequently Asked Questions.")
    assert [c.text for c in find_report_citations(paragraphs([text]))] == [
        "CRS Report R48136, National Park Service Deferred Maintenance: Overview and Issues.",
        "CRS In Focus IF12256, Land and Water Conservation Fund (LWCF): Frequently Asked Questions."]


def test_an_entry_listing_several_numbered_reports_is_one_work_each():
    # A CRS In Focus's "For Further Reading" paragraph (dev/bib_crs_if12888_gaoa.txt, line 210): three products.
    _, refs, _, _, _ = _found("bib_crs_if12888_gaoa.txt")
    listed = [r.text for r in refs if r.kind == "reference-list"]
    assert [t.split(",")[0] for t in listed] == ["CRS Report R43997", "CRS Report R48136", "CRS In Focus IF12256"]
    assert listed[1] == "CRS Report R48136, National Park Service Deferred Maintenance: Overview and Issues"


def test_a_note_naming_two_reports_cites_both():
    _, refs, _, _, _ = _found("gov_crs_r48910_trump_accounts.txt")
    assert any(r.text.startswith("CRS Report R46909, The FAFSA Simplification Act") for r in refs)
    assert any(r.text.startswith("CRS In Focus IF12780, Federal Student Aid") for r in refs)


def test_table_rows_of_years_and_figures_are_neither_notes_nor_references():
    # A CRS data brief's historical table: rows open with a year, like a note with a number.
    _, refs, _, _, _ = _found("crs2_crs_r48725_ssa_staffing.txt")
    assert not any(r.text.startswith(("1943", "1950", "1960")) for r in refs)


def test_glued_note_calls_are_read_beside_an_unnumbered_bibliography():
    # GAO report: "Results Act of 1993 (GPRA)1 planning", a Bibliography and Related GAO Products.
    _, _, mentions, _, _ = _found("crs2_gao_05_927_managing_results.txt")
    first = [m for m in mentions if m.marker == "1" and m.reference is not None]
    assert first and "Pub. L. No. 103-62" in first[0].reference.text
    assert len({m.marker for m in mentions if m.reference is not None}) >= 15


def test_a_post_that_cites_only_by_hyperlink_has_its_links_as_works_and_citations():
    # 18F post: sources linked on words; links on "our UX guide" are its own pages.
    _, refs, mentions, _, _ = _found("web_18f_back_to_basics_ai.md")
    linked = {r.text.rpartition(" <")[2].rstrip(">") for r in refs if r.kind == "inline-link"}
    assert "https://ai.gov/ai-use-cases/" in linked and "https://www.dhs.gov/data/AI_inventory" in linked
    assert not any("guides.18f.gov/ux-guide/research/ethics" in u for u in linked)
    assert any(m.kind == "link" and m.marker == "https://ai.gov/ai-use-cases/" and m.reference for m in mentions)


def test_beside_notes_words_linked_to_a_source_still_cite_it():
    # CISA's directive: 23 footnotes, and in its text the memorandum it implements linked on its number
    # ("[M-20-32](…/M-20-32.pdf)"), which its gold counts as a work as the later labellers all do.
    _, refs, _, _, _ = _found("dev27_cisa_bod_20_01_vdp.md")
    assert any(r.kind == "footnote" for r in refs)
    linked = [r.text for r in refs if r.kind == "inline-link"]
    assert "M-20-32 <https://www.whitehouse.gov/wp-content/uploads/2020/09/M-20-32.pdf>" in linked


def test_hyperlinks_to_home_pages_profiles_and_calls_to_action_are_skipped():
    from bibkaz.extract.inline_links import find_hyperlinks

    text = ("Read [the strategy](https://example.gov/strategy.pdf), [here](https://example.gov/a), "
            "[GAO](https://www.gao.gov/), [on X](https://x.com/usgao), ![logo](https://e.org/l.png) and "
            "[a post](https://x.com/usgao/status/1).")
    assert [(h.words, h.url) for h in find_hyperlinks(paragraphs([text]))] == [
        ("the strategy", "https://example.gov/strategy.pdf"), ("a post", "https://x.com/usgao/status/1")]
    # a CRS web page's own tools: "[Listen](…readspeaker…)", "[Download PDF (450KB)](…/IN12422.pdf)"
    tools = ("[Listen](https://app-na.readspeaker.com/cgi-bin/rsent?id=1) [Download PDF (450KB)]"
             "(https://crsreports.congress.gov/crs_external_products/IN/PDF/IN12422/IN12422.6.pdf)")
    assert find_hyperlinks(paragraphs([tools])) == []


def test_pieces_a_converter_broke_off_mediawiki_entries_are_joined_back():
    # "4. ^ Felsenstein … 5. ISBN 0-87893-177-5." : the ISBN is item 5 of the dump, not a reference;
    # call [4] is Soltis (item 6 of the dump), and back-link carets are not part of the text.
    entries = [Entry("1", "^ a b Lee, A. (2001). One.", 1, 1), Entry("2", "ISBN 0-87893-177-5.", 2, 2),
               Entry("3", "^ Ruiz, M. (2002). Two.", 3, 3), Entry("4", "^ Kay, M. (2003). Three.", 4, 4)]
    assert [(e.label, e.text) for e in mend_converted_lists(entries)] == [
        ("1", "Lee, A. (2001). One. ISBN 0-87893-177-5."), ("2", "Ruiz, M. (2002). Two."), ("3", "Kay, M. (2003). Three.")]
    _, _, mentions, _, _ = _found("web2_wiki_molecular_systematics.txt")
    gold = json.loads((DEV / "web2_wiki_molecular_systematics.gold.json").read_text())
    works = {w["id"]: w for w in gold["works"]}
    right = 0
    for call in gold["citations"]:
        hit = [m for m in mentions if m.line == call["line"] and m.marker == call["marker"] and m.reference]
        right += bool(hit) and works[call["works"][0]]["title"][:20].replace("_", " ") in hit[0].reference.text.replace("_", " ")
    assert right >= len(gold["citations"]) * 0.7


def test_each_work_a_source_line_names_is_a_reference():
    # CRS data brief: "Source: CRS analysis of data from …; SSA, Annual Statistical Supplement, 2024, …; and …"
    _, refs, _, _, _ = _found("crs2_crs_r48725_ssa_staffing.txt")
    sources = [r.text for r in refs if r.kind == "source-line"]
    assert "SSA, Annual Statistical Supplement, 2024, and earlier editions." in sources
    assert any(s.startswith("General Accounting Office, Social Security: Increasing Number") for s in sources)
    assert not any(s.lower().startswith(("various", "crs analysis")) for s in sources)


def test_a_source_line_stops_at_its_notes_and_drops_lead_ins_and_vague_parts():
    from bibkaz.extract.source_lines import find_source_parts

    lines = ["Table 2. Staff", "", "   Source: Author's calculations based on data from BLS, Employment Situation,",
             "   May 2024; various agency responses; and Table 1.", "   Notes: Figures are rounded; see Smith, A Book, 2020.",
             "", "Sources: IRC §§529, 530; Census Bureau, American Community Survey, 2022."]
    parts = find_source_parts(lines, set(range(1, len(lines) + 1)))
    assert [(p.text, p.line) for p in parts] == [
        ("BLS, Employment Situation, May 2024.", 3), ("Census Bureau, American Community Survey, 2022.", 7)]


def test_court_cases_named_in_the_text_are_references_and_citations():
    # CRS Legal Sidebar: "(United States v. Florida)", "Nestlé USA, Inc. v. Doe" — links lost in the PDF.
    _, refs, mentions, _, _ = _found("gov_crs_lsb11420_circuit_splits.txt")
    cases = {r.text for r in refs if r.kind == "inline-case"}
    assert {"Foster v. King", "United States v. Florida", "Nestlé USA, Inc. v. Doe",
            "Al Shimari v. CACI Premier Tech., Inc."} <= cases
    assert any(m.kind == "case" and m.line == 68 and m.reference.text == "United States v. Florida" for m in mentions)


def test_a_case_name_ends_where_its_sentence_does_and_opening_words_are_not_parties():
    from bibkaz.extract.legal_cases import find_case_names

    text = "See Nestlé USA, Inc. v. Doe. Finally, in Rasul v. Bush, the Court held; Under X Corp. v. U.S. Dep't of Labor."
    assert [c.name for c in find_case_names(paragraphs([text]))] == [
        "Nestlé USA, Inc. v. Doe", "Rasul v. Bush", "X Corp. v. U.S. Dep't of Labor"]


def test_project_homes_and_page_furniture_are_not_linked_sources_and_a_page_linked_twice_is_one_work():
    from bibkaz.extract.inline_links import find_hyperlinks, page_of

    text = ("Runtimes such as [wasmtime](https://github.com/bytecodealliance/wasmtime) differ ([issue 122]"
            "(https://github.com/WebAssembly/WASI/issues/122)); [Edit this page on GitHub](https://github.com/v8/v8.dev/tree/main/x), "
            "[Privacy](https://policies.google.com/privacy), [the decoder](https://github.com/z/m/blob/abc/js/d.js#L10) "
            "and [again](https://github.com/z/m/blob/abc/js/d.js).")
    found = find_hyperlinks(paragraphs([text]))
    assert [h.words for h in found] == ["issue 122", "the decoder", "again"]
    assert page_of(found[1].url) == page_of(found[2].url)
    assert page_of("https://a.org/archive.html#21_August") != page_of("https://a.org/archive.html#30_July")


def test_a_blog_page_kept_as_html_cites_through_its_links():
    # v8.dev post saved with its site's markup: GitHub issues and source files are works, the
    # projects' home pages, share and footer links are not; a file linked twice is one work.
    _, refs, mentions, _, _ = _found("dev3_v8_emscripten_standalone_wasm.html")
    linked = [r.text for r in refs if r.kind in ("inline-link", "inline-url")]
    assert sum("github.com/WebAssembly/WASI/issues/122" in t for t in linked) == 1
    assert not any(t.endswith("<https://github.com/bytecodealliance/wasmtime>") for t in linked)
    assert sum("meshopt_decoder.js" in t for t in linked) == 1
    assert sum(1 for m in mentions if m.kind == "link" and "meshopt_decoder.js" in m.marker) == 2
    assert len({m.reference for m in mentions if "meshopt_decoder.js" in m.marker}) == 1


def test_a_papers_own_doi_and_a_reports_own_address_are_not_cited_works():
    # F1000 article: "(doi: 10.12688/f1000research.3-62.v1)" under its title; GAO report: its back
    # cover's "www.gao.gov/cgi-bin/getrpt?GAO-06-1046" is the report itself.
    _, refs, _, _, _ = _found("dev3_f1000_swc_lessons_learned.txt")
    assert not any("f1000research.3-62" in r.text for r in refs if r.kind.startswith("inline"))
    _, refs, _, _, _ = _found("dev3_gao_06_1046_grants_incentives.txt")
    assert not any("getrpt?GAO-06-1046" in r.text for r in refs)


def test_linked_words_are_a_title_only_when_set_as_one():
    from bibkaz.model import RawReference
    from bibkaz.parse import parse_raws

    refs = [RawReference("d", "inline-link", "Digital Government Strategy <https://example.gov/strategy.pdf>", 1, 1),
            RawReference("d", "inline-link", "AI is already in use <https://ai.gov/ai-use-cases/>", 2, 2)]
    strategy, use_cases = (p.record for p in parse_raws(refs))
    assert strategy.title == "Digital Government Strategy" and strategy.url == "https://example.gov/strategy.pdf"
    assert use_cases.title == "" and use_cases.note == "linked as “AI is already in use”"
    assert use_cases.url == "https://ai.gov/ai-use-cases/" and use_cases.type == "webpage"


def test_beside_a_reference_list_a_sites_home_in_the_text_is_a_service_named_not_a_work():
    # F1000 software article: "the Encyclopedia of Life (http://eol.org/)" is a data service the
    # package queries; its works are in the numbered reference list.
    _, refs, _, _, _ = _found("dev4_f1000_taxize.txt")
    bare = [r.text for r in refs if r.kind == "inline-url"]
    assert "http://eol.org/" not in bare and "http://www.itis.gov/" not in bare


def test_an_author_date_citation_goes_to_the_entry_that_opens_with_the_name():
    # BDJ checklist: "Smith (1882)" also stands in table rows the finder took for entries;
    # the entry "Smith JY (1882) Matheran Hill: …" is the one that opens with the name.
    from bibkaz.pipeline import build_library

    ex = build_library([DEV / "dev4_bdj_matheran_butterflies.txt"]).extractions[0]
    smith = [m for m in ex.mentions if m.text == "Smith (1882)" and m.line == 76]
    assert smith and smith[0].reference is not None and smith[0].reference.text.startswith("Smith JY (1882)")


def test_a_link_given_as_contact_details_is_no_cited_work():
    # GAO's back page: "To Report Fraud, …   Web site: www.gao.gov/fraudnet/fraudnet.htm" (and "Website: [link](link)").
    _, refs, _, _, _ = _found("dev3_gao_06_1046_grants_incentives.txt")
    assert not any("fraudnet" in r.text for r in refs)
    _, refs, _, _, _ = _found("more_gao_26_109034_transparency.md")
    assert not any("fraudnet" in r.text for r in refs)
    from bibkaz.extract.in_text import _labelled_contact

    # a site named in a sentence after "website:" is still cited
    assert not _labelled_contact("areas from the following website: [http://www.gadm.org/](http://www.gadm.org/).",
                                 "http://www.gadm.org/")
    # in a paragraph a page's reader joined, the invitation is read at its own link, not at an
    # earlier address of the same site
    assert _labelled_contact("released reports at https://www.gao.gov/products/gao-26-1 and more. "
                             "Visit GAO on the web at https://www.gao.gov.", "https://www.gao.gov")


def test_a_wiki_page_copied_from_a_browser_links_its_calls_to_its_unnumbered_caret_list():
    # The copy loses the list's numbers: each item is a line opening with "^" (or "^ a b"),
    # and "[n]" calls name the n-th of them (the gold's 47 calls all stand in the gold).
    _, refs, mentions, _, _ = _found("dev7_wiki_standardization.txt")
    gold = json.loads((DEV / "dev7_wiki_standardization.gold.json").read_text())
    linked = {(m.line, m.marker): m.reference for m in mentions if m.reference is not None}
    calls = [c for c in gold["citations"] if c["marker"].isdigit()]
    assert len(calls) >= 40
    for call in calls:
        ref = linked.get((call["line"], call["marker"]))
        assert ref is not None and ref.label == call["marker"], call
    # and the n-th item is the n-th line opening with a caret
    carets = [n for n, line in enumerate((DEV / "dev7_wiki_standardization.txt").read_text().split("\n"), 1)
              if line.startswith("^")]
    for call in calls:
        assert linked[(call["line"], call["marker"])].line == carets[int(call["marker"]) - 1]


def test_source_lines_list_numbered_documents_one_by_one_even_at_a_pages_foot():
    # CRS RL34498: a table on every page, its "Source:" line at the page's foot (where the line
    # finder sees a running footer), naming IRS Revenue Procedures and a public law by number.
    _, refs, _, _, _ = _found("dev6_crs_rl34498_tax_brackets.txt")
    texts = {r.text for r in refs}
    assert {"IRS Revenue Procedure 2024-40.", "IRS Revenue Procedure 2025-32.",
            "IRS Revenue Procedure 2016-55.", "IRS Revenue Procedure 90-64."} <= texts
    assert not any(" and P.L." in t for t in texts)


def test_usgs_and_others_citations_link_like_et_al():
    # USGS report (public domain): "(Scanlon and others, 2002)", "Hunt and others (2016)".
    _, refs, mentions, author_date, _ = _found("dev6_usgs_swb2_report_draft.md")
    found = {(c.names[0], c.year) for c in author_date}
    assert {("Scanlon", "2002"), ("Hunt", "2016"), ("Feinstein", "2010"), ("Anderson", "2015")} <= found


def test_links_to_people_and_an_organisations_offer_name_them_and_cite_nothing():
    from bibkaz.extract.inline_links import find_hyperlinks

    line = ("OTF's [people](https://www.opentech.fund/about/people/) and [Adam](https://www.opentech.fund/about/"
            "people/adam-lynn/) run [funds](https://www.opentech.fund/funds/) for projects such as "
            "[OONI Probe](https://ooni.org/install/); see the [disclosure report](https://www.vodafone.com/"
            "downloads/report-2015.pdf) and the [tax credits](https://www.energystar.gov/about/federal-tax-credits).")
    words = [h.words for h in find_hyperlinks(paragraphs([line]))]
    assert words == ["disclosure report", "tax credits"]


def test_a_source_part_that_names_only_whose_data_is_no_work():
    from bibkaz.extract.source_lines import find_source_parts

    lines = ["Source: GAO analysis of DOE data; EIA, Annual Energy Outlook 2006."]
    assert [p.text for p in find_source_parts(lines, {1})] == ["EIA, Annual Energy Outlook 2006."]
    # who drew the table is no work; a table's notes on the source's own line are no source (CRS tables)
    lines = ["Source: Prepared by CRS; emissions data from EPA, Inventory of U.S. Greenhouse Gas Emissions, 2024.",
             "Source: FHWA, Highway Statistics 2022. Notes: TEA-21 = Transportation Equity Act (P.L. 105-178)."]
    assert [p.text for p in find_source_parts(lines, {1, 2})] == [
        "EPA, Inventory of U.S. Greenhouse Gas Emissions, 2024.", "FHWA, Highway Statistics 2022."]


def test_a_papers_licence_deed_and_its_own_doi_are_not_cited_works():
    # BMC's rights statement links two Creative Commons deeds; a BMC paper prints its own DOI alone
    # on a line under its byline and dates; PeerJ repeats its own DOI in every page's footer.
    for name, not_works in (("dev7_bmc_revmanhal.txt", ("creativecommons.org",)),
                            ("dev7_bmc_gapscreener.txt", ("10.1186/1471-2105-9-205", "creativecommons.org")),
                            ("dev4_peerj_software_citation_principles.txt", ("10.7717/peerj-cs.86",))):
        _, refs, _, _, _ = _found(name)
        assert refs, name
        for value in not_works:
            assert not [r.text for r in refs if value in r.text.lower()], (name, value)


def test_a_doi_given_as_a_links_words_is_one_work_with_its_landing_page():
    # Carpentries' publication records (CC BY): <a href="https://zenodo.org/record/57467">10.5281/zenodo.57467</a>
    # (each release a line of its own: the list's entries, which hold the DOI and its landing page)
    _, refs, _, _, _ = _found("dev4_swc_publishing_lessons_2016.html")
    holding = [r.text for r in refs if "57467" in r.text]
    assert len(holding) == 1 and "10.5281/zenodo.57467" in holding[0]
    assert not [r for r in refs if r.text.strip("<>").startswith("https://zenodo.org/record")]


def test_a_link_a_pdf_conversion_broke_at_a_line_end_is_read_whole():
    # pdftotext broke the links of these papers after "/" and after a host's dot; the gold gives them whole
    _, refs, _, _, _ = _found("dev4_peerj_software_citation_principles.txt")
    texts = {r.text for r in refs}
    assert "http://www.gnu.org/philosophy/words-to-avoid.html#Commercial" in texts
    _, refs, _, _, _ = _found("dev3_f1000_swc_lessons_learned.txt")
    assert "http://software-carpentry.org/blog/2015/09/thinking-about-teaching.html" in {r.text for r in refs}


def test_a_link_broken_before_an_identifier_or_after_a_hyphen_is_read_whole():
    lines = ["the Working Group (https://docs.google.com/document/d/", "1dS0SqGoBIFwLB5G3HiLLEOSAAgMdo8QPEpjYUaWCvIU) and",
             "the inventory, https://www.epa.gov/ghgemissions/inventory-us-greenhouse-gas-emissions-and-sinks-", "1990-2022. Then"]
    assert [link.value for link in find_links(paragraphs(lines))] == [
        "https://docs.google.com/document/d/1dS0SqGoBIFwLB5G3HiLLEOSAAgMdo8QPEpjYUaWCvIU",
        "https://www.epa.gov/ghgemissions/inventory-us-greenhouse-gas-emissions-and-sinks-1990-2022"]


def test_a_word_after_a_link_at_a_line_end_is_not_part_of_it():
    lines = ["see https://example.org/", "for details, and https://example.org/faq?", "The answer is"]
    assert [link.value for link in find_links(paragraphs(lines))] == ["https://example.org/", "https://example.org/faq?"]


def test_a_note_that_reads_like_name_and_year_is_a_work_when_no_list_is_there_to_point_into():
    # CRS note 1 "Social Security Administration, Agency Financial Report, Fiscal Year 2025, …, URL"
    # is no author-date short note: the report has no reference list, and the note holds a link
    _, refs, mentions, _, _ = _found("gov_crs_r48911_ssa_staffing_states.txt")
    note = next(r for r in refs if r.label == "1")
    assert note.text.startswith("Social Security Administration, Agency Financial Report")
    assert any(m.reference is note for m in mentions)


def test_a_short_note_with_a_link_or_a_quoted_title_is_a_full_reference():
    from bibkaz.extract.author_date import note_citation

    assert note_citation("Kay, 2012, p. 23.", 5, "") is not None
    assert note_citation("Kay, 2012, https://example.org/kay.", 5, "") is None
    assert note_citation("Kay, \u201cA Title,\u201d 2012, p. 23.", 5, "") is None


def test_beside_a_reference_list_a_link_to_a_project_is_no_work_but_a_link_to_one_item_is():
    from bibkaz.extract.in_text import _item_page

    assert not _item_page("https://github.com/duecredit/duecredit") and not _item_page("https://www.force11.org/group/software-citation-workinggroup")
    assert not _item_page("http://cran.r-project.org/web/packages/taxize/index.html")
    assert _item_page("https://github.com/rust-lang/cargo/pull/4953") and _item_page("https://en.wikipedia.org/wiki/XUnit")
    assert _item_page("http://www.gnu.org/philosophy/words-to-avoid.html") and _item_page("https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2019-16760")
    # the PeerJ paper (a reference list of 50 works): its project links are no works, its item links are
    _, refs, _, _, _ = _found("dev4_peerj_software_citation_principles.txt")
    texts = {r.text for r in refs}
    assert "https://github.com/duecredit/duecredit" not in texts
    assert "http://www.gnu.org/philosophy/words-to-avoid.html#Commercial" in texts


def test_an_invitation_to_a_sites_home_page_is_no_cited_work_but_a_document_found_there_is():
    from bibkaz.extract.in_text import _labelled_contact

    assert _labelled_contact("visit \u200bwww.cio.gov", "www.cio.gov")
    assert _labelled_contact("available at no charge on the GAO Web site at http://www.gao.gov.", "http://www.gao.gov")
    assert not _labelled_contact("FAA’s Flight Plan can be found online at http://www.faa.gov.", "http://www.faa.gov")
    assert not _labelled_contact("visit http://x.org/report.pdf for the data", "http://x.org/report.pdf")


def test_a_link_to_a_person_or_an_organisations_board_is_no_work_but_a_page_under_about_may_be():
    paras = paragraphs(["She joined [FSF's Board of Directors](https://www.fsf.org/about/staff-and-board) and",
                        "met [Christopher Trudeau](http://www.cooley.edu/faculty/trudeau.html), then read",
                        "[Energy Star](https://www.energystar.gov/about/federal-tax-credits) on credits."])
    assert [h.url for h in find_hyperlinks(paras)] == ["https://www.energystar.gov/about/federal-tax-credits"]


def test_a_doi_set_as_a_markdown_links_words_ends_where_the_words_do():
    # a USGS report's page built into Markdown (pandoc, Word): "[10.3133/sir20195031](https://dx.doi.org/…)"
    from bibkaz.parse.normalise.identifiers import clean_doi

    assert clean_doi("[10.3133/sir20195031](https://dx.doi.org/10.3133/sir20195031).") == "10.3133/sir20195031"
    assert clean_doi("doi:10.1000/a(b)c.") == "10.1000/a(b)c"  # a bracket inside a DOI stays


def test_a_doi_behind_words_that_cite_it_is_the_linked_words_work():
    # A reading list: "+ [Moen (1997)](https://doi.org/10.1086/262077) – annotation". The DOI in the
    # link's address is not a bare DOI of its own: the words name the work's authors and year.
    name = "dev49_michaillat_economic_slack_course.md"
    _, refs, _, _, _ = _found(name)
    gold = json.loads((DEV / name.replace(".md", ".gold.json")).read_text())
    moen = next(w for w in gold["works"] if w["doi"] == "10.1086/262077")
    carrying = [r for r in refs if "10.1086/262077" in r.text]
    assert len(carrying) == 1
    assert carrying[0].kind == "inline-link" and carrying[0].text.startswith("Moen (1997) <")
    assert moen["authors"] == ["Moen"] and moen["year"] == "1997"


def test_a_short_doi_names_a_work():
    # The Open Science Training Handbook cites by shortDOI links: "[Barnes, 2010](https://doi.org/10/cj8t6n)".
    from bibkaz.extract.inline_links import names_a_work
    assert names_a_work("https://doi.org/10/cj8t6n") and names_a_work("doi.org/10/gc5sjd")
    assert not names_a_work("https://doi.org/DOIunavailable")
    _, refs, _, _, _ = _found("dev55_osth_open_research_software.md")
    assert any(r.text == "Barnes, 2010 <https://doi.org/10/cj8t6n>" for r in refs)
