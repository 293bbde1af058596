"""Groups told suppressed before their walk (bibkaz/style/silent_groups.py) print what their walk prints.

The plan is decided from the style alone; these tests check each rule of the analysis on
small styles (a term beside missing variables, a nested group of terms alone, a choose
without else, a macro, a date in a sort key) and that real works in the six styles of
issue 16 print the same with the plans switched off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bibkaz.style import find_style, render, silent_groups
from bibkaz.style.citations import Cite, render_citations

WORKS = json.loads((Path(__file__).parent / "resolver_corpus" / "works.json").read_text())
STYLES = ("apa", "ieee", "modern-language-association", "chicago-author-date", "chicago-notes-bibliography",
          "harvard-cite-them-right")

HEAD = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="edition"><group delimiter=" "><number variable="edition" form="ordinal"/><text term="edition"/></group></macro>
  <macro name="terms-only"><text term="in"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>"""
TAIL = """</layout></bibliography></style>"""


def _style(tmp_path: Path, layout: str) -> str:
    path = tmp_path / "s.csl"
    path.write_text(HEAD + layout + TAIL, encoding="utf-8")
    return str(path)


def _plans(tmp_path: Path, layout: str, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each group of the layout got a plan, in the order they were built."""
    made: list[bool] = []
    plan = silent_groups.plan

    def recorded(group, model):  # type: ignore[no-untyped-def]
        out = plan(group, model)
        made.append(out is not None)
        return out

    monkeypatch.setattr(silent_groups, "plan", recorded)
    render([{"id": "a", "type": "book", "title": "T"}], _style(tmp_path, layout))
    return made


def _without_plans(monkeypatch: pytest.MonkeyPatch, run):  # type: ignore[no-untyped-def]
    with monkeypatch.context() as patch:
        patch.setattr(silent_groups, "plan", lambda group, model: None)
        return run()


def test_a_term_beside_missing_variables_is_planned_and_suppressed(tmp_path, monkeypatch):
    layout = """<text variable="title"/><group prefix=" [" suffix="]" delimiter=" "><text term="volume"/>
      <text variable="volume"/></group><text macro="edition" prefix=" (" suffix=")"/>"""
    assert _plans(tmp_path, layout, monkeypatch) == [True, True]  # the group and the macro call
    path = _style(tmp_path, layout)
    rendered = render([{"id": "a", "type": "book", "title": "T"}, {"id": "b", "type": "book", "title": "U", "volume": "3",
                                                                  "edition": "2"}], path)
    assert [e.body for e in rendered.entries] == ["T", "U [volume 3] (2nd edition)"]


def test_groups_that_may_print_without_variables_are_walked(tmp_path, monkeypatch):
    # a nested group of terms alone prints (and counts as printed), so does a macro of a term; a choose
    # without else may call nothing; a cs:names with a substitute prints the substitute
    layout = """<group delimiter=" "><text variable="volume"/><group><text term="in"/></group></group>
      <group><choose><if type="book"><text variable="volume"/></if></choose><text term="and"/></group>
      <group><text macro="terms-only"/><text variable="issue"/></group>
      <group><names variable="editor"><substitute><text variable="title"/></substitute></names></group>"""
    assert _plans(tmp_path, layout, monkeypatch) == [False] * 6  # five groups and the macro call
    path = _style(tmp_path, layout)
    rendered = render([{"id": "a", "type": "book", "title": "T"}], path)
    assert rendered.entries[0].body == "IninT"  # the book calls "volume" in the choose: that group is suppressed


@pytest.mark.parametrize("style", STYLES)
def test_bibliographies_print_the_same_without_plans(style, monkeypatch):
    path = str(find_style(style).path)
    with_plans = render(WORKS, path, "en-US", "html")
    assert with_plans == _without_plans(monkeypatch, lambda: render(WORKS, path, "en-US", "html"))


@pytest.mark.parametrize("style", STYLES)
def test_citations_print_the_same_without_plans(style, monkeypatch):
    path = str(find_style(style).path)
    ids = [str(work["id"]) for work in WORKS]
    clusters = [[Cite(ids[0], "45")], [Cite(ids[1]), Cite(ids[2], "ch. 3")], [Cite(ids[0], "46")],
                [Cite(key) for key in ids[3:12]]]

    def run():  # type: ignore[no-untyped-def]
        return render_citations(WORKS, clusters, path, "en-US", "text", notes=[1, 2, 3, 4])

    assert run() == _without_plans(monkeypatch, run)
