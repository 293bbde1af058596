"""A Distill article's title and writers, held in its front-matter script block, reach the own
record as the page's ``citation_*`` metadata (bibkaz/read/html_front.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.extract.metadata import find_metadata
from bibkaz.read.html import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "distill"
#: The v2 page is kept once, in the own-record set (its source and licence recorded there).
RESEARCH_DEBT = Path(__file__).parent / "records" / "r9_distill_research_debt.html"


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


def test_a_real_distill_v2_pages_json_front_matter_and_inline_notes():
    # template v2: JSON in <d-front-matter>, notes as <d-footnote> where their calls stand
    text = html_to_text(RESEARCH_DEBT.read_text(encoding="utf-8"))
    assert _front(text) == ["---", 'citation_title: "Research Debt"', "citation_author:", "  - Chris Olah",
                            "  - Shan Carter", "---"]
    assert "build paths and staircases into these mountains.¹ The climb isn’t something to be proud of." in text
    notes = text.split("\nNotes\n\n", 1)[1].split("\n\n")
    assert notes[0] == "1. That is, really outstanding tutorials, reviews, textbooks, and so on."
    assert [n.split(".")[0] for n in notes] == [str(n) for n in range(1, 8)]


def test_json_outside_the_front_matter_names_no_writer():
    page = """<d-front-matter><script type="text/json">{"title": "Research Debt", "authors": [{"author": "Chris Olah",
    "authorURL": "http://colah.github.io", "affiliation": "Google Brain"}]}</script></d-front-matter>
    <script type="text/json">{"authors": ["Not A Writer"]}</script><d-article><p>Text.</p></d-article>"""
    assert _front(html_to_text(page)) == ["---", 'citation_title: "Research Debt"', 'citation_author: "Chris Olah"', "---"]


def test_meta_tags_the_page_states_win_over_its_front_matter():
    page = """<meta name="citation_author" content="Olah, Chris"><script type="text/front-matter">
  title: A Title
  authors:
  - name: Someone Else
    url: https://example.org
</script><p>Text.</p>"""
    assert _front(html_to_text(page)) == ["---", 'citation_author: "Olah, Chris"', 'citation_title: "A Title"', "---"]


def test_a_distill_pages_bibtex_bibliography_is_its_reference_list_and_its_keys_its_calls():
    # the v1 page's <dt-cite key="…"> and <script type="text/bibliography">, read as the browser shows them
    text = html_to_text((FIXTURES / "deconv_checkerboard.html").read_text(encoding="utf-8"))
    assert "Radford, et al., 2015 [1]" in text.split("\n")
    references = text.split("\nReferences\n\n", 1)[1].strip().split("\n\n")
    assert len(references) == 13
    assert references[2] == ("3. Donahue, J., Krähenbühl, P., Darrell, T. (2016). Adversarial Feature Learning. "
                             "arXiv preprint arXiv:1605.09782. https://arxiv.org/pdf/1605.09782.pdf")
    assert references[5].startswith("6. Shi, W., Caballero, J.") and "convolutional layer? arXiv" in references[5]


def test_extract_finds_a_distill_pages_works_each_with_its_citation(tmp_path):
    from click.testing import CliRunner

    from bibkaz.cli import main

    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "deconv_checkerboard.html"), "-q", "-o",
                                       str(tmp_path / "out.bib"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    works = [w for w in json.loads(out.read_text())["works"] if not w.get("document")]
    # the 13 entries of its bibliography, and 6 pages its words link (API documentation, encyclopaedia
    # articles, the residency programme its acknowledgements name; not the team's own page)
    assert len(works) == 19 and all(w["citations"] for w in works)


def test_keys_no_bibliography_defines_stay_words_and_a_page_without_one_is_unchanged():
    page = """<p>As <dt-cite key="missing">Smith 2020</dt-cite> shows.</p><script type="text/bibliography">
    @article{known, title={A Title}, author={Doe, Jane}, journal={J}, year={2019}}</script>"""
    assert "As Smith 2020 shows." in html_to_text(page) and "References" not in html_to_text(page)
