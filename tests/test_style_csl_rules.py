"""CSL rules restored in the eighth session (issue 16), each asserted on a real style.

Every test names the rule of the CSL specification (or of citeproc-js where the
specification leaves it open) and renders works through bibkaz's formatter in
one of the styles users pick (APA, Chicago, MLA, IEEE, Harvard), or a style
that uses the feature when none of those does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bibkaz.style import find_style, render
from bibkaz.style.citations import Cite, render_citations


def _path(name: str) -> str:
    return str(find_style(name).path)


def _book(ident: str, family: str, given: str, year: int, title: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "type": "book", "title": title, "author": [{"family": family, "given": given}],
            "issued": {"date-parts": [[year]]}, **extra}


LEE = _book("a", "Lee", "Ann", 2019, "Steppe politics")


def test_cite_affixes_and_locators_are_field_text():
    """A cite's prefix and suffix are read as field text: straight quotes print as the locale's
    (“see”), "&" is escaped for HTML in affixes and locators alike, and punctuation the user
    typed after a quote stays outside it (punctuation-in-quote moves only what the style prints)."""
    cite = Cite("a", "213 & 235", "page", "'see', ", ' "so it goes".')
    assert render_citations([LEE], [[cite]], _path("apa"), to="html") == [
        "(“see”, Lee, 2019, pp. 213 &amp; 235 “so it goes”.)"]
    assert render_citations([LEE], [[cite]], _path("chicago-author-date"), to="text") == [
        "(“see”, Lee 2019, 213 & 235 “so it goes”.)"]


def test_text_values_are_parsed_like_fields(tmp_path: Path):
    """A ``cs:text value`` is parsed as citeproc-js parses field text: its straight quotes are
    quotation marks (flipped to inner ones under quotes="true"), ``<b>`` is markup."""
    path = tmp_path / "values.csl"
    path.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; "><group delimiter=" ">
    <text value="'friend'"/><text value="say &quot;hello&quot;" quotes="true"/><text value="&lt;b&gt;bold&lt;/b&gt;"/>
  </group></layout></citation></style>""", encoding="utf-8")
    assert render_citations([LEE], [[Cite("a")]], str(path), to="html") == [
        "“friend” “say ‘hello’” <b>bold</b>"]


def test_initialising_keeps_words_typed_as_abbreviations():
    """initialize-with (citeproc-js's reading): a given-name word typed with a period is an
    abbreviation and kept whole ("Ph.", "Me."); other words are cut to their first letter
    ("John ME" → "J. M.")."""
    item = {"id": "h", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Hudson", "given": "Ph.M.E."}, {"family": "Grant", "given": "Me."},
                       {"family": "Axford", "given": "John ME"}]}
    assert render([item], _path("apa"), "en-US", "text").entries[0].text == (
        "Hudson, Ph. M. E., Grant, Me., & Axford, J. M. (2000). T.")
    assert render([item], _path("harvard-cite-them-right"), "en-US", "text").entries[0].text == (
        "Hudson, Ph.M.E., Grant, Me. and Axford, J.M. (2000) T.")
    # Capitals followed by lower case give a two-letter initial; an apostrophe ends a word's letters.
    item["author"] = [{"family": "Tserendorj", "given": "TSerendorjiin"}, {"family": "Feickert", "given": "Ebrima M’Bai. A."}]
    assert render([item], _path("ieee"), "en-US", "text").entries[0].text == (
        "[1] Ts. Tserendorj and E. M. A. Feickert, T. 2000.")


def test_superscript_characters_print_as_sup_in_html():
    """citeproc-js writes superscript characters (French ordinal terms "ʳᵉ", "ª", "º") as
    ``<sup>`` of the plain letters in HTML; plain text keeps the characters."""
    item = {"id": "d", "type": "book", "title": "Titre", "edition": "1", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Dupont", "given": "Jean"}]}
    assert render([item], _path("apa"), "fr-FR", "html").entries[0].text == (
        "Dupont, J. (2000). <i>Titre</i> (1<sup>r</sup><sup>e</sup> éd.).")
    assert render([item], _path("apa"), "fr-FR", "text").entries[0].text == "Dupont, J. (2000). Titre (1ʳᵉ éd.)."


def _small_style(tmp_path: Path, body: str, citation_class: str = "in-text") -> str:
    """A style of one ``cs:citation`` layout, for rules none of the six styles exercises."""
    path = tmp_path / "small.csl"
    path.write_text(f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="{citation_class}" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="container"><text term="in" suffix=" "/><text variable="container-title" font-style="italic"/></macro>
  <citation><layout delimiter="; ">{body}</layout></citation></style>""", encoding="utf-8")
    return str(path)


def test_groups_and_macros_are_suppressed_when_their_variables_are_empty(tmp_path: Path):
    """CSL 1.0.2 "Group", decided at render time: a group whose called variables are all empty
    prints nothing, and a macro is such a group (citeproc-js expands macros into groups), so "in "
    without a container title disappears; a nested group that prints counts as a non-empty
    variable, so its text stays beside an empty title."""
    path = _small_style(tmp_path, """<group delimiter=", "><text variable="title"/><text macro="container"/></group>
      <group delimiter=" "><text variable="title-short"/><group><text value="(no short title)"/></group></group>""")
    chapter = {"id": "c", "type": "chapter", "title": "A chapter"}
    assert render_citations([chapter], [[Cite("c")]], path, to="text") == ["A chapter(no short title)"]
    chapter["container-title"] = "A book"
    assert render_citations([chapter], [[Cite("c")]], path, to="html") == [
        "A chapter, in <i>A book</i>(no short title)"]


def test_pages_with_letters_as_citeproc_js_reads_them():
    """Page ranges (CSL 1.0.2 Appendix V, citeproc-js's reading of lettered pages): the same prefix on
    both pages is kept before the first page and formatted numbers follow ("n11564–68" in Chicago,
    "n11564–n11568" expanded in APA); a prefix on one page only is printed as typed ("S12-19")."""
    items = [_book("a", "Lee", "Ann", 2019, "Steppe politics", page="S12-19"),
             {"id": "b", "type": "article-journal", "title": "Paper", "container-title": "J", "page": "n11564-n1568",
              "author": [{"family": "Ng", "given": "Cy"}], "issued": {"date-parts": [[2017]]}}]
    assert [e.text for e in render(items, _path("apa"), "en-US", "text").entries] == [
        "Lee, A. (2019). Steppe politics (pp. S12-19).", "Ng, C. (2017). Paper. J, n11564–n11568."]
    assert render(items, _path("chicago-author-date"), "en-US", "text").entries[1].text == (
        "Ng, Cy. 2017. “Paper.” J, n11564–68.")


def test_an_ampersand_between_pages_survives_html_escaping():
    """"213 & 235" in a page field is two pages joined by "&" (escaped once in HTML), not the
    entity cut at its "&" ("&amp; amp;")."""
    item = {"id": "q", "type": "article-journal", "title": "Paper", "container-title": "J", "page": "e101-e8 & 12",
            "author": [{"family": "Ng", "given": "Cy"}], "issued": {"date-parts": [[2016]]}}
    assert render([item], _path("apa"), "en-US", "html").entries[0].text == (
        "Ng, C. (2016). Paper. <i>J</i>, e101–e108 &amp; 12.")


def test_a_locator_range_typed_with_spaces_is_closed_up():
    """citeproc-js prints a locator "100 - 103" as "100–103"."""
    cite = Cite("a", "100 - 103", "page")
    assert render_citations([LEE], [[cite]], _path("chicago-notes-bibliography"), to="text") == [
        "Ann Lee, Steppe Politics (2019), 100–103."]
    assert render_citations([LEE], [[cite]], _path("apa"), to="text") == ["(Lee, 2019, pp. 100–103)"]


def test_a_term_after_a_prefix_ending_a_sentence_is_capitalised(tmp_path: Path):
    """A note's term after a cite prefix that ends a sentence is capitalised ("This has been said.
    Ibid."); after a one-word prefix (an abbreviation, "Cf.") it is not, as in citeproc-js."""
    path = _small_style(tmp_path, """<choose><if position="ibid"><text term="ibid"/></if>
      <else><text variable="title"/></else></choose>""", citation_class="note")
    clusters = [[Cite("a")], [Cite("a", prefix="This has been said. ")], [Cite("a", prefix="Cf. ")]]
    assert render_citations([LEE], clusters, path, to="text") == [
        "Steppe politics", "This has been said. Ibid.", "Cf. ibid."]


def _bibliography_style(tmp_path: Path, name: str, layout: str = "") -> str:
    path = tmp_path / "names.csl"
    path.write_text(f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout or f'<names variable="author">{name}</names>'}</layout></bibliography></style>""",
                    encoding="utf-8")
    return str(path)


def _authors(*names: tuple[str, str], **extra: Any) -> dict[str, Any]:
    return {"id": "n", "type": "book", "title": "T", "author": [{"family": f, "given": g} for f, g in names], **extra}


def test_delimiter_after_inverted_name(tmp_path: Path):
    """delimiter-precedes-last / -et-al="after-inverted-name" (CSL 1.0.2): the delimiter comes before
    the last name or "et al." only when the name before it is inverted."""
    three = _authors(("Weinstock", "Robert"), ("Leong", "Gregory B."), ("Silva", "J. Arturo"))
    every = _bibliography_style(tmp_path, '<name name-as-sort-order="all" and="symbol" initialize-with=". " '
                                          'delimiter-precedes-last="after-inverted-name"/>')
    assert render([three], every, "en-US", "text").entries[0].text == "Weinstock, R., Leong, G. B., & Silva, J. A."
    first = _bibliography_style(tmp_path, '<name name-as-sort-order="first" and="text" et-al-min="3" '
                                          'et-al-use-first="1" delimiter-precedes-et-al="after-inverted-name"/>')
    assert render([three], first, "en-US", "text").entries[0].text == "Weinstock, Robert, et al."


def test_count_form_adds_up_every_variable(tmp_path: Path):
    """``cs:name form="count"`` on several variables is one number: the names they print together."""
    path = _bibliography_style(tmp_path, "", '<names variable="author editor"><name form="count"/></names>')
    item = _authors(("A", "a"), ("B", "b"), ("C", "c"), editor=[{"family": "D", "given": "d"}, {"family": "E", "given": "e"}])
    assert render([item], path, "en-US", "text").entries[0].text == "5"


def test_mononyms_suffixes_and_no_break_spaces_in_names(tmp_path: Path):
    """A name with a given name only is a mononym, never initialised ("Banksy"); "John, III" in the
    given name is a given name and a suffix (citeproc-js's reading); a name-part affix ending in a
    no-break space is not followed by the space between name parts."""
    initials = _bibliography_style(tmp_path, '<name initialize-with="."/>')
    assert render([{"id": "b", "type": "book", "author": [{"given": "Banksy"}]}], initials, "en-US",
                  "text").entries[0].text == "Banksy"
    plain = _bibliography_style(tmp_path, "<name/>")
    assert render([_authors(("Doe", "John, III"))], plain, "en-US", "text").entries[0].text == "John Doe III"
    nbsp = _bibliography_style(tmp_path, '<name><name-part name="given" suffix="&#160;"/></name>')
    assert render([_authors(("Doe", "John"))], nbsp, "en-US", "text").entries[0].text == "John\u00a0Doe"


def test_nocase_spans_resist_lowercase_and_uppercase(tmp_path: Path):
    """citeproc-js leaves a ``<span class="nocase">`` alone under every text case."""
    path = _bibliography_style(tmp_path, "", '<text variable="title" text-case="uppercase"/>')
    item = {"id": "t", "type": "book", "title": 'A pen by <span class="nocase">Smith</span>'}
    assert render([item], path, "en-US", "text").entries[0].text == "A PEN BY Smith"


def test_seasons_print_as_the_locale_s_season_terms():
    """CSL-JSON months 13–16 and 21–24 are seasons; CSL prints the locale's season terms."""
    item = {"id": "s", "type": "article-journal", "title": "Spring issue", "container-title": "J",
            "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[1999, 21], [2001, 22]]}}
    assert render([item], _path("modern-language-association"), "en-US", "text").entries[0].text == (
        "Lee, Ann. “Spring Issue.” J, Spring 1999–Summer 2001.")


def test_dates_with_empty_parts_or_only_raw_text():
    """citeproc-js ends a date at its first empty part ("2000", "", "") and prints a date that has
    no parts but raw text as that text."""
    raw = _book("r", "Lee", "Ann", 2000, "Raw")
    raw["issued"] = {"date-parts": [], "raw": "Bogus Date"}
    empty = _book("e", "Kim", "Bo", 2000, "Empty")
    empty["issued"] = {"date-parts": [["2000", "", ""]]}
    assert [e.text for e in render([raw, empty], _path("apa"), "en-US", "text").entries] == [
        "Kim, B. (2000). Empty.", "Lee, A. (Bogus Date). Raw."]


def test_particles_and_suffixes_typed_in_name_fields():
    """citeproc-js's name parser: lower-case leading words of a family name are a non-dropping
    particle ("van Gogh" demoted and sorted under G where the style says so), trailing ones of a
    given name a dropping particle ("Alexander von"), "John,! Jr." a suffix after a comma."""
    items = [_book("v", "van Gogh", "Vincent", 1888, "Starry"), _book("h", "Humboldt", "Alexander von", 1845, "Kosmos"),
             _book("d", "Doe", "John,! Jr.", 2001, "Life")]
    assert [e.text for e in render(items, _path("chicago-author-date"), "en-US", "text").entries] == [
        "Doe, John, Jr. 2001. Life.", "Gogh, Vincent van. 1888. Starry.", "Humboldt, Alexander von. 1845. Kosmos."]
    display = _bibliography_style_path("<name/>")
    assert render([items[2]], display, "en-US", "text").entries[0].text == "John Doe, Jr."


def _bibliography_style_path(name: str) -> str:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    return _bibliography_style(folder, name)


def test_names_sort_name_by_name_without_the_and_term():
    """Sorting by a macro that prints names compares the names, not the text "and": "Colaresi,
    Rasler, and Thompson" sorts before "Colaresi and Thompson" (R < T), as in citeproc-js."""
    two = {"id": "c1", "type": "book", "title": "A", "issued": {"date-parts": [[2002]]},
           "author": [{"family": "Colaresi", "given": "M."}, {"family": "Thompson", "given": "W."}]}
    three = dict(two, id="c2", title="B", issued={"date-parts": [[2007]]},
                 author=[two["author"][0], {"family": "Rasler", "given": "K."}, two["author"][1]])
    assert [e.text for e in render([two, three], _path("chicago-author-date"), "en-US", "text").entries] == [
        "Colaresi, M., K. Rasler, and W. Thompson. 2007. B.", "Colaresi, M., and W. Thompson. 2002. A."]


def test_layout_delimiter_yields_to_punctuation_typed_in_affixes():
    """citeproc-js drops the delimiter between cites before a prefix that opens with ",", "." or ";",
    and keeps only its space after a suffix that ends with one."""
    kim = _book("b", "Kim", "Bo", 2020, "Water")
    path = _path("chicago-author-date")
    assert render_citations([LEE, kim], [[Cite("a"), Cite("b", prefix=", cited in ")]], path, to="text") == [
        "(Lee 2019, cited in Kim 2020)"]
    assert render_citations([LEE, kim], [[Cite("a", suffix=" is one source,"), Cite("b")]], path, to="text") == [
        "(Lee 2019 is one source, Kim 2020)"]


def test_positions_follow_note_numbers(tmp_path: Path):
    """With note numbers (CSL 1.0.2 positions, as citeproc-js decides them): "ibid" needs the cite
    before in the same note or alone in the note before; the running text (note 0) is its own
    sequence; the same locator again is "ibid", not "ibid-with-locator";
    ``first-reference-note-number`` is the note that first cited the work."""
    path = _small_style(tmp_path, """<choose><if position="ibid-with-locator"><text term="ibid"/><text variable="locator" prefix=" at "/></if>
      <else-if position="ibid"><text term="ibid"/></else-if>
      <else-if position="subsequent"><text variable="title"/><text variable="first-reference-note-number" prefix=", n. "/></else-if>
      <else><text variable="title"/></else></choose>""", citation_class="note")
    kim = _book("b", "Kim", "Bo", 2020, "Water")
    clusters = [[Cite("a")], [Cite("a")], [Cite("b")], [Cite("b")], [Cite("b", "4", "page")], [Cite("b", "4", "page")],
                [Cite("a")]]
    assert render_citations([LEE, kim], clusters, path, to="text", notes=[0, 1, 1, 2, 3, 4, 0]) == [
        "Steppe politics", "Steppe politics", "Water", "Water, n. 1", "Ibid. at 4", "Ibid.", "Ibid."]


def test_cites_are_compared_without_their_accessed_dates(tmp_path: Path):
    """citeproc-js compares cites for disambiguation without the ``accessed`` date, so two undated
    pages by one author read on different days still get "n.d.-a" / "n.d.-b"; the suffix is the
    style's own, never added to the accessed year."""
    path = _small_style(tmp_path, """<group delimiter=" "><names variable="author"><name/></names>
      <group><choose><if variable="issued"><date variable="issued" form="text" date-parts="year"/><text variable="year-suffix"/></if>
      <else><text term="no date" form="short"/><text variable="year-suffix" prefix="-"/></else></choose></group></group>
      <date variable="accessed" form="text" date-parts="year" prefix=" [" suffix="]"/>""")
    text = Path(path).read_text(encoding="utf-8").replace("<citation>", '<citation disambiguate-add-year-suffix="true">')
    Path(path).write_text(text, encoding="utf-8")
    pages = [{"id": k, "type": "webpage", "title": k, "author": [{"family": "Doe", "given": "John"}],
              "accessed": {"date-parts": [[year, 6, 1]]}} for k, year in (("x", 1965), ("y", 2065))]
    assert render_citations(pages, [[Cite("x"), Cite("y")]], path, to="text") == [
        "John Doe n.d.-a [1965]; John Doe n.d.-b [2065]"]


def test_dates_in_macro_sort_keys_sort_by_value(tmp_path: Path):
    """A date printed by a macro sort key sorts as citeproc-js's ``dateAsSortKey`` writes it: by
    year, month and day, years before the common era first ("100 BC" before "44 BC" before "54")."""
    path = tmp_path / "bc.csl"
    path.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="when"><date variable="issued" delimiter="-"><date-part name="year"/><date-part name="month" form="numeric"/></date></macro>
  <citation><sort><key macro="when"/></sort><layout delimiter=", "><text variable="title"/></layout></citation></style>""",
                    encoding="utf-8")
    items = [{"id": t, "type": "book", "title": t, "issued": {"date-parts": [[y, m]]}}
             for t, y, m in (("Nero", 54, 10), ("Caesar", -44, 3), ("Marius", -100, 7), ("Galba", 68, 6))]
    assert render_citations(items, [[Cite(i["id"]) for i in items]], str(path), to="text") == [
        "Marius, Caesar, Nero, Galba"]


def test_particles_ending_in_hyphen_or_apostrophe_stay_particles():
    """A particle ending in "-" or an apostrophe is printed against the family name ("al-Farabi",
    "d’Alembert") but stays a particle, so a style that demotes particles demotes it (Chicago:
    "Farabi, Abu Nasr al-") and sorts under the family name, as citeproc-js does."""
    items = [{"id": "f", "type": "book", "title": "The political regime", "issued": {"date-parts": [[1964]]},
              "author": [{"family": "Farabi", "given": "Abu Nasr", "non-dropping-particle": "al-"}]},
             _book("d", "d'Alembert", "Jean", 1751, "Discours")]
    assert [e.text for e in render(items, _path("apa"), "en-US", "text").entries] == [
        "al-Farabi, A. N. (1964). The political regime.", "d’Alembert, J. (1751). Discours."]
    assert [e.text for e in render(items, _path("chicago-author-date"), "en-US", "text").entries] == [
        "Alembert, Jean d’. 1751. Discours.", "Farabi, Abu Nasr al-. 1964. The Political Regime."]


def test_journal_abbreviation_and_number_of_volumes_label(tmp_path: Path):
    """Zotero's ``journalAbbreviation`` is the short container title (IEEE prints it); a
    ``number-of-volumes`` label is plural above one ("volumes 2")."""
    item = {"id": "j", "type": "article-journal", "title": "Art", "container-title": "American Law Journal",
            "journalAbbreviation": "Am. L.J.", "volume": "3", "issued": {"date-parts": [[2000]]},
            "author": [{"family": "Moe", "given": "Al"}]}
    assert render([item], _path("ieee"), "en-US", "text").entries[0].text == "[1] A. Moe, “Art,” Am. L.J., vol. 3, 2000."
    path = _bibliography_style(tmp_path, "", '<group delimiter=" "><label variable="number-of-volumes"/>'
                                             '<text variable="number-of-volumes"/></group>')
    books = [{"id": str(n), "type": "book", "title": str(n), "number-of-volumes": n} for n in (1, 2)]
    assert [e.text for e in render(books, path, "en-US", "text").entries] == ["volume 1", "volumes 2"]


def test_html_escapes_as_citeproc_js_and_number_fields_hold_no_markup(tmp_path: Path):
    """HTML output escapes "<" and ">" in field text as citeproc-js does ("&#60;", "&#62;"); an
    unpaired tag stays text. Number fields (edition, volume …) are not read for markup."""
    item = {"id": "o", "type": "book", "title": "One <i>Two</i> Three</i>", "edition": "1<sup>er</sup>",
            "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2000]]}}
    path = _bibliography_style(tmp_path, "", '<group delimiter=", "><text variable="title"/>'
                                             '<text variable="edition"/></group>')
    assert render([item], path, "en-US", "html").entries[0].text == (
        "One <i>Two</i> Three&#60;/i&#62;, 1&#60;sup&#62;er&#60;/sup&#62;")


def test_et_al_use_first_zero_prints_no_names(tmp_path: Path):
    """``et-al-use-first="0"``: a list long enough to be cut prints nothing (no lone "et al.")."""
    path = _bibliography_style(tmp_path, "", '<group delimiter=" // ">'
                                             '<names variable="author"><name et-al-min="2" et-al-use-first="0"/></names>'
                                             '<names variable="author"><name et-al-min="2" et-al-use-first="1"/></names></group>')
    item = _authors(("Doe", "John"), ("Roe", "Jane"))
    assert render([item], path, "en-US", "text").entries[0].text == "John Doe et al."


def test_explicit_normal_undoes_an_ancestor_s_decoration(tmp_path: Path):
    """font-style="normal" inside an italic group prints upright (``font-style:normal``), and
    nothing where no italic is in force; punctuation moves into quotes through closing markup."""
    path = _bibliography_style(tmp_path, "", '<group delimiter=" / "><text variable="title" font-style="normal"/>'
                                             '<group font-style="italic"><text variable="title" font-style="normal"/>'
                                             '</group></group>')
    item = {"id": "t", "type": "book", "title": "Life"}
    assert render([item], path, "en-US", "html").entries[0].text == (
        'Life / <i><span style="font-style:normal;">Life</span></i>')


def test_display_attributes_in_html(tmp_path: Path):
    """``display`` (CSL 1.0.2) as citeproc-js writes it in HTML: "block" and "indent" as divs laid out
    as its bibliography lays them out; plain text drops them."""
    path = _bibliography_style(tmp_path, "", '<group><names variable="author" display="block"><name/></names>'
                                             '<text variable="title" display="indent"/></group>')
    item = {"id": "d", "type": "book", "title": "Notes", "author": [{"family": "Doe", "given": "John"}]}
    assert render([item], path, "en-US", "html").entries[0].text == (
        '\n\n    <div class="csl-block">John Doe</div>\n<div class="csl-indent">Notes</div>\n  ')
    assert render([item], path, "en-US", "text").entries[0].text == "John DoeNotes"


def test_initials_keep_a_given_name_s_markup(tmp_path: Path):
    """A given name with markup ("<b>John</b> Quiggly") is initialised as its text is, the markup
    kept around the initial ("<b>J.</b> Q.")."""
    path = _bibliography_style(tmp_path, '<name initialize-with=". " name-as-sort-order="all"/>')
    item = {"id": "m", "type": "book", "author": [{"family": "Doe", "given": "<b>John</b> Quiggly"}]}
    assert render([item], path, "en-US", "html").entries[0].text == "Doe, <b>J.</b> Q."
