"""Issue 14, item 2: Word .docx files read with their notes, links, headings and lists.

The files are written part by part as Word writes them (tests/laid_out/make_docx.py),
then read through ``bibkaz extract`` like any user's file.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read import read_document
from tests.laid_out.make_docx import endnote_call, footnote_call, link, paragraph, run, write_docx

NOTE_1 = "Ana Torres, Rivers and Dams (Lisbon: Tejo Press, 2019), 45."
NOTE_2 = "Wei Chen, \u201cFlood Maps,\u201d Journal of Hydrology 12, no. 3 (2021): 201-219."
END_1 = "World Bank, Water Report 2020 (Washington, DC: World Bank, 2020)."


def brief(tmp_path):
    body = [
        paragraph(run("A Brief on Rivers"), style="Heading1"),
        paragraph(run("Dams change rivers."), footnote_call(2), run(" Floods are mapped."), footnote_call(3),
                  run(" Water is scarce."), endnote_call(1)),
        paragraph(run("See the "), link("flood portal", "rIdLink1"), run(" for maps.")),
        paragraph(run("Findings"), style="Heading2"),
        paragraph(run("First finding"), numbered=True),
        paragraph(run("Second finding"), numbered=True),
        paragraph(run("Nguyen, T. (2019). Rivers of Asia. Hanoi: Red River Press."), style="Bibliography"),
    ]
    return write_docx(tmp_path / "brief.docx", body, footnotes={2: NOTE_1, 3: NOTE_2}, endnotes={1: END_1},
                      links={"rIdLink1": "https://floods.example.org/maps"},
                      footnote_links={3: (" Online.", "rIdN1")},
                      footnote_rels={"rIdN1": "https://doi.org/10.1000/flood.2021"})


def test_notes_are_linked_to_their_calls_by_id_and_listed_under_notes(tmp_path):
    text = read_document(brief(tmp_path)).text
    assert "Dams change rivers.¹ Floods are mapped.² Water is scarce.³" in text
    notes = text.split("## Notes\n\n", 1)[1].splitlines()
    assert notes[0] == "1 " + NOTE_1
    assert notes[1].startswith("2 " + NOTE_2) and "https://doi.org/10.1000/flood.2021" in notes[1]
    assert notes[2] == "3 " + END_1  # the endnote numbered after the footnotes


def test_links_headings_lists_and_bibliography_style(tmp_path):
    text = read_document(brief(tmp_path)).text
    # in running text a link is written as Markdown writes it; in notes (above) its address follows its words
    assert "See the [flood portal](https://floods.example.org/maps) for maps." in text
    assert "## A Brief on Rivers" in text and "### Findings" in text
    assert "1. First finding" in text and "2. Second finding" in text
    assert "## References\n\nNguyen, T. (2019)" in text


def test_extract_finds_the_works_of_the_notes(tmp_path):
    brief(tmp_path)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "brief.docx"), "-o", str(tmp_path / "out.bib"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    works = json.loads(out.read_text())["works"]
    titles = " | ".join(w["csl"].get("title", "") for w in works)
    assert "Rivers and Dams" in titles and "Flood Maps" in titles and "Rivers of Asia" in titles
    flood = next(w for w in works if "Flood Maps" in w["csl"].get("title", ""))
    assert flood.get("citations"), "the call ² is linked to note 2"


def test_bad_word_files_get_one_line_and_the_others_go_on(tmp_path):
    brief(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "out.bib"), "--json", str(out)])
    lines = [line for line in result.output.splitlines() if "broken.docx" in line or "locked.docx" in line]
    assert len(lines) == 2 and "Traceback" not in result.output
    assert any("damaged" in line for line in lines) and any("encrypted" in line for line in lines)
    assert "Rivers and Dams" in out.read_text()


def test_a_wikis_edit_links_are_controls_not_text_or_sources(tmp_path):
    # a wiki page converted to Word keeps "[edit]" after each heading and the "e" (edit) link over
    # each navigation box: the heading is still the notes' heading, the control's address no source
    body = [
        paragraph(run("Notes["), link("edit", "rIdE"), run("]"), style="Heading2"),
        paragraph(run("v \u2022 t \u2022 "), link("e", "rIdNav"), run(" Rivers of Somalia")),
    ]
    write_docx(tmp_path / "wiki.docx", body, footnotes={}, endnotes={},
               links={"rIdE": "https://en.wikipedia.org/w/index.php?title=Rivers&action=edit&section=3",
                      "rIdNav": "https://en.wikipedia.org/w/index.php?title=Template:Rivers_of_Somalia&action=edit"})
    text = read_document(tmp_path / "wiki.docx").text
    assert "### Notes\n" in text and "[edit]" not in text
    assert "v \u2022 t \u2022 e Rivers of Somalia" in text and "action=edit" not in text


def test_a_whole_wikipedia_page_in_word_gives_its_short_notes_as_notes_not_works(tmp_path):
    # tests/laid_out/wiki_material_handling.docx: pandoc's Word file of the saved page (make_wiki.py).
    # Its "Notes[edit]" heading once hid the notes, and eight short notes ("Chu, 1995, pp. 3311-3312.")
    # became works of their own beside the five sources they point to.
    from pathlib import Path

    docx = Path(__file__).parent / "laid_out" / "wiki_material_handling.docx"
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(docx), "-o", str(tmp_path / "out.bib"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    works = json.loads(out.read_text())["works"]
    texts = [r["text"] for w in works for r in w["references"]]
    assert not [t for t in texts if t.startswith(("Chu, 1995", "Kay, 2012", "Kulweic, 1985"))]
    assert any(t.startswith("Chu, H.K., Egbelu") for t in texts)


def test_bulleted_entries_keep_their_addresses_and_a_menus_links_stay_markdown_links(tmp_path):
    # a post's resource list made a Word file (digital.gov): "• 19 Tools for mobile testing – article …";
    # a heading "Resources" is no sources heading, so running text under it keeps Markdown links
    body = [
        paragraph(run("Testing Resources"), style="Heading2"),
        paragraph(run("This article is part of the "), link("Mobile Program", "rIdP"), run(".")),
        paragraph(link("19 Tools for mobile testing", "rIdT"), run(" \u2013 article containing tools for mobile testing"),
                  bulleted=True),
        paragraph(link("Home", "rIdH"), bulleted=True),
        paragraph(run("Use tools that help identify "), link("power dynamics", "rIdS"), run(" on your project, such as"
                  " those relating to age."), bulleted=True),
        paragraph(run("The "), link("targets", "rIdG"), run(" package"), style="Heading2"),
    ]
    write_docx(tmp_path / "post.docx", body, footnotes={}, endnotes={},
               links={"rIdP": "https://digital.example.gov/program/", "rIdT": "https://www.example.com/19-tools",
                      "rIdH": "https://digital.example.gov/", "rIdS": "https://guides.example.gov/share-power/",
                      "rIdG": "https://docs.example.org/targets/"})
    lines = read_document(tmp_path / "post.docx").text.splitlines()
    assert "This article is part of the [Mobile Program](https://digital.example.gov/program/)." in lines
    # an entry is written as a line of a reference list and an item of links alone as its links, as
    # the HTML reader writes them: bulleted, a wiki's "External links" were read as cited works
    assert "19 Tools for mobile testing <https://www.example.com/19-tools> \u2013 article containing tools for " \
           "mobile testing" in lines
    assert "[Home](https://digital.example.gov/)" in lines
    # a sentence with a link in it is running text, not an entry (18F's "Back to basics" post)
    assert "• Use tools that help identify [power dynamics](https://guides.example.gov/share-power/) on your " \
           "project, such as those relating to age." in lines
    # a link in a heading is written out like any other, with no mark of the reader's left in it
    assert "### The [targets](https://docs.example.org/targets/) package" in lines
    assert not any(ch in line for line in lines for ch in "\ue002\ue003\ue004")


def test_a_wikis_external_links_in_word_are_no_works_and_its_entries_read_as_the_page_gives_them(tmp_path):
    # pandoc's Word file of a Wikipedia page bullets "External links" ("• [MEGA Software](https://…)")
    # and its reference entries; the saved page, read by the HTML reader, writes the first as links and
    # the second as reference lines, and so does the Word reader now (eight works the page had not)
    body = [
        paragraph(run("References"), style="Heading2"),
        paragraph(run("Hillis, D. M. (1987). \u201cMolecular versus morphological approaches to systematics\u201d. "
                      "Annual Review of Ecology and Systematics 18: 23\u201342. "), link("doi", "rIdD"), bulleted=True),
        paragraph(run("External links"), style="Heading2"),
        paragraph(link("MEGA Software", "rIdM"), bulleted=True),
        paragraph(link("NCBI \u2013 Systematics and Molecular Phylogenetics", "rIdN"), bulleted=True),
    ]
    write_docx(tmp_path / "wiki.docx", body, footnotes={}, endnotes={},
               links={"rIdD": "https://doi.org/10.1146/annurev.es.18.110187.000323",
                      "rIdM": "https://www.megasoftware.net/", "rIdN": "https://www.ncbi.nlm.nih.gov/"})
    lines = read_document(tmp_path / "wiki.docx").text.splitlines()
    assert "[MEGA Software](https://www.megasoftware.net/)" in lines
    assert any(line.startswith("Hillis, D. M. (1987)") and line.endswith("doi <https://doi.org/10.1146/annurev.es.18."
                                                                          "110187.000323>") for line in lines)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "wiki.docx"), "-o", str(tmp_path / "out.bib"),
                                       "--json", str(out)])
    assert result.exit_code == 0, result.output
    texts = [r["text"] for w in json.loads(out.read_text())["works"] for r in w["references"]]
    assert any(t.startswith("Hillis") for t in texts)
    assert not [t for t in texts if "MEGA" in t or "NCBI" in t]


def test_a_notes_back_links_to_its_calls_are_no_words_of_the_note(tmp_path):
    # a Wikipedia page made a Word file by pandoc: each reference opens with its way back to its
    # calls, a link to a place in the document ("^", or "^ a b" with "a", "b" linked for two calls)
    def back(words, anchor):
        return f'<w:hyperlink w:anchor="{anchor}">{run(words)}</w:hyperlink>'

    body = [
        paragraph(run("References"), style="Heading2"),
        paragraph(back("^", "cite_ref-1"), run(" Frankel, Theodore (2004). The Geometry of Physics. Cambridge "
                                               "University Press."), numbered=True),
        paragraph(run("^ "), back("a", "cite_ref-2a"), run(" "), back("b", "cite_ref-2b"),
                  run(" Horn, Roger A.; Johnson, Charles R. (2013). Matrix Analysis."), numbered=True),
        paragraph(run("A sentence that links "), back("a", "sec-2"), run(" section.")),
    ]
    write_docx(tmp_path / "wiki.docx", body, footnotes={}, endnotes={}, links={})
    lines = read_document(tmp_path / "wiki.docx").text.splitlines()
    assert "1. Frankel, Theodore (2004). The Geometry of Physics. Cambridge University Press." in lines
    assert "2. Horn, Roger A.; Johnson, Charles R. (2013). Matrix Analysis." in lines
    assert "A sentence that links a section." in lines


def _table(*rows: str) -> str:
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def _row(*cells: str, header: bool = False) -> str:
    props = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{props}{''.join(f'<w:tc>{cell}</w:tc>' for cell in cells)}</w:tr>"


def test_a_table_of_plain_cells_is_a_markdown_table_and_a_nested_table_is_read_once(tmp_path):
    # pandoc's Word file of a USGS report's table of input grids: its rows, cells run together with
    # " | ", named authors and a year and were read as references; then a wiki's navigation box, a
    # table in a table's cell, whose inner rows were read twice (with the outer row and on their own)
    body = [
        _table(_row(paragraph(run("Data or input type")), paragraph(run("Units")), paragraph(run("Source")), header=True),
               _row(paragraph(run("Land use")), paragraph(run("--")),
                    paragraph(run("National Land Cover Database (Homer and others, 2015)."))),
               _row(paragraph(run("Soil hydrologic group")), paragraph(run("--")),
                    paragraph(run("SSURGO or gSSURGO (Soil Survey Staff, 2015).")))),
        paragraph(run("After the table.")),
        _table(_row(paragraph(run("Ecology")) + _table(_row(paragraph(run("General")),
                                                            paragraph(run("Abiotic component")))))),
    ]
    write_docx(tmp_path / "report.docx", body, footnotes={}, endnotes={}, links={})
    lines = read_document(tmp_path / "report.docx").text.splitlines()
    assert lines[lines.index("| Data or input type | Units | Source |"):][:5] == [
        "| Data or input type | Units | Source |", "|---|---|---|",
        "| Land use | -- | National Land Cover Database (Homer and others, 2015). |",
        "| Soil hydrologic group | -- | SSURGO or gSSURGO (Soil Survey Staff, 2015). |", ""]
    assert sum("Abiotic component" in line for line in lines) == 1
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "report.docx"), "-o", str(tmp_path / "out.bib"),
                                       "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert not [w for w in json.loads(out.read_text())["works"] if "SSURGO" in json.dumps(w) or "Land use" in json.dumps(w)]


def test_links_to_the_sites_own_pages_stay_in_notes_and_bulleted_items_as_the_html_reader_has_them(tmp_path):
    # an rOpenSci post made a Word file by pandoc: its notes and its "Resources" list link the blog's
    # own posts ("/blog/…"), which the gold counts as works; in running text such a link is the
    # site's cross-reference, and a list item of it alone (a wiki's "See also") names a page
    body = [
        paragraph(run("Contributions take time"), footnote_call(2), run("; see "), link("Help Wanted", "rIdR"), run(".")),
        paragraph(run("Resources"), style="Heading2"),
        paragraph(run("Blog: "), link("What Does It Mean to Maintain a Package?", "rIdB"), bulleted=True),
        paragraph(link("Biomanipulation", "rIdW"), bulleted=True),
    ]
    write_docx(tmp_path / "post.docx", body, footnotes={2: "See blog posts "}, endnotes={},
               links={"rIdR": "/help-wanted/", "rIdB": "/blog/2023/02/07/maintain/", "rIdW": "/wiki/Biomanipulation"},
               footnote_links={2: ("Attract Contributors with 'help wanted' Issues", "rIdN")},
               footnote_rels={"rIdN": "/blog/2023/09/19/help-wanted/"})
    lines = read_document(tmp_path / "post.docx").text.splitlines()
    assert "Contributions take time¹; see Help Wanted." in lines
    assert "• Blog: [What Does It Mean to Maintain a Package?](/blog/2023/02/07/maintain/)" in lines
    assert "• Biomanipulation" in lines
    assert "1 See blog posts [Attract Contributors with 'help wanted' Issues](/blog/2023/09/19/help-wanted/)" in lines


def test_a_wikis_maintenance_tag_makes_no_entry_of_a_link(tmp_path):
    # pandoc's Word file of a Wikipedia page keeps "[permanent dead link]" (a link to the wiki's own
    # page) after an external link; the saved page prints it in no copy ("noprint"), so the item is
    # its link alone there, and was read here as an entry whose address was a cited work
    body = [
        paragraph(run("External links"), style="Heading2"),
        paragraph(link("Water Resources eAtlas map", "rIdA"), run("["), link("permanent dead link", "rIdR"), run("]"),
                  bulleted=True),
    ]
    write_docx(tmp_path / "wiki.docx", body, footnotes={}, endnotes={},
               links={"rIdA": "http://atlas.example.org/af24.html", "rIdR": "/wiki/Wikipedia:Link_rot"})
    lines = read_document(tmp_path / "wiki.docx").text.splitlines()
    assert "[Water Resources eAtlas map](http://atlas.example.org/af24.html)[permanent dead link]" in lines


def test_a_table_row_is_no_list_item_though_its_cell_opens_with_one(tmp_path):
    # a Wikipedia navigation box made a Word file: its title row's first cell is the list "v", "t", "e"
    # (links to the box's template), then the title; bulleted, the row was read as a cited work
    title = paragraph(link("v", "rIdV"), bulleted=True) + paragraph(run("t"), bulleted=True) + \
        paragraph(run("e"), bulleted=True)
    body = [_table(_row(title, paragraph(run("Ecology: Modelling ecosystems: Trophic components"))
                        + _table(_row(paragraph(run("General")), paragraph(run("Abiotic component"))))))]
    write_docx(tmp_path / "wiki.docx", body, footnotes={}, endnotes={}, links={"rIdV": "/wiki/Template:Ecosystems"})
    lines = read_document(tmp_path / "wiki.docx").text.splitlines()
    assert lines[0].startswith("v • t • e | Ecology: Modelling ecosystems: Trophic components")


def _italic(text: str) -> str:
    from xml.sax.saxutils import escape

    return f'<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def test_a_list_items_italics_are_markdown_stars_as_the_html_reader_writes_them(tmp_path):
    # Software Carpentry's post on a special issue (CC BY 4.0) made a Word file by pandoc: each paper a
    # bulleted item, its title in italics (<em> in the page). The page's reader writes an item's <em> as
    # stars and found all seven papers; the Word file's italics were dropped and it found none.
    body = [
        paragraph(run("We'd like to thank everyone who contributed:")),
        paragraph(_italic("Mutation Sensitivity "), _italic("Testing"), run(", by Daniel Hook (Engineering Seismology "
                  "Group Solutions) and Diane Kelly (Royal Military College of Canada)"), bulleted=True),
        paragraph(_italic("Automated Software Testing for MATLAB"), run(", by Steve Eddins (The MathWorks)"),
                  bulleted=True),
        paragraph(run("A special issue of "), _italic("Computing in Science & Engineering"), run(" is now out.")),
    ]
    write_docx(tmp_path / "post.docx", body, footnotes={}, endnotes={}, links={})
    lines = read_document(tmp_path / "post.docx").text.splitlines()
    # runs set one after the other are one stretch of italics; spaces stay outside the stars
    assert ("• *Mutation Sensitivity Testing*, by Daniel Hook (Engineering Seismology Group Solutions) and Diane "
            "Kelly (Royal Military College of Canada)") in lines
    assert "• *Automated Software Testing for MATLAB*, by Steve Eddins (The MathWorks)" in lines
    # in running text italics are their words, as the HTML reader writes a paragraph's <em>
    assert "A special issue of Computing in Science & Engineering is now out." in lines
    assert not any(ch in line for line in lines for ch in "\ue005\ue006")
