"""The resolver on hand-built records: what must merge, what must never merge."""

from __future__ import annotations

from bibkaz.model import Document, Extraction, Mention, Name, ParsedReference, RawReference, Record
from bibkaz.resolve import combine_libraries, resolve, resolve_report
from bibkaz.resolve.cluster import cluster_records
from bibkaz.resolve.keys import assign_keys, base_key

COOLEY = Name("Cooley", "Alexander")
COOLEY_I = Name("Cooley", "A.")


def art(title, authors=(COOLEY,), year="2012", container="", **kw) -> Record:
    kind = kw.pop("type", "article-journal" if container else "book")
    return Record(type=kind, title=title, authors=tuple(authors), date=year, container_title=container, **kw)


def same(*records: Record) -> bool:
    return len(cluster_records(records).groups) == 1


def apart(*records: Record) -> bool:
    return len(cluster_records(records).groups) == len(records)


# --- what must merge -------------------------------------------------------------


def test_sentence_case_title_case_and_initials():
    a = art("Great Games, Local Rules: The New Great Power Contest in Central Asia", publisher="Oxford University Press")
    b = art("Great games, local rules: the new great power contest in Central Asia", authors=[COOLEY_I])
    assert same(a, b)


def test_dropped_subtitle_and_short_note():
    full = art("Great Games, Local Rules: The New Great Power Contest in Central Asia")
    no_sub = art("Great Games, Local Rules")
    short = art("Great Games", year="")
    assert same(full, no_sub, short)


def test_abbreviated_journal_and_diacritics():
    a = art("Bollywood in Central Asia", [Name("Davé", "Bhavna")], "2019", "Central Asian Survey", volume="38")
    b = art("Bollywood in Central Asia", [Name("Dave", "B.")], "2019", "Cent. Asian Surv.")
    assert same(a, b)


def test_et_al_against_full_list_and_online_first_year():
    authors = [Name("Ohle", "Marcel"), Name("Cook", "Richard"), Name("Han", "Zhen")]
    a = art("Water governance in the Aral basin", authors, "2020", "Water Policy", doi="")
    b = art("Water Governance in the Aral Basin", authors[:1], "2019", "Water Pol.")
    assert same(a, b)


def test_same_doi_is_same_work_whatever_else_differs():
    a = art("Something", year="2018", doi="10.1080/02634937.2018.1")
    b = art("Something quite different", [Name("Other")], "2021", doi="10.1080/02634937.2018.1")
    assert same(a, b)


def test_organisation_with_and_without_article():
    a = art("Kazakhstan economic update", [Name(literal="World Bank")], "2021", type="report")
    b = art("Kazakhstan Economic Update", [Name(literal="The World Bank")], "2021", type="report")
    assert same(a, b)


# --- what must never merge -----------------------------------------------------------


def test_same_author_and_year_different_titles():
    a = art("Russia's war and Central Asia", [Name("Umarov", "Temur")], "2022", year_suffix="a")
    b = art("Russia's war and Central Asia's economies", [Name("Umarov", "Temur")], "2022", year_suffix="b")
    assert apart(a, b)


def test_same_title_different_years_and_authors():
    a = art("Central Asia in transition", [Name("Smith", "John")], "2015")
    b = art("Central Asia in transition", [Name("Brown", "Mary")], "2019")
    assert apart(a, b)


def test_chapter_and_its_book():
    book = art("Central Asia in the era of sovereignty", [Name("Burghart", "Daniel")], "2018", type="book")
    chapter = art(
        "Central Asia in the era of sovereignty", [Name("Burghart", "Daniel")], "2018",
        "Central Asia in the era of sovereignty", type="chapter",
    )
    assert apart(book, chapter)


def test_review_and_reviewed_work():
    book = art("Great Games, Local Rules")
    review = art("Review of Great Games, Local Rules", [Name("Cooley", "A.")], "2013", "Slavic Review")
    assert apart(book, review)


def test_annual_reports_a_year_apart():
    a = art("Kazakhstan economic update", [Name(literal="World Bank")], "2021", type="report")
    b = art("Kazakhstan economic update", [Name(literal="World Bank")], "2022", type="report")
    assert apart(a, b)


def test_ambiguous_short_title_stays_apart_and_is_reported():
    a = art("Central Asia and the war: Trade", [Name("Umarov", "Temur")], "2022")
    b = art("Central Asia and the war: Migration", [Name("Umarov", "Temur")], "2022")
    short = art("Central Asia and the war", [Name("Umarov", "T.")], "")
    clustering = cluster_records([a, b, short])
    assert len(clustering.groups) == 3
    assert any("ambiguous" in m.reason for m in clustering.near_misses)


def test_chain_cannot_join_contradicting_records():
    a = art("Water and power in Central Asia", year="2010", doi="10.1/a", container="Europe-Asia Studies")
    b = art("Water and power in Central Asia", year="2010")
    c = art("Water and power in Central Asia", year="2010", doi="10.1/c", container="Water Policy")
    assert len(cluster_records([a, b, c]).groups) == 2


def test_one_work_with_two_dois_merges_with_a_warning():
    a = art("Water and power in Central Asia", year="2010", doi="10.1/a", container="Europe-Asia Studies")
    c = art("Water and power in Central Asia", year="2010", doi="10.1/c", container="Europe-Asia Stud.")
    e, p = _brief("b1", None, [("Cooley 2010", a), ("Cooley, Water", c)])
    library = resolve([e], p)
    assert len(library.works) == 1
    assert "conflicting DOIs: 10.1/a (b1:" in library.warnings[0] and "10.1/c" in library.warnings[0]


def test_empty_records_never_merge():
    assert apart(Record(), Record())


# --- keys --------------------------------------------------------------------------


def test_base_key_rules():
    assert base_key(art("Why No Kazakh Novorossiya?", [Name("Laruelle", "Marlène")], "2018")) == "laruelle2018why"
    assert base_key(art("The Steppe and the Sown", [Name("Ṣāliḥ", "A.")], "")) == "salihsteppe"
    assert base_key(art("Kazakhstan economic update", [Name(literal="The World Bank")], "2021")) == "world2021kazakhstan"
    assert base_key(art("The future of Central Asia", [], "2020")) == "future2020central"
    assert base_key(art("Letters", [Name("Gogh", "Vincent", particle="van")], "1888")) == "gogh1888letters"
    assert base_key(art("China and Russia", [], "2017", editors=(Name("Laruelle", "M."),))) == "laruelle2017china"
    assert base_key(Record()) == "untitled"  # never "anon": issue 17


def test_collision_suffixes_follow_content_not_input_order():
    a = art("Russia's war", [Name("Umarov", "Temur")], "2022-03")
    b = art("Russia's war and trade", [Name("Umarov", "Temur")], "2022-05")
    assert assign_keys([a, b]) == ["umarov2022russias", "umarov2022russiasa"]
    assert assign_keys([b, a]) == ["umarov2022russiasa", "umarov2022russias"]


def test_existing_keys_are_kept_and_only_new_collisions_get_suffixes():
    later = art("Russia's war and trade", [Name("Umarov", "Temur")], "2022-05")
    earlier = art("Russia's war", [Name("Umarov", "Temur")], "2022-03")
    ref = RawReference("b1", "reference-list", "Umarov (2022) ...", 3)
    first = resolve([], [ParsedReference(ref, later)])
    assert [w.key for w in first.works] == ["umarov2022russias"]
    ref2 = RawReference("b2", "reference-list", "Umarov 2022 ...", 5)
    again = resolve(
        [], [ParsedReference(ref, later), ParsedReference(ref2, earlier)],
        existing_keys={"umarov2022russias": later},
    )
    keys = {w.record.title: w.key for w in again.works}
    assert keys == {"Russia's war and trade": "umarov2022russias", "Russia's war": "umarov2022russiasa"}


# --- the library -------------------------------------------------------------------


def _brief(doc_id: str, meta: Record | None, refs: list[tuple[str, Record]]):
    raws = [RawReference(doc_id, "reference-list", text, n + 10, label="") for n, (text, _) in enumerate(refs)]
    mentions = tuple(Mention(doc_id, "author-date", f"({text[:10]})", n + 2, reference=r) for n, (r, (text, _)) in enumerate(zip(raws, refs)))
    unresolved = Mention(doc_id, "numeric", "[9]", 4, marker="9", reason="no note 9")
    doc = Document(doc_id, f"{doc_id}.txt", "text", meta=meta)
    extraction = Extraction(doc, tuple(raws), mentions + (unresolved,))
    parsed = [ParsedReference(r, rec) for r, (_, rec) in zip(raws, refs)]
    return extraction, parsed


def test_resolve_builds_works_with_references_mentions_and_field_sources():
    apa = art("Great games, local rules: the new great power contest in Central Asia", [COOLEY_I], doi="10.1093/x")
    chicago = art("Great Games, Local Rules: The New Great Power Contest in Central Asia", publisher="Oxford University Press", place="New York")
    own = art("Pipelines and power in Kazakhstan", [Name("Standish", "Reid")], "2014-05-13", type="webpage")
    cites_own = art("Pipelines and Power in Kazakhstan", [Name("Standish", "R.")], "2014", type="webpage")
    e1, p1 = _brief("b1", own, [("Cooley, A. (2012). Great games", apa)])
    e2, p2 = _brief("b2", None, [("Cooley, Alexander. Great Games", chicago), ("Standish 2014", cites_own)])
    library = resolve([e1, e2], p1 + p2)
    assert [d.id for d in library.documents] == ["b1", "b2"]
    assert [w.key for w in library.works] == sorted(w.key for w in library.works)
    cooley = library.work("cooley2012great")
    assert cooley.record.authors == (COOLEY,)
    assert cooley.record.doi == "10.1093/x" and cooley.record.publisher == "Oxford University Press"
    sources = dict(cooley.field_sources)
    assert sources["doi"] == p1[0].reference.id and sources["publisher"] == p2[0].reference.id
    assert len(cooley.references) == 2 and len(cooley.mentions) == 2
    assert all(m.reference in cooley.references for m in cooley.mentions)
    standish = library.work("standish2014pipelines")
    assert standish.document == "b1" and standish.record.date == "2014-05-13"
    assert library.document_key("b1") == "standish2014pipelines"
    assert len(library.unresolved) == 2


def test_conflicting_years_are_warnings_naming_both_sources():
    a = art("Water governance in the Aral basin", [Name("Ohle", "M.")], "2019", "Water Policy")
    b = art("Water governance in the Aral basin", [Name("Ohle", "Marcel")], "2020", "Water Policy")
    e, p = _brief("b1", None, [("Ohle 2019", a), ("Ohle 2020", b)])
    library = resolve([e], p)
    assert len(library.works) == 1
    (warning,) = library.warnings
    assert "conflicting years" in warning and p[0].reference.id in warning and p[1].reference.id in warning
    assert library.works[0].record.year == "2020"


def test_two_documents_never_merge_with_each_other():
    meta = art("Notes on Central Asia", [Name("Roe", "Ann")], "2020", type="report")
    e1, _ = _brief("b1", meta, [])
    e2, _ = _brief("b2", meta, [])
    library = resolve([e1, e2], [])
    assert sorted(w.document for w in library.works) == ["b1", "b2"]
    assert len({w.key for w in library.works}) == 2


def test_resolution_reports_near_misses():
    a = art("Russia's war and Central Asia", [Name("Umarov", "Temur")], "2022", year_suffix="a")
    b = art("Russia's war and Central Asia's economies", [Name("Umarov", "Temur")], "2022", year_suffix="b")
    e, p = _brief("b1", None, [("Umarov 2022a", a), ("Umarov 2022b", b)])
    report = resolve_report([e], p)
    ((x, y, miss),) = report.near_misses()
    assert {x.record.year_suffix, y.record.year_suffix} == {"a", "b"} and miss.score >= 70


def test_combine_libraries_merges_works_and_keeps_first_keys():
    e1, p1 = _brief("b1", None, [("Cooley 2012", art("Great Games, Local Rules", [COOLEY_I]))])
    e2, p2 = _brief("b2", None, [("Cooley 2012", art("Great games, local rules", [COOLEY], publisher="OUP"))])
    one = resolve([e1], p1)
    two = resolve([e2], p2)
    combined = combine_libraries([one, two])
    (work,) = combined.works
    assert work.key == "cooley2012great" and work.record.publisher == "OUP"
    assert len(work.references) == 2 and len(work.mentions) == 2
    assert [d.id for d in combined.documents] == ["b1", "b2"]
    assert dict(work.field_sources)["publisher"] == p2[0].reference.id


# --- robustness to imperfect parses ---------------------------------------------------


def test_title_that_ran_into_the_publisher_or_site():
    clean = art("Central Asia in Transition", [Name("Harper", "J.")], "2015", publisher="Routledge")
    overrun = art("Central Asia in Transition, Routledge", [Name("Harper", "Jonathan")], "2015")
    site = art("How the Unrest Reshaped Politics", [Name("Kassenova", "N.")], "2022", "Carnegie Endowment")
    site_in_title = art("How the Unrest Reshaped Politics, Carnegie Endowment", [Name("Kassenova", "N.")], "2022")
    assert same(clean, overrun) and same(site, site_in_title)
    # Words that belong to no field of the other record are a different title.
    assert apart(clean, art("Central Asia in Transition, Revisited", [Name("Harper", "J.")], "2015"))


def test_trailing_parenthetical_is_not_part_of_the_title():
    a = art("Tajikistan: The changing insurgent threats (Asia Report No. 205)", [Name(literal="International Crisis Group")], "2011")
    b = art("Tajikistan: The Changing Insurgent Threats", [Name(literal="International Crisis Group")], "2011")
    assert same(a, b)


def test_author_left_in_the_title_by_the_parser():
    named = art("The Central Asian Economies in the Twenty-First Century", [Name("Pomfret", "Richard")], "2019")
    bare = art("[1]R. Pomfret, The Central Asian Economies in the Twenty-First Century. Princeton", [], "2019")
    assert same(named, bare)
    other = art("[1]J. Smith, The Central Asian Economies in the Twenty-First Century. Princeton", [], "2019")
    assert apart(named, other)


def test_compound_and_swapped_family_names():
    full = art("The Transformation of Central Asia", [Name("Jones Luong", "Pauline")], "2004")
    cut = art("The transformation of Central Asia", [Name("Luong", "P. Jones")], "2004")
    swapped = art("The Transformation of Central Asia", [Name("Pauline", "Jones Luong")], "2004")
    assert same(full, cut) and same(full, swapped)
    assert apart(art("Bazaars", [Name("Smith", "A.")], "2010"), art("Bazaars", [Name("Smithson", "A.")], "2010"))


def test_explain_lines_name_references_and_scores():
    from bibkaz.resolve.explain import explain_lines

    a = art("Russia's war and Central Asia", [Name("Umarov", "Temur")], "2022", year_suffix="a")
    b = art("Russia's war and Central Asia's economies", [Name("Umarov", "Temur")], "2022", year_suffix="b")
    c = art("Russia's War and Central Asia", [Name("Umarov", "T.")], "2022", year_suffix="a")
    e, p = _brief("b1", None, [("Umarov, T. (2022a). Russia's war", a), ("Umarov 2022b", b), ("Umarov (2022a) again", c)])
    lines = explain_lines(resolve_report([e], p))
    assert lines[0].startswith("merged umarov2022russias: b1:10 “Umarov, T. (2022a). Russia's war” + b1:12")
    assert any(line.startswith("apart  b1:10 ") and "b1:11" in line and "score" in line for line in lines)


def test_extraction_warnings_reach_the_library():
    doc = Document("b1", "b1.txt", "text")
    library = resolve([Extraction(doc, warnings=("b1.txt:3: note 4 has no text",))], [])
    assert library.warnings == ("b1.txt:3: note 4 has no text",)


def test_combine_keeps_one_document_held_by_two_libraries():
    meta = art("Notes on Central Asia", [Name("Roe", "Ann")], "2020", type="report")
    cited = art("Great Games, Local Rules", [COOLEY])
    e1, p1 = _brief("b1", meta, [("Cooley 2012", cited)])
    library = resolve([e1], p1)
    combined = combine_libraries([library, library])
    assert [d.id for d in combined.documents] == ["b1"]
    assert sorted(w.key for w in combined.works) == sorted(w.key for w in library.works)
    assert combined.document_key("b1") == library.document_key("b1")
    (cooley,) = [w for w in combined.works if w.key.startswith("cooley")]
    assert len(cooley.references) == 1 and len(cooley.mentions) == 1


def test_a_series_posts_on_one_site_stay_apart_but_a_page_and_its_pdf_or_cut_address_merge():
    # a Medium series: titles that differ only by "(0/10)", "(1/10)", each post at its own address
    def post(n: str, slug: str) -> Record:
        return Record(type="post-weblog", title=f"DSD Fall 2022: Quantifying the Commons ({n}/10)",
                      authors=(Name("Bransthre"),), date="2022-11", container_title="Medium",
                      url=f"https://medium.com/@bransthre/dsd-fall-2022-quantifying-the-commons-{slug}")
    assert apart(post("0", "0-10-d1844092fc7a"), post("1", "1-10-970dc24626b"), post("2", "2-10-537a5b204d7b"))
    # a report's landing page and its PDF; an address a conversion cut short
    gao = dict(type="report", title="Managing for Results", authors=(Name(literal="GAO"),), date="2005")
    assert same(Record(**gao, url="https://www.gao.gov/products/gao-05-927"),
                Record(**gao, url="https://www.gao.gov/assets/gao-05-927.pdf"))
    kent = dict(type="article-magazine", title="Kent: Agencies Need to Get Started on Automation", date="2019")
    assert same(Record(**kent, url="https://www.meritalk.com/articles/kent-agencies-need-to-get-started-on-automati"),
                Record(**kent, url="https://www.meritalk.com/articles/kent-agencies-need-to-get-started-on-automation-ai/"))
