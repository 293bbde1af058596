"""Narrow no-break spaces before ":;?!»" and after "«" in printed text, as citeproc-js's output
queue writes them (issue 16, tenth session); outputs checked against citeproc-js 2.4.63."""

from __future__ import annotations

from bibkaz.style import find_style, render
from bibkaz.style.narrow_spaces import narrowed


def test_spaces_narrowed_in_text():
    assert narrowed("His « Anonymous » Life") == "His «\u202fAnonymous\u202f» Life"
    assert narrowed("Bilan : une étude ?") == "Bilan\u202f: une étude\u202f?"
    assert narrowed("No change: here") == "No change: here"


def test_fields_but_not_urls_in_rendered_entries():
    item = {"id": "a", "type": "article-journal", "title": "Bilan : une étude « utile » ?",
            "container-title": "Revue : sciences", "issued": {"date-parts": [[2001]]},
            "author": [{"family": "Roux", "given": "Anne"}], "URL": "https://example.org/a ?b"}
    body = render([item], find_style("chicago-author-date").path, "en-US", "text").entries[0].body
    assert body.startswith("Roux, Anne. 2001. “Bilan\u202f: Une Étude «\u202futile\u202f»\u202f?” Revue\u202f: Sciences.")
    assert "https://example.org/a ?b" in body
