"""A reference's DOI linked to its resolver is written once (bibkaz/read/doi_links.py).

Real file: the authors' Word manuscript of "Ten quick tips for deep learning in biology" (dev part,
dev40_plos_deep_learning_tips_manuscript.docx, CC BY 4.0), whose Vancouver reference list links each
"doi:10.…" to https://doi.org/10.…, as Zotero writes it.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.read.docx import docx_to_text
from bibkaz.read.doi_links import shows_doi
from bibkaz.read.html import html_to_text

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def test_a_word_references_linked_doi_is_written_as_its_text_conversion_shows_it():
    path = DEV / "dev40_plos_deep_learning_tips_manuscript.docx"
    lines = docx_to_text(path.read_bytes(), str(path)).splitlines()
    entry = next(line for line in lines if "Microalgae Classification" in line)
    assert entry.endswith("(IEEE). 2017. doi:10.1109/icmla.2017.0-183")
    text = (DEV / "dev40_plos_deep_learning_tips_manuscript.txt").read_text(encoding="utf-8")
    assert entry.split(". ", 1)[1] in text


def test_a_pages_linked_doi_in_a_reference_gets_no_copy_of_its_address():
    page = ('<html><body><h2>References</h2><ol><li>Schwab M. Making scientific computations reproducible. '
            '<i>Comp Sci Eng</i> 2000;2(6):61–67, doi: <a href="http://dx.doi.org/10.1109/5992.881708">10.1109/5992.881708</a>'
            '</li></ol></body></html>')
    assert "doi: 10.1109/5992.881708\n" in html_to_text(page) + "\n"
    assert "<http" not in html_to_text(page)


def test_which_words_show_the_doi():
    assert shows_doi("doi:10.1109/ICMLA.2017.0-183", "https://doi.org/10.1109/icmla.2017.0-183")
    assert shows_doi("10.5281/zenodo.57467", "https://dx.doi.org/10.5281%2Fzenodo.57467")
    assert not shows_doi("the dataset", "https://doi.org/10.5281/zenodo.57467")
    assert not shows_doi("10.5281/zenodo.57467", "https://zenodo.org/record/57467")
