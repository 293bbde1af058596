"""The document's own record on shapes the eleventh batch of tests/records/ (``r11_``: a Distill page
whose first line is a figure's formula symbols, a Wikipedia page whose heading is set in italics) and the
older Wikipedia pages brought: each test pins one rule on a real file against its hand-labelled record.

The batch was scored whole, before these rules, by
``python bench/record_accuracy.py --part records --prefix r11_``.
"""

from __future__ import annotations

from bibkaz.extract.metadata.title import _wordy

from own_record_gold import RECORDS
from own_record_gold import gold as _gold, own_found as _own


def test_formula_symbols_over_the_heading_are_not_the_title():
    # the HTML reader keeps an SVG figure's TeX ("\star + - = \alpha …") as the body's first line; the
    # title search, asked of the body alone (the reader now also hands on Distill's front-matter
    # script as citation_* lines above it), still takes the heading under it
    from bibkaz.extract.metadata.front_matter import read_front_matter
    from bibkaz.extract.metadata.title import find_title
    from bibkaz.read import read_document

    name = "r11_distill_momentum.html"
    lines = read_document(RECORDS / name).lines
    _, body = read_front_matter(lines)
    found = find_title(lines, body)
    assert found is not None and found.text == _gold(name)["title"]
    assert lines[found.start].startswith("Why Momentum") and not lines[found.start - 2].startswith("Why")
    assert _own(RECORDS / name).record.title == _gold(name)["title"]


def test_coordinates_in_an_infobox_are_not_the_title():
    # "41°17′S 174°27′E / 41.283°S …" under "Capital Wellington" used to win over "New Zealand - Wikipedia"
    name = "r9_wiki_new_zealand.html"
    own = _own(RECORDS / name)
    assert (own.record.title, own.record.container_title) == (_gold(name)["title"], "Wikipedia")
    assert own.record.authors == ()  # "Capital Wellington" is an infobox row, not a writer


def test_one_word_title_under_its_html_title_line():
    # "Biofuel - Wikipedia" then "Biofuel" two lines below: the heading is the title, the tail the site
    for name in ("r4_wiki_biofuel.html", "web_wikipedia_aerodynamics.html"):
        own = _own(RECORDS / name)
        assert (own.record.title, own.record.container_title) == (_gold(name)["title"], _gold(name)["publisher"])


def test_site_from_the_title_line_over_an_italic_heading():
    # "Bacillus - Wikipedia" over "*Bacillus*" (a genus in italics): the title search takes the heading,
    # the <title> line above it still names the site
    # (the reader now sets the page's JSON-LD record as front matter over the <title> line: the site still
    # comes from that line, wherever it stands)
    from bibkaz.read import read_document

    name = "r11_wiki_bacillus.html"
    own = _own(RECORDS / name)
    assert (own.record.title, own.record.container_title) == ("Bacillus", "Wikipedia")
    lines = read_document(RECORDS / name).lines
    assert lines[dict(own.lines)["container_title"] - 1].strip() == "Bacillus - Wikipedia"


def test_words_and_symbols():
    assert _wordy("Why Momentum Really Works")
    assert _wordy("FY2026 NDAA: H.R. 2670")
    assert _wordy("R: A Language and Environment")
    assert not _wordy("41°17′S 174°27′E / 41.283°S 174.450°E / -41.283; 174.450")
    assert not _wordy(r"\star + - = \alpha \lambda \beta R \alpha= \beta=")


def test_furniture_test_answers_as_the_whole_pattern_on_real_lines():
    # _chrome looks at a long line's opening before the pattern: the answers must not change
    from bibkaz.extract.metadata.title import CHROME, _chrome, clean
    from bibkaz.read import read_document

    seen = 0
    for path in sorted(RECORDS.glob("r1*_*")):
        if path.suffix == ".json":
            continue
        for line in read_document(path).lines[:120]:
            text = clean(line)
            if text:
                assert _chrome(text) == bool(CHROME.match(text)), text
                seen += 1
    assert seen > 500


def test_folded_text_reads_as_a_case_blind_pattern():
    import re

    from bibkaz.extract.metadata.fold import fold

    for text in ("This report was publiſhed by the X", "İSSUED BY the Office", "Last Edıted on 3 May 2020"):
        for word in ("published by", "issued by", "last edited"):
            assert (word in fold(text)) == bool(re.search(word, text, re.I))
