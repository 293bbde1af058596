"""A web page's <meta> tags handed on as a Markdown page's front matter (bibkaz/read/html.py)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read.html import html_to_text

# as pandoc writes a standalone page of an rOpenSci post (its authors and date as <meta> tags)
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="author" content="Yanina Bellini Saibene"><meta name="author" content="Pao Corrales">
<meta name="author" content="Elio Campitelli"><meta name="dcterms.date" content="2023-01-12">
<title>Expanding our Community through Multilingual Publishing</title></head><body>
<h1>Expanding our Community through Multilingual Publishing</h1>
<p>We have begun translating our guides into Spanish, as <a href="https://ropensci.org/blog/2021/10/14/">an
earlier post</a> announced.</p></body></html>"""


def test_meta_authors_are_front_matter_list_items_as_markdown_writes_them():
    text = html_to_text(PAGE)
    assert text.startswith("---\nauthor:\n  - Yanina Bellini Saibene\n  - Pao Corrales\n  - Elio Campitelli\n"
                           "dcterms.date: \"2023-01-12\"\n---\n\n")
    # a value YAML would misread stays quoted
    odd = html_to_text(PAGE.replace('content="Pao Corrales"', 'content="Corrales: Pao"'))
    assert '  - "Corrales: Pao"' in odd


def test_meta_authors_are_no_cited_works(tmp_path):
    page = tmp_path / "post.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(tmp_path / "out.bib"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    texts = [r["text"] for w in json.loads(out.read_text())["works"] for r in w["references"]]
    assert not [t for t in texts if "Corrales" in t or "Campitelli" in t or "Saibene" in t]
