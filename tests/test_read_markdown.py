"""Markdown posts with raw HTML notes read as the page they build (issue 14).

The real post is tests/corpus/dev/web2_ropensci_spatsoc.md (rOpenSci blog, CC BY):
calls ``<sup>[1](#ref1)</sup>`` and entries ``<a name="ref1">1</a>: Text``.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.read import read_document
from bibkaz.read.markdown import markdown_to_text

DEV = Path(__file__).parent / "corpus" / "dev"


def test_a_real_post_gets_superscript_calls_and_numbered_entries_on_the_same_lines():
    source = (DEV / "web2_ropensci_spatsoc.md").read_text(encoding="utf-8").split("\n")
    lines = read_document(DEV / "web2_ropensci_spatsoc.md").lines
    assert len(lines) == len(source)
    assert "review paper ¹." in lines[25] and "Spiegel et al. ²" in lines[30] and "publicly available ³." in lines[33]
    assert lines[117].startswith("1. Webber, Q. M., & Vander Wal, E. (2018). An evolutionary framework")
    # in an entry the address of the linked title follows it, as the HTML reader writes entries
    assert "social and spatial ecology. <https://besjournals.onlinelibrary.wiley.com/doi/full/10.1111/1365-2656.12773>" \
        in lines[117]
    assert lines[119].startswith("2. Spiegel, O.") and lines[121].startswith("3. Kays, R.")


def test_extract_links_the_calls_of_a_real_post_to_its_entries(tmp_path):
    out = tmp_path / "lib.json"
    result = CliRunner().invoke(main, ["extract", str(DEV / "web2_ropensci_spatsoc.md"), "-o", str(tmp_path / "o.bib"),
                                       "--json", str(out), "-q"])
    assert result.exit_code == 0, result.output
    works = json.loads(out.read_text())["works"]
    cited = {w["references"][0]["line"]: [c["line"] for c in w["citations"]] for w in works if w["references"]}
    assert cited[118] == [26] and cited[120] == [31] and cited[122] == [34]


def test_anchor_shapes_and_note_lists():
    text = "\n".join([
        "Text<sup>1</sup> and text<sup><a href=\"#fn2\" id=\"r2\">[2]</a></sup>, m<sup>2</sup> too.",
        "<a id=\"fn1\"></a>1. Ana Torres, Rivers (2019).",
        "<a name=\"ref2\">2</a>: Wei Chen, Maps (2021).",
        "<a id=\"note-3\"></a>World Bank, Water (2020).",
        "   <li class=\"x\" id=\"fn4\">Lara Penin, Designing (2018). <a href=\"#ref4\" aria-label=\"Back\">↩</a></li>",
        "<h3 class=\"head\" id=\"footnote-label\">Footnotes</h3>",
        "<a name=\"section2\"></a>## Methods",
        "<sup>1</sup> As recommended in the [Strategy](https://x.example.gov/s).",
        "  * <a href=\"http://www.whitehouse.gov/m11-24.pdf\" rel=\"nofollow\">Executive Order on Service</a> &#8211; text",
    ])
    assert markdown_to_text(text).split("\n") == [
        "Text¹ and text², m² too.",
        "1. Ana Torres, Rivers (2019).",
        "2. Wei Chen, Maps (2021).",
        "3. World Bank, Water (2020).",
        "4. Lara Penin, Designing (2018).",
        "### Footnotes",
        "## Methods",
        "¹ As recommended in the Strategy <https://x.example.gov/s>.",
        "  * [Executive Order on Service](http://www.whitehouse.gov/m11-24.pdf) &#8211; text",
    ]


def test_code_blocks_and_words_in_sup_stay_as_written():
    text = "```html\n<sup>1</sup>\n<a name=\"ref1\">1</a>: x\n```\nx<sup>th</sup> and <sup>a, b</sup>"
    assert markdown_to_text(text) == text
