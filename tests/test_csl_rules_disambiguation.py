"""Disambiguation across a document's cites (CSL 1.0.2, "Disambiguation"), as citeproc-js does it.

Each test renders a small style of its own through ``render_citations`` and, where
citeproc-js is installed (citation-js in bench/node), checks that citeproc-js prints
the same (``agree``).
"""

from __future__ import annotations

from typing import Any

from test_csl_rules_ranges import agree, style


def work(ident: str, year: int, *names: tuple[str, str]) -> dict[str, Any]:
    return {"id": ident, "type": "book", "title": f"Book {ident}", "issued": {"date-parts": [[year]]},
            "author": [{"family": f, "given": g} for f, g in names]}


def test_given_names_start_from_what_the_long_form_prints(tmp_path):
    """A long-form name with ``initialize-with`` already prints initials: disambiguation adds full
    given names where initials do not tell works apart and never cuts a name back to its family
    ("J. Lindqvist", not "Lindqvist")."""
    path = style(tmp_path, """<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"
      disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite">
    <layout delimiter="; "><names variable="author"><name delimiter=", " initialize-with="."/></names></layout>
  </citation>""")
    items = [work("a", 2001, ("Lindqvist", "Maja"), ("Okafor", "Chidi"), ("Brandt", "Rolf")),
             work("b", 2001, ("Lindqvist", "Maja"), ("Okafor", "Chiamaka"), ("Brandt", "Rolf")),
             work("c", 2001, ("Lindqvist", "Maja"), ("Okafor", "Chidi"), ("Brandt", "Renate"))]
    assert agree(items, [["a", "b", "c"]], path, tmp_path) == [
        "M. Lindqvist, Chidi Okafor, Rolf Brandt; M. Lindqvist, Chiamaka Okafor, et al.; "
        "M. Lindqvist, Chidi Okafor, Renate Brandt"]


def test_initials_beside_full_given_names_in_one_list(tmp_path):
    """Under "all-names" each name gets what tells it apart: full given names where the initials
    are shared ("Bosse" / "Birger"), initials where they differ ("K." / "V.") in the same list."""
    path = style(tmp_path, """<citation disambiguate-add-givenname="true" disambiguate-add-year-suffix="true"
      givenname-disambiguation-rule="all-names">
    <layout delimiter="; "><names variable="author">
      <name and="text" delimiter=", " delimiter-precedes-last="never" form="short" initialize-with="."/></names>
      <date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date></layout>
  </citation>""")
    items = [work("a", 1980, ("Aho", "Ilkka"), ("Berg", "Bosse"), ("Kallio", "Kaarina")),
             work("b", 1995, ("Aho", "Ilkka"), ("Berg", "Birger"), ("Kallio", "Veikko"))]
    assert agree(items, [["a", "b"]], path, tmp_path) == [
        "Aho, Bosse Berg and K. Kallio (1980); Aho, Birger Berg and V. Kallio (1995)"]


ET_AL_SUBSEQUENT = """<citation disambiguate-add-year-suffix="true" et-al-min="3" et-al-use-first="3"
      et-al-subsequent-min="2" et-al-subsequent-use-first="1">
    <layout delimiter="; " prefix="(" suffix=")">
      <names variable="author"><name and="symbol" delimiter=", " delimiter-precedes-last="never" form="short"/></names>
      <date prefix=" " variable="issued"><date-part name="year"/></date><text variable="year-suffix"/></layout>
  </citation>"""


def test_year_suffixes_follow_the_subsequent_form(tmp_path):
    """citeproc-js compares cites in their subsequent form: two works that both read "Ferreira et al.
    2000" on a later cite get "2000a" / "2000b" although their first cites differ; a list of three
    under ``et-al-use-first="3"`` prints whole, with no "et al."."""
    path = style(tmp_path, ET_AL_SUBSEQUENT)
    items = [work("a", 2000, ("Ferreira", "Ana"), ("Nakamura", "Ken"), ("Ferreira", "Rui"), ("Doyle", "Ann")),
             work("b", 2000, ("Ferreira", "Ana"), ("Sato", "Yui"), ("Ferreira", "Rui")),
             work("c", 2000, ("Moss", "Jo"))]
    assert agree(items, [["a", "b", "c"]], path, tmp_path) == [
        "(Ferreira, Nakamura, Ferreira, et al. 2000a; Ferreira, Sato &amp; Ferreira 2000b; Moss 2000)"]


def test_a_later_cite_uses_the_subsequent_et_al_rule(tmp_path):
    """``et-al-subsequent-min`` / ``-use-first`` (ignored by citeproc-py) shorten the names of a
    cite whose work was cited before."""
    path = style(tmp_path, ET_AL_SUBSEQUENT)
    items = [work("b", 2000, ("Ferreira", "Ana"), ("Sato", "Yui"), ("Ferreira", "Rui")),
             work("c", 2000, ("Moss", "Jo"))]
    assert agree(items, [["b"], ["c"], ["b"]], path, tmp_path) == [
        "(Ferreira, Sato &amp; Ferreira 2000)", "(Moss 2000)", "(Ferreira et al. 2000)"]


def test_disambiguate_conditions_turn_on_one_at_a_time(tmp_path):
    """``<if disambiguate="true">`` tests pass in order, as many as set a work apart: the title where
    titles differ; the title and the next test's edition where the titles are the same too."""
    path = style(tmp_path, """<citation>
    <layout delimiter="; "><group delimiter=", ">
      <names variable="author"><name/></names>
      <choose><if disambiguate="true"><text variable="title"/></if></choose>
      <choose><if disambiguate="true"><group delimiter=" "><label variable="edition" form="short"/>
        <number variable="edition"/></group></if></choose></group></layout>
  </citation>""")

    def edition(ident: str, family: str, title: str, number: str) -> dict[str, Any]:
        return {"id": ident, "type": "book", "title": title, "edition": number,
                "author": [{"family": family, "given": "Ines"}]}

    items = [edition("a", "Duarte", "Tides", "3"), edition("b", "Duarte", "Reefs", "4"),
             edition("c", "Duarte", "Collected Essays", "5"), edition("d", "Duarte", "Collected Essays", "6"),
             edition("e", "Okoro", "Tides", "2")]
    assert agree(items, [["e"], ["a"], ["b"], ["c"], ["d"]], path, tmp_path) == [
        "Ines Okoro", "Ines Duarte, Tides", "Ines Duarte, Reefs", "Ines Duarte, Collected Essays, ed. 5",
        "Ines Duarte, Collected Essays, ed. 6"]


def test_citation_label_is_made_from_names_and_year_with_its_suffix(tmp_path):
    """A work without ``citation-label`` gets citeproc-js's trigraph ("Asth00", "BrCh98", "DEFG26",
    particles dropped); labels that collide get year suffixes ("Asth00a")."""
    path = style(tmp_path, """<citation disambiguate-add-year-suffix="true">
    <layout delimiter="; "><text variable="citation-label"/></layout>
  </citation>""")
    items = [work("a", 1900, ("Asthma", "Albert")), work("b", 1900, ("Asthma", "Zeppo")),
             work("c", 1998, ("Bronchitis", "Buffy"), ("Cholera", "Cleo")),
             work("d", 1926, ("von Dipheria", "Doug"), ("Eczema", "Eli"), ("Flatulence", "Fay"),
                  ("Goiter", "Gus"), ("Hiccups", "Hal"))]
    assert agree(items, [["a", "b", "c", "d"]], path, tmp_path) == ["Asth00a; Asth00b; BrCh98; DEFG26"]


def test_by_cite_given_names_tell_a_name_from_its_bare_namesake():
    """Under "by-cite" (MLA, Harvard) a colliding namesake without a given name makes a name show
    its initials, as citeproc-js prints them (checked with bench/node/format.mjs); under APA's
    name-level rule it does not, and the year suffix tells the works apart."""
    from bibkaz.style import find_style
    from bibkaz.style.citations import Cite, render_citations

    items = [{"id": "a", "type": "report", "title": "Alpha", "author": [{"literal": "DOL"}]},
             {"id": "b", "type": "report", "title": "Beta", "author": [{"family": "DOL", "given": "ETA"}]},
             {"id": "c", "type": "report", "title": "Gamma", "author": [{"family": "DOL", "given": "ETA"}]}]
    clusters = [[Cite("a")], [Cite("b")], [Cite("c")]]

    def cited(style: str) -> list[str]:
        return render_citations(items, clusters, str(find_style(style).path))

    assert cited("modern-language-association") == ["(DOL)", "(E. DOL, Beta)", "(E. DOL, Gamma)"]
    assert cited("harvard-cite-them-right") == ["(DOL, no date)", "(E. DOL, no date a)", "(E. DOL, no date b)"]
    assert cited("apa") == ["(DOL, n.d.-a)", "(DOL, n.d.-b)", "(DOL, n.d.-c)"]


def test_names_a_namesake_expands_need_no_year_suffix():
    """Under APA's and Chicago's name-level rules a name with a namesake of other initials shows its
    initials in every cite, before cites are compared: "P. A. Samuelson 1954" and a bare "Samuelson
    1954" no longer collide, so neither gets a year suffix; without the namesake both read
    "Samuelson 1954" and get "a" and "b" (both checked with bench/node/format.mjs)."""
    from bibkaz.style import find_style, render

    pair = [{"id": "a", "type": "article-journal", "title": "A", "author": [{"family": "Samuelson"}],
             "issued": {"date-parts": [[1954]]}},
            {"id": "b", "type": "article-journal", "title": "B",
             "author": [{"family": "Samuelson", "given": "Paul A."}], "issued": {"date-parts": [[1954]]}}]
    namesake = {"id": "g", "type": "article-journal", "title": "G", "author": [{"family": "Samuelson", "given": "P."}],
                "issued": {"date-parts": [[2023]]}}

    def entries(items: list[dict[str, Any]], style: str) -> dict[str, str]:
        return {e.key: e.body for e in render(items, str(find_style(style).path), "en-US", "text").entries}

    assert entries(pair, "apa")["a"] == "Samuelson. (1954a). A."
    with_namesake = entries(pair + [namesake], "apa")
    assert with_namesake["a"] == "Samuelson. (1954). A."
    assert with_namesake["b"] == "Samuelson, P. A. (1954). B."
    assert entries(pair + [namesake], "chicago-author-date")["a"].startswith("Samuelson. 1954.")
