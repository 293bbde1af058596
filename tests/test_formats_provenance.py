"""Issue 14: each reference and citation found in a PDF keeps its page (provenance page:line).

The library JSON gives "page" beside "line" (only for documents with pages), a
library read back and written again keeps it, and warnings and ``--explain``
name the page ("brief.pdf: p. 2, line 29: …"). The PDF is drawn by reportlab
(tests/laid_out/make_pdf.py) and read through PDFium.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats import library_json
from bibkaz.model import Document, Problem
from bibkaz.pipeline import located
from tests.laid_out.make_pdf import Page, write_pdf
from tests.test_read_pdf import brief_pages


def _twice_cited(tmp_path):
    """The brief, its third note citing the first note's book again (page 2)."""
    pages = brief_pages()
    pages[1] = Page(pages[1].columns, notes=["3 Ana Torres, Rivers and Dams (Lisbon: Tejo Press, 2019), 50."])
    return write_pdf(tmp_path / "brief.pdf", pages)


def test_the_library_json_gives_each_reference_and_citation_its_page(tmp_path):
    pdf = _twice_cited(tmp_path)
    (tmp_path / "post.md").write_text("A claim [1].\n\n## References\n\n1. Wei Chen. Flood Maps. 2021.\n")
    out = tmp_path / "lib.json"
    result = CliRunner().invoke(main, ["extract", str(pdf), str(tmp_path / "post.md"), "-o", str(tmp_path / "o.bib"),
                                       "--json", str(out), "-q", "--explain"])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    data = json.loads(text)
    refs = [r for w in data["works"] for r in w["references"]]
    cites = [c for w in data["works"] for c in w["citations"]]
    pdf_refs = sorted((r["label"], r["page"]) for r in refs if r["document"] == "brief")
    assert pdf_refs == [("1", 1), ("2", 1), ("3", 2)]
    assert sorted(c["page"] for c in cites if c["document"] == "brief") == [1, 1, 2]
    # "page" stands next to "line", and only where the document has pages
    assert '"line": 21,\n          "page": 1,' in text
    assert all("page" not in x for x in refs + cites if x["document"] == "post")
    # read back and written again: the pages stay
    assert library_json.dumps(library_json.loads(text)).count('"page"') == text.count('"page"')
    # --explain names the merged notes by page and line
    merged = [line for line in result.output.splitlines() if line.startswith("merged")]
    assert any("brief: p. 1, line" in line and "brief: p. 2, line" in line for line in merged), result.output


def test_warnings_name_the_page_of_a_pdf_and_only_the_line_elsewhere():
    paged = Document(id="brief", path="brief.pdf", text="a\nb\nc", pages=(1, 1, 2))
    plain = Document(id="post", path="post.md", text="a\nb\nc")
    assert located(Problem("brief.pdf", "reference looks malformed", 3), paged) == \
        "brief.pdf: p. 2, line 3: reference looks malformed"
    assert located(Problem("post.md", "reference looks malformed", 3), plain) == "post.md:3: reference looks malformed"
    assert located(Problem("brief.pdf", "no references found"), paged) == "brief.pdf: no references found"

