"""A Distill article's title and writers, held in its front-matter script block, reach the own
record as the page's ``citation_*`` metadata (bibkaz/read/html_front.py)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.metadata import find_metadata
from bibkaz.read.html import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "distill"


def _front(text: str) -> list[str]:
    lines = text.split("\n")
    return lines[: lines.index("---", 1) + 1]


def test_a_real_distill_pages_yaml_front_matter_is_its_metadata():
    # Distill template v1: "- Augustus Odena", "- Vincent Dumoulin: http://vdumoulin.github.io/"
    text = html_to_text((FIXTURES / "deconv_checkerboard.html").read_text(encoding="utf-8"))
    assert _front(text) == [
        "---",
        'citation_title: "Deconvolution and Checkerboard Artifacts"',
        "citation_author:",
        "  - Augustus Odena",
        "  - Vincent Dumoulin",
        "  - Chris Olah",
        "---",
    ]


def test_the_own_record_names_the_distill_pages_writers():
    text = html_to_text((FIXTURES / "deconv_checkerboard.html").read_text(encoding="utf-8"))
    meta = find_metadata(text.split("\n"))
    assert meta is not None
    assert [(a.given, a.family) for a in meta.authors] == [("Augustus", "Odena"), ("Vincent", "Dumoulin"),
                                                             ("Chris", "Olah")]
    assert meta.title == "Deconvolution and Checkerboard Artifacts"


def test_a_distill_v2_json_front_matter_gives_its_authors_and_other_json_does_not():
    # distillpub/post--research-debt public/index.html (CC-BY 4.0), its <d-front-matter> as written
    page = """<!DOCTYPE html><meta charset="utf-8">
<d-front-matter>
  <script type="text/json">{
    "title": "Research Debt",
    "description": "",
    "authors": [
      {"author": "Shan Carter", "authorURL": "http://shancarter.com", "affiliation": "Google Brain",
       "affiliationURL": "http://g.co/brain"},
      {"author": "Chris Olah", "authorURL": "http://colah.github.io", "affiliation": "Google Brain",
       "affiliationURL": "http://g.co/brain"}
    ]
  }</script>
</d-front-matter>
<script type="text/json">{"authors": ["Not A Writer"]}</script>
<d-article><h1>Research Debt</h1><p>Achieving a research-level understanding.</p></d-article>"""
    assert _front(html_to_text(page)) == ["---", 'citation_title: "Research Debt"', "citation_author:",
                                          "  - Shan Carter", "  - Chris Olah", "---"]


def test_meta_tags_the_page_states_win_over_its_front_matter():
    page = """<meta name="citation_author" content="Olah, Chris"><script type="text/front-matter">
  title: A Title
  authors:
  - name: Someone Else
    url: https://example.org
</script><p>Text.</p>"""
    assert _front(html_to_text(page)) == ["---", 'citation_author: "Olah, Chris"', 'citation_title: "A Title"', "---"]
