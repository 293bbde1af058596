"""The compiled walk (bibkaz/style/compiled.py) prints what citeproc-py's walk with bibkaz's rules prints.

Both run in one process on the committed resolver corpus (real works of real
briefs), in the six styles of issue 16, as bibliographies in text and HTML and as
in-text citations with locators; the interpreted side is the same code with the
compiled closures switched off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bibkaz.style import compiled, find_style, render
from bibkaz.style.citations import Cite, render_citations

WORKS = json.loads((Path(__file__).parent / "resolver_corpus" / "works.json").read_text())
STYLES = ("apa", "ieee", "modern-language-association", "chicago-author-date", "chicago-notes-bibliography",
          "harvard-cite-them-right")


def _both(run):  # type: ignore[no-untyped-def]
    fast = run()
    with compiled.interpreted():
        slow = run()
    return fast, slow


def test_the_compiled_walk_is_installed():
    from citeproc import model

    render(WORKS[:1], str(find_style("apa").path))  # installs the rules and the compiled walk
    assert compiled.chains_known(model)
    assert getattr(model.Macro.render, "_bibkaz_compiled", False)
    # the text-variable rules are folded into one reader (else every variable reads through the chain)
    assert compiled._variable_chain(model.Text._variable) == compiled.VARIABLE_CHAIN


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("to", ["text", "html"])
def test_bibliography_is_the_interpreted_one(style, to):
    path = str(find_style(style).path)
    fast, slow = _both(lambda: render(WORKS, path, "en-US", to))
    assert len(fast.entries) == len(WORKS)
    assert fast == slow


@pytest.mark.parametrize("style", STYLES)
def test_citations_are_the_interpreted_ones(style):
    path = str(find_style(style).path)
    ids = [str(work["id"]) for work in WORKS]
    clusters = [[Cite(ids[0], "45")], [Cite(ids[1]), Cite(ids[2], "ch. 3")], [Cite(ids[0], "46")], [Cite(ids[0], "46")],
                [Cite(key) for key in ids[3:9]]]
    fast, slow = _both(lambda: render_citations(WORKS, clusters, path, "en-US", "text", notes=[1, 2, 3, 4, 5]))
    assert fast == slow
    assert all(fast)


def test_german_locale_is_the_interpreted_one():
    path = str(find_style("chicago-author-date").path)
    fast, slow = _both(lambda: render(WORKS, path, "de-DE", "html"))
    assert fast == slow


BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="loop"><text macro="loop"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <choose><if type="book"><text macro="nowhere"/></if><else><text variable="title" prefix="[" suffix="]"/></else></choose>
  </layout></bibliography>
</style>"""


def test_a_missing_macro_fails_only_where_it_is_rendered(tmp_path):
    style = tmp_path / "broken.csl"
    style.write_text(BROKEN)
    works = [{"id": "a", "type": "article-journal", "title": "Hello"}]
    fast, slow = _both(lambda: render(works, str(style)))
    assert [e.text for e in fast.entries] == ["[Hello]"]
    assert fast == slow
    with pytest.raises(Exception, match="nowhere|citeproc-py failed"):
        render([{"id": "b", "type": "book", "title": "Hello"}], str(style))
