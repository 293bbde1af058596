"""``text-case="capitalize-first"`` as citeproc-js applies it (issue 16, seventeenth session).

Expected strings are citeproc-js's (bench/node/format.mjs on APA with each genre)."""

from __future__ import annotations

import pytest

from bibkaz.style import find_style, render
from bibkaz.style.titlecase import capitalize_first


@pytest.mark.parametrize(("typed", "cased"), [
    ("(tech. rep.)", "(Tech. rep.)"),
    ("[draft] report", "[Draft] report"),
    ("“quoted” report", "“Quoted” report"),
    ("-dash report", "-Dash report"),
    ("((double)) x", "((Double)) x"),
    ("( spaced) x", "( Spaced) x"),
    ("(-x) y", "(-X) y"),
    ("1st report", "1st report"),
    ("¿qué? report", "¿qué? report"),
    ("… ellipsis", "… ellipsis"),
    ("(Tech) ok", "(Tech) ok"),
    ("*star* x", "*star* x"),
    ("éclair report", "Éclair report"),
    ("iPhone app", "iPhone app"),
    ("women’s report", "Women’s report"),
    ("", ""),
])
def test_capitalize_first_skips_tags_and_keeps_capitals(typed: str, cased: str):
    assert capitalize_first(typed) == cased


def test_a_genre_in_parentheses_is_capitalised_in_apa():
    item = {"id": "a", "type": "article-journal", "author": [{"family": "Muralidhar", "given": "K."}],
            "title": "A Re-examination", "container-title": "SSRN", "genre": "(tech. rep.)",
            "issued": {"date-parts": [[2022]]}}
    body = render([item], str(find_style("apa").path), "en-US", "text").entries[0].body
    assert body == "Muralidhar, K. (2022). A Re-examination [(Tech. rep.)]. SSRN."
