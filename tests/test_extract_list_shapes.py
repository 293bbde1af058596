"""List shapes the finder reads a line at a time and misses, set right by the zones' passes.

Each test runs the whole extract stage on a real document of the development corpus (or a
short excerpt of one, quoted) and checks what a user gets: which lines are references, with
which words, and which are not.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.report_citations import find_report_citations
from bibkaz.extract.text import paragraphs
from bibkaz.pipeline import extract_document
from bibkaz.read import read_document

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def _references(name: str):
    extracted, _ = extract_document(DEV / name)
    return extracted.references


def test_a_lettered_list_of_dated_studies_is_a_reference_list_without_its_letters():
    # GAO-07-283, Appendix II: "(a) L.F. Ivanhoe. “ Updated Hubbert Curves …” World Oil. … (1996)" … "(v)"
    refs = {r.line: r for r in _references("dev15_gao_07_283_peak_oil.txt") if r.kind == "reference-list"}
    assert refs[2701].text.startswith("L.F. Ivanhoe.") and refs[2701].end_line == 2702
    assert refs[2777].text.startswith("M.A. Adelman and Michael C. Lynch.")
    assert sum(1 for line in refs if 2700 <= line <= 2780) == 22


def test_a_panel_of_experts_in_bullets_is_no_reference_list():
    # "•   Stephen Brown, Director of Energy Economics …, Federal Reserve Bank of Dallas": no year,
    # link, quoted title or byline, in a list the finder read mostly as text
    lines = {r.line for r in _references("dev15_gao_07_283_peak_oil.txt")}
    assert not lines & set(range(2645, 2690))


def test_keyed_references_of_a_standard_are_entries_without_their_keys():
    # NIST FIPS 201-3, Appendix D: "[[A-130]](references.md#ref-A-130){:name="ref-A-130"} Office of …"
    refs = {r.line: r for r in _references("dev15_nist_fips201_references.md") if r.kind == "reference-list"}
    assert refs[15].text.startswith("Office of Management and Budget (2016) *Managing Information")
    assert refs[251].text.startswith("Cerf VG (1969)")


def test_the_links_of_a_post_still_cite_beside_a_further_reading_list():
    # an 18F post: its sources are linked words; its "## Further reading" list is what to read next
    refs = _references("dev12_18f_open_source_acquisition.md")
    urls = " ".join(r.text for r in refs if r.kind == "inline-link")
    assert "https://en.wikipedia.org/wiki/Multitier_architecture" in urls
    assert any(r.kind == "reference-list" and r.line == 324 for r in refs)  # the list is still read


def test_wikipedia_explanatory_notes_are_no_references_and_short_notes_point_into_the_bibliography():
    # "Notes[edit]" asides ("^ Graphite is strongly anisotropic.") above "References[edit]"
    refs = _references("dev16_wiki_resistivity.txt")
    assert not [r for r in refs if 378 <= r.line <= 392]
    assert any(r.line == 394 and r.text.startswith("Lowrie, William (2007)") for r in refs)
    # "^ Beaumont (2006), p. 1": a short note with its year in brackets, not a work of its own
    extracted, _ = extract_document(DEV / "dev16_wiki_shafts.txt")
    assert not [r for r in extracted.references if r.text.startswith(("Beaumont (2006)", "Youngkin (2007)"))]
    assert any(r.text.startswith("Beaumont, Matthew (2006)") for r in extracted.references)


def test_a_converted_pages_links_to_itself_are_in_page_and_its_table_of_notes_is_notes():
    # EveryCRSReport Markdown: "* [Introduction](https://www.everycrsreport.com/files/…html#_Toc240460798)",
    # calls "…Labonte[3](https://…html#fn3)", notes "| [1](https://…html#ifn1). | As explained … |"
    name = "dev17_crs_r41759_shutdown_resources.md"
    lines = read_document(DEV / name).lines
    assert lines[25] == "* [Introduction](#_Toc240460798)"
    assert lines[118].endswith("by Lida R. Weinstock and Marc Labonte³")
    assert lines[414].startswith("1. As explained in other CRS reports")
    refs = _references(name)
    assert not [r for r in refs if 20 <= r.line <= 50]  # the contents list


def test_a_bulleted_list_of_products_read_as_text_ends_each_title_at_the_next_bullet():
    # CRS R48907, "Appendix B. Additional CRS Resources" (public domain), as pdftotext -layout gives it
    text = [
        "    •    CRS In Focus IF11886, Veteran Suicide Prevention",
        "    •    CRS Report R46813, Department of Veterans Affairs: Burial Benefits and the",
        "         National Cemetery Administration",
        "    •    CRS Report R40757, Veterans’ Benefits: Dependency and Indemnity",
        "         Compensation (DIC) for Survivors",
    ]
    found = find_report_citations(paragraphs(text, set(range(1, len(text) + 1))))
    assert [c.text for c in found] == [
        "CRS In Focus IF11886, Veteran Suicide Prevention.",
        "CRS Report R46813, Department of Veterans Affairs: Burial Benefits and the National Cemetery Administration.",
        "CRS Report R40757, Veterans’ Benefits: Dependency and Indemnity Compensation (DIC) for Survivors.",
    ]


def test_a_version_history_is_no_list_and_the_pages_links_then_cite():
    # congress.gov's page of CRS IF10753: "- [April 23, 2026 (IF10753 - Version: 7)](…/IF10753.7.pdf)" …
    refs = _references("dev18_crs_if10753_energy_star.md")
    assert not [r for r in refs if 28 <= r.line <= 34]
    assert any("Annual%20Overview%20Report_2023.pdf" in r.text for r in refs if r.kind == "inline-link")


def test_a_post_with_a_few_footnotes_still_cites_by_its_links():
    # a Julia essay: five named footnotes (two cite) beside some sixty links
    refs = _references("dev18_julia_ml_pl.md")
    assert sum(1 for r in refs if r.kind == "inline-link") >= 20


def test_bulleted_memoranda_with_italic_titles_and_dates_are_entries():
    # CRS R41759: "* OMB Memorandum M-95-18, *Agency Plans for Operations During Funding Hiatus*, August 22, 1995 (…)"
    lines = {r.line for r in _references("dev17_crs_r41759_shutdown_resources.md") if r.kind == "reference-list"}
    assert {246, 247, 248, 249, 250, 251, 252} <= lines


def test_one_reference_a_line_with_no_bullet_is_a_reference_list():
    # Software Carpentry's 2016 lesson releases: '<li>Daisie Huang and Ivan Gonzalez (eds): "Software Carpentry:
    # Version Control with Git." Version 2016.06, June 2016, https://…</li>', one a line, read as text before
    refs = [r for r in _references("dev4_swc_publishing_lessons_2016.html") if 20 <= r.line <= 50]
    assert [r.kind for r in refs] == ["reference-list"] * 12
    assert refs[0].text.startswith("Daisie Huang and Ivan Gonzalez (eds):")


def test_no_call_is_numbered_zero():
    # a Wikipedia page copied from a browser: "0" glued to a word or in brackets counts something
    extracted, _ = extract_document(DEV / "web2_wiki_watershed_management.txt")
    assert not [m for m in extracted.mentions if m.marker.strip("[]") in ("0", "⁰")]


def test_a_bill_a_justice_or_a_press_with_a_year_is_no_author_date_citation():
    # CRS reports: "S. 1761", "Justice Antonin Scalia (2016)"; a note's "(MIT Press, 2018)"
    from bibkaz.extract.author_date import find_author_date
    text = ["Senator Ernst offered S. 1761, and after Justice Antonin Scalia (2016) died,",
            "Clark (MIT Press 2018) and Lee (2019) wrote."]
    found = find_author_date(paragraphs(text, {1, 2}))
    assert [(c.names, c.year) for c in found] == [(("Lee",), "2019")]


def test_a_running_footer_inside_a_bibliography_is_no_entry_and_authors_go_on_to_their_title():
    # GAO-26-107951 as Markdown: "Page 15 GAO-26-107951 Health Professionals’ Mental Health" falls
    # between two entries; "Carim, C. A., … and P. M. Miller." and "Crowe, … and J." are set on a
    # line of their own above their titles
    refs = [r for r in _references("dev20_gao_26_107951_health_worker_mental_health.md") if r.kind == "reference-list"]
    assert not [r for r in refs if r.text.startswith("Page ")]
    carim = next(r for r in refs if r.text.startswith("Carim, C. A."))
    assert "Substance Use Among Physician Assistant Students" in carim.text and carim.end_line == 898
    crowe = next(r for r in refs if r.text.startswith("Crowe, H. M."))
    assert "Rich-Edwards" in crowe.text and "Bidirectional Analysis" in crowe.text


def test_raw_html_around_a_rendered_reference_list_is_no_entry():
    # pandoc's rendered list kept in a Markdown page: '<div id="ref-bryan_happy_2019">' above each entry
    refs = _references("dev21_inbo_computing_literature.md")
    assert not [r for r in refs if r.text.lstrip().startswith("<")]
    assert any(r.text.startswith("Bryan") for r in refs)


def test_a_bulleted_timeline_is_neither_notes_nor_entries():
    # a wiki's "• 1660: Hooke's law by Robert Hooke" … items, some of which the finder read as notes
    refs = _references("dev17_wiki_structural_engineering.txt")
    assert not [r for r in refs if 105 <= r.line <= 130]
