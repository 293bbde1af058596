"""The seventeenth session's own-record shapes (issue 17), each on the real document it was found on and on a
small text of the same shape: a line that reads as a name but is made of the document's ordinary words (a centred
title's second line, a diagram's label), and a journal's copyright line naming its publisher after the writers."""

from __future__ import annotations

from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.people import ordinary_words
from bibkaz.extract.metadata.site import site_line
from own_record_gold import DEV, dev_gold, families, gold_families, own_found


def _own(name: str):
    return own_found(DEV / name)


def test_a_centred_title_line_made_of_the_texts_words_is_the_titles_not_a_writer():
    # "Safety Under Scaffolding: How Evaluation Conditions" / "              Shape Measured Safety" /
    # "Dr. David Gringras": the second line reads as a name, but the paper writes "shape", "measured" and "safety"
    name = "dev50_gringras_safety_scaffolding_paper.txt"
    own = _own(name)
    gold = dev_gold(name)
    assert own.record.title == gold["title"]
    assert families(own.record) == gold_families(gold) == ["Gringras"]


def test_a_diagrams_label_is_no_writer_and_a_title_set_flush_does_not_run_on_into_it():
    # "EUDI Wallet Initialisation and Activation" / "Journey Steps" (both flush left): the label is no person, and
    # with no centring to carry the title on it stays out of the title too
    name = "dev32_eudi_arf_annex4_wallet_activation_journey.txt"
    own = _own(name)
    assert own.record.title == dev_gold(name)["title"]
    assert own.record.authors == ()


def test_ordinary_words_are_told_from_a_writers_names():
    text = "The scores were measured under a safety scaffold; the shape of each curve is shown. By David Gringras."
    assert ordinary_words("Shape Measured Safety", text)
    assert not ordinary_words("David Gringras", text)
    # a slug or an address holding the name in small letters is no ordinary use of its words
    assert not ordinary_words("Clara Tsao", "authors: clara-tsao\nmail clara.tsao@example.gov")
    assert not ordinary_words("Safety", text)  # one word is never asked


def test_a_journal_copyright_line_names_its_publisher_after_the_writers():
    # "Open Access. © 2025 the author(s), published by De Gruyter.    This work is licensed under the Creative"
    name = "dev30_rne_genai_copyright_primer.txt"
    own = _own(name)
    assert "De Gruyter" in (own.record.publisher, own.record.container_title)
    lines = ["", "  Open Access. © 2025 the author(s), published by De Gruyter.    This work is licensed under the", ""]
    found = site_line(lines)
    assert found is not None and found.value == "De Gruyter" and found.line == 2


def test_a_chapters_number_set_over_its_title_is_a_label_and_its_own_citation_names_year_and_press():
    # "Chapter 3" / "Code-switching" / "Hanna Lantto" … "Hanna Lantto. 2023. Code-switching. In Rik van Gijn, …
    # (eds.), Language contact: …, 49–81. Berlin: Language Science Press. DOI: …" at the first page's foot
    name = "dev59_langsci_contact_codeswitching.txt"
    own = _own(name)
    gold = dev_gold(name)
    assert own.record.title == gold["title"] == "Code-switching"
    assert own.record.date == gold["date"] == "2023"
    assert own.record.publisher == gold["publisher"] == "Language Science Press"
    # a heading printing the chapter's number and its title on one line keeps them (the bookdown chapter's gold)
    name = "dev31_worldbank_pip_lineup_estimates.html"
    assert _own(name).record.title == dev_gold(name)["title"]


def test_a_chapter_citation_broken_over_lines_is_read_as_a_paragraph():
    lines = ["Chapter 6", "Dialect areas and contact dialectology", "Ann Smith & Bo Berg", "", "Text of the chapter.",
             "", "Ann Smith & Bo Berg. 2023. Dialect areas and contact dialec-",
             "tology. In Rik van Gijn & Anja Hasse (eds.), Language contact: Bridging the gap, 135–177.",
             "Berlin: Language Science Press. DOI: 10.5281/zenodo.8269240", ""]
    own = find_own(lines)
    assert own is not None
    assert own.record.title == "Dialect areas and contact dialectology"
    assert own.record.date == "2023" and own.record.publisher == "Language Science Press"
    assert own.line_of("publisher") == 7


def test_affiliation_letters_glued_to_the_writers_names_are_marks():
    # "Péter Jeszenszkya , Anja Hasseb & Philipp Stöcklec" over "a University of Bern b University of Zurich c …"
    name = "dev59_langsci_contact_dialect_areas.txt"
    assert families(_own(name).record) == gold_families(dev_gold(name)) == ["Jeszenszky", "Hasse", "Stöckle"]
    # the same letters without an affiliation line opening with "a " are the names' own
    own = find_own(["A Study of Things", "", "Anna Silva, Tom Jacob", "", "Abstract", "", "Text."])
    assert own is not None and families(own.record) == ["Silva", "Jacob"]


def test_a_bylines_labels_set_over_their_values():
    # Our World in Data: "Authors" / "Max Roser" / "Mohamed Nagdy" / "Affiliations" / … / "Published" / "Fri Aug 02 2013"
    name = "dev58_owid_civil_wars_entry.html"
    own = _own(name)
    gold = dev_gold(name)
    assert families(own.record) == gold_families(gold) == ["Roser", "Nagdy"]
    assert own.record.date == gold["date"] == "2013-08-02"


def test_a_documentation_pages_contributors_are_its_writers():
    # RDMkit: "contributors: [Karel Berka , Erin Calhoun, Paulette Lieby, Anamika Chatterjee, Korbinian Bösl]"
    name = "dev61_rdmkit_ethics.md"
    assert families(_own(name).record) == gold_families(dev_gold(name))


def test_a_title_in_capitals_over_lines_closed_by_its_edition_and_a_labelled_update():
    # "DISCLOSURE AVOIDANCE SYSTEM" / "FOR THE 2010 DEMONSTRATION" / "DATA PRODUCTS:" / "DESIGN SPECIFICATION" /
    # "Version 1.4.1": a first line of three words in capitals is no label when the title goes on in capitals
    name = "dev64_census_das_2010ddp_design_spec.txt"
    assert _own(name).record.title.lower() == dev_gold(name)["title"].lower()
    # "Updated: June 12, 2024 for WRFV4.6" under a guide's title dates it when nothing else does
    name = "dev64_epa_pxlsm_acm2_wrf_guide.txt"
    own = _own(name)
    assert own.record.date == dev_gold(name)["date"] == "2024-06-12"
    assert (DEV / name).read_text(encoding="utf-8").splitlines()[own.line_of("date") - 1].startswith("Updated: June 12, 2024")


def test_a_title_block_line_reading_as_a_name_but_made_of_the_reports_words():
    # "Artificial Intelligence" / "and the Future of" / "Teaching and Learning" / "Insights and Recommendations" /
    # "May 2023": the first line reads as a name, but the report writes "artificial intelligence" throughout
    name = "dev54_ed_ai_teaching_learning.txt"
    assert _own(name).record.title == "Artificial Intelligence and the Future of Teaching and Learning Insights and Recommendations"


def test_a_name_hyphenated_with_the_unicode_hyphen_is_a_name():
    # journals' PDFs set the non-breaking hyphen (U+2011) in names: "Thuy‑vy Nguyen"
    from bibkaz.extract.metadata.people import is_person, name_list

    assert is_person("Thuy\u2011vy Nguyen")
    assert len(name_list("Netta Weinstein, Matti Vuorre, Mark Adams & Thuy\u2011vy Nguyen")) == 4


def test_a_letterhead_set_flush_right_is_neither_the_title_nor_the_publisher():
    # "AlgorithmWatch" / "Gesellschaft für Freiheitsrechte" / "Open Knowledge Foundation" / … set flush right over
    # "Stellungnahme zum Deutschland-Stack" / "28.11.2025" at the left: an alliance's members, printed on every page
    name = "dev57_f5_stellungnahme_deutschland_stack.txt"
    own = _own(name)
    assert own.record.title == dev_gold(name)["title"]
    assert own.record.publisher == ""  # gold names the alliance ("Bündnis F5"), which the pages print only as an address
    assert own.record.date == "2025-11-28"


def test_a_documentation_pages_heading_its_banner_and_a_wikis_strap():
    # "2. Framing the analysis — Open Nighttime Lights" / "Open Nighttime Lights" / "2. Framing the analysis¶": the
    # heading keeps the section number the title search took off; the banner is the site's, no writer
    name = "dev65_worldbank_onl_framing_the_analysis.html"
    own = _own(name)
    assert own.record.title == dev_gold(name)["title"]
    assert own.record.authors == ()
    assert own.record.container_title == ""  # "© Copyright 2020." names no holder
    # "Readability - Wikipedia, the free encyclopedia": the site is Wikipedia
    name = "dev67_wiki_readability_2016.html"
    own = _own(name)
    assert own.record.title == "Readability" and own.record.container_title == "Wikipedia"


def test_a_federal_register_head_set_as_paragraphs():
    # "12 CFR Part 1026" / "[Docket No. CFPB-2013-0009]" / "RIN 3170-AA37" / "Amendments to …" / "AGENCY:" /
    # "Bureau of Consumer Financial Protection." / "ACTION:", each a paragraph of its own
    name = "dev66_fr_cfpb_escrows_amendments_2013.txt"
    own = _own(name)
    gold = dev_gold(name)
    assert own.record.title == gold["title"]
    assert own.record.authors == ()
    assert own.record.publisher == "Bureau of Consumer Financial Protection"
