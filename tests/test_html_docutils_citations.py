"""A docutils page's citation list (Sphinx, Jupyter Book): "<dt>KEY</dt><dd>reference</dd>" read as one
keyed entry, and the text's "[KEY]" calls linked to it (a World Bank Jupyter Book page, CC BY 4.0)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bibkaz.pipeline import extract_document
from bibkaz.read.html_docutils import keyed_citations

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def test_a_citation_item_reads_as_its_key_and_reference_on_one_line():
    root = etree.HTML('<dl class="citation"><dt class="label" id="a"><span class="brackets">ESN+04</span>'
                      '<span class="fn-backref">(<a href="#1">1</a>,<a href="#2">2</a>)</span></dt>'
                      '<dd><p>Christopher D Elvidge. Area and positional accuracy. 2004.</p></dd></dl>')
    keyed_citations(root)
    assert " ".join("".join(root.itertext()).split()) == "[ESN+04] Christopher D Elvidge. Area and positional accuracy. 2004."


def test_a_jupyter_book_pages_calls_link_to_its_keyed_references():
    extraction, _ = extract_document(DEV / "dev65_worldbank_onl_nighttime_light_data.html")
    keyed = [r for r in extraction.references if r.text.startswith("Christopher D Elvidge, Jeffrey Safran")]
    assert len(keyed) == 1
    assert any(m.marker == "ESN+04" and m.reference is keyed[0] for m in extraction.mentions)
