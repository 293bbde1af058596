"""Graph construction, person matching, views, metrics and exports on a hand-made corpus.

The corpus is counted by hand (the other network tests import it from here).

Documents D1, D2, D3; D3's own entry is the work ``smith2022``.

| work       | D1                         | D2                              | D3                         |
|------------|----------------------------|---------------------------------|----------------------------|
| ahmed2019  | 2 footnotes (ref+mention)  | list entry + 3 author-date      | 1 inline URL               |
| baker2020  | 1 footnote                 | list entry + 1 author-date      |                            |
| chen2021   | list entry, never cited    |                                 | 2 footnotes, links lost    |
| dave2018   |                            | list entry + 4 author-date      |                            |
| aaron2017  |                            | list entry, never cited         |                            |
| zeta2017   |                            | list entry, never cited         |                            |
| smith2022  | 1 footnote                 |                                 | (its own entry)            |

So citations: ahmed 2+3+1=6 (in-text 5), dave 4, chen 1+2=3, baker 2, aaron/smith/zeta 1.
"""

from __future__ import annotations

from bibkaz.model import Document, Library, Mention, Name, RawReference, Record, Work


def ref(doc: str, kind: str, label: str, line: int = 1) -> RawReference:
    return RawReference(doc, kind, f"reference {label} in {doc}", line, label=label)


def mention(doc: str, reference: RawReference | None = None, locator: str = "", kind: str = "note") -> Mention:
    return Mention(doc, kind, "(cite)", 1, locator=locator, reference=reference)


def footnotes(doc: str, start: int, count: int, linked: bool = True, locator: str = ""):
    refs = tuple(ref(doc, "footnote", str(start + i), start + i) for i in range(count))
    mentions = tuple(mention(doc, r if linked else None, locator) for r in refs)
    return refs, mentions


def listed(doc: str, label: str, calls: int, locator: str = ""):
    entry = ref(doc, "reference-list", label, 100)
    return (entry,), tuple(mention(doc, entry, locator, "author-date") for _ in range(calls))


def work(key: str, authors: tuple[Name, ...], title: str, year: str, parts, doi: str = "", document: str = ""):
    refs = tuple(r for rs, _ in parts for r in rs)
    mentions = tuple(m for _, ms in parts for m in ms)
    record = Record(type="article-journal", authors=authors, title=title, date=year, doi=doi)
    return Work(key, record, refs, mentions, document=document)


def corpus() -> Library:
    inline = (ref("D3", "inline-url", "", 5),), ()
    works = (
        work("ahmed2019", (Name("Ahmed", "Sara"), Name("Baker", "T.")), "Steppe politics", "2019",
             [footnotes("D1", 1, 2, locator="p. 4"), listed("D2", "a", 3, "12"), inline], doi="10.1/ahmed"),
        work("baker2020", (Name("Baker", "Tom"),), "Oil and gas", "2020",
             [footnotes("D1", 3, 1), listed("D2", "b", 1)]),
        work("chen2021", (Name("Chen", "L."),), "Border trade", "2021",
             [listed("D1", "c", 0), footnotes("D3", 1, 2, linked=False)], doi="10.1/chen"),
        work("dave2018", (Name("Davé", "Bhavna"),), "Kazakhstan", "2018", [listed("D2", "d", 4)]),
        work("aaron2017", (Name("Dave", "B."),), "Ethnicity", "2017", [listed("D2", "e", 0)]),
        work("zeta2017", (Name("Chen", "Li"), Name("Chen", "Lei")), "Water", "2017", [listed("D2", "z", 0)]),
        work("smith2022", (Name("Smith", "John"),), "Brief three", "2022", [footnotes("D1", 4, 1)], document="D3"),
    )
    documents = (
        Document("D1", "d1.txt", "", meta=Record(type="report", authors=(Name("Ahmed", "S."),),
                                                     title="Brief one", date="2021")),
        Document("D2", "d2.txt", ""),
        Document("D3", "d3.txt", "", meta=works[-1].record),
    )
    return Library(documents=documents, works=works)


# ---------------------------------------------------------------- tests

import json
from pathlib import Path

import networkx as nx
import pytest

from bibkaz.formats import library_json
from bibkaz.model import BibkazError
from bibkaz.network import export
from bibkaz.network.citations import library_citations
from bibkaz.network.graph import build_graph
from bibkaz.network.links_report import broken_links
from bibkaz.network.metrics import annotate_clusters, clusters, document_metrics, pagerank, top
from bibkaz.network.persons import PersonIndex
from bibkaz.network.views import VIEWS, view


def write_library(folder: Path) -> Path:
    """The corpus saved as library JSON (which keeps no mention→reference links)."""
    path = folder / "library.json"
    path.write_text(library_json.dumps(corpus()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return build_graph(corpus())


def test_citation_counts_follow_the_counting_rule():
    got = {(c.document, c.work): (c.count, c.in_text) for c in library_citations(corpus())}
    assert got == {
        ("D1", "ahmed2019"): (2, 2), ("D2", "ahmed2019"): (3, 3), ("D3", "ahmed2019"): (1, 0),
        ("D1", "baker2020"): (1, 1), ("D2", "baker2020"): (1, 1),
        ("D1", "chen2021"): (1, 0), ("D3", "chen2021"): (2, 2),
        ("D2", "dave2018"): (4, 4), ("D2", "aaron2017"): (1, 0), ("D2", "zeta2017"): (1, 0),
        ("D1", "smith2022"): (1, 1),
    }


def test_graph_nodes_and_edges(graph):
    types = {n: d["type"] for n, d in graph.nodes(data=True)}
    assert sorted(n for n, t in types.items() if t == "document") == ["doc:D1", "doc:D2", "doc:D3"]
    # D3's own entry is the D3 node, not a separate work.
    assert "work:smith2022" not in graph
    assert graph.nodes["doc:D3"]["key"] == "smith2022"
    assert graph.edges["doc:D1", "doc:D3"]["weight"] == 1
    assert sorted(n for n, t in types.items() if t == "work") == [
        "work:aaron2017", "work:ahmed2019", "work:baker2020", "work:chen2021", "work:dave2018", "work:zeta2017"]
    cites = graph.edges["doc:D1", "work:ahmed2019"]
    assert (cites["rel"], cites["weight"], cites["in_text"], cites["locators"]) == ("cites", 2, 2, "p. 4")
    assert graph.nodes["work:ahmed2019"]["citations"] == 6
    assert graph.nodes["work:ahmed2019"]["documents"] == 3
    assert graph.nodes["work:ahmed2019"]["in_text"] == 5
    assert graph.edges["work:ahmed2019", "person:ahmed|sara"]["rel"] == "authored"
    assert graph.edges["doc:D1", "person:ahmed|sara"]["rel"] == "wrote"  # "Ahmed, S." is Sara Ahmed
    assert graph.edges["doc:D3", "person:smith|john"]["rel"] == "wrote"


def test_persons_join_initials_only_when_unambiguous(graph):
    persons = {n: d["label"] for n, d in graph.nodes(data=True) if d["type"] == "person"}
    assert persons == {
        "person:ahmed|sara": "Sara Ahmed",
        "person:baker|tom": "Tom Baker",  # "Baker, T." joined
        "person:dave|bhavna": "Bhavna Davé",  # "Dave, B." joined, accented spelling shown
        "person:chen|l": "L. Chen",  # ambiguous between Li and Lei: kept apart
        "person:chen|li": "Li Chen",
        "person:chen|lei": "Lei Chen",
        "person:smith|john": "John Smith",
    }


def test_person_index_rules():
    index = PersonIndex([Name("Davé", "Bhavna"), Name("Dave", "B."), Name("Dave", ""),
                         Name("Müller", "Jean-Pierre"), Name("Muller", "J.-P."), Name("Muller", "JP"),
                         Name(literal="World Bank"), Name(literal="World  Bank")])
    assert index.person_id(Name("Dave", "B.")) == index.person_id(Name("Davé", "Bhavna")) == "dave|bhavna"
    assert index.person_id(Name("Dave", "")) == "dave|bhavna"
    assert index.person_id(Name("Muller", "JP")) == index.person_id(Name("Muller", "J.-P.")) == "muller|jean pierre"
    assert index.label("muller|jean pierre") == "Jean-Pierre Müller"
    assert index.person_id(Name(literal="World Bank")) == "org:world bank"
    assert index.is_organisation("org:world bank")
    # A "B. M. Dave" is another B. Dave: "B. Dave" could be either, so it is joined to neither.
    index = PersonIndex([Name("Davé", "Bhavna"), Name("Dave", "B."), Name("Dave", "B. M.")])
    assert index.person_id(Name("Dave", "B.")) == "dave|b"
    assert index.person_id(Name("Dave", "B. M.")) == "dave|b m"
    assert index.person_id(Name("Dave", "Bhavna")) == "dave|bhavna"


def test_top_works_by_each_measure(graph):
    by_citations = [(r.key, r.citations, r.documents) for r in top(graph, 0, "citations")]
    assert by_citations == [("ahmed2019", 6, 3), ("dave2018", 4, 1), ("chen2021", 3, 2), ("baker2020", 2, 2),
                            ("aaron2017", 1, 1), ("smith2022", 1, 1), ("zeta2017", 1, 1)]
    by_documents = [r.key for r in top(graph, 4, "documents")]
    assert by_documents == ["ahmed2019", "chen2021", "baker2020", "dave2018"]
    first = top(graph, 1)[0]
    assert first.citing == ("D1", "D2", "D3") and first.in_text == 5
    assert first.label == "Ahmed & Baker 2019, Steppe politics"


def test_top_persons(graph):
    rows = [(r.label, r.citations, r.documents, r.works) for r in top(graph, 0, "citations", persons=True)]
    assert rows == [("Tom Baker", 8, 3, 2), ("Sara Ahmed", 6, 3, 2), ("Bhavna Davé", 5, 1, 2), ("L. Chen", 3, 2, 1),
                    ("Lei Chen", 1, 1, 1), ("Li Chen", 1, 1, 1), ("John Smith", 1, 1, 1)]


def test_pagerank_by_hand():
    # Two documents citing one work: PR(work) = 27/47, PR(each document) = 10/47 (damping 0.85).
    lib = Library(documents=(Document("A", "a", ""), Document("B", "b", "")),
                  works=(work("w", (), "W", "2020", [footnotes("A", 1, 1), footnotes("B", 1, 1)]),))
    ranks = pagerank(build_graph(lib))
    assert ranks["work:w"] == pytest.approx(27 / 47, abs=1e-6)
    assert ranks["doc:A"] == pytest.approx(10 / 47, abs=1e-6)
    assert [r.key for r in top(build_graph(lib), by="pagerank")] == ["w"]


def test_document_metrics_and_broken_links(tmp_path):
    report = tmp_path / "links.json"
    # The layout of docs/links-json.md, version 1.
    report.write_text(json.dumps({"bibkaz_links": 1, "network": "online", "links": [
        {"link": "https://a.example/x", "kind": "url", "status": "broken", "http_status": 404,
         "works": ["ahmed2019"], "documents": ["D1", "D3"]},
        {"link": "https://b.example/y", "kind": "url", "status": "broken", "soft_404": True,
         "works": ["baker2020"], "documents": [{"id": "D1"}]},
        {"link": "https://c.example/z", "kind": "url", "status": "timeout", "documents": ["D2"]},
        {"link": "10.1/chen", "kind": "doi", "status": "blocked", "documents": ["D1"]},
        {"link": "https://d.example/", "kind": "url", "status": "ok", "documents": ["D2"]},
    ]}))
    assert broken_links(report) == {"D1": 2, "D3": 1}
    metrics = {m.id: m for m in document_metrics(build_graph(corpus(), broken_links(report)))}
    # D1 cites ahmed (DOI), baker, chen (DOI) and D3: 2 of 4 have a DOI.
    assert (metrics["D1"].references, metrics["D1"].citations, metrics["D1"].doi_share) == (4, 5, 0.5)
    assert (metrics["D2"].references, metrics["D2"].doi_share, metrics["D2"].broken_links) == (5, 0.2, 0)
    assert metrics["D3"].broken_links == 1
    assert document_metrics(build_graph(corpus()))[0].broken_links is None


def test_links_report_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(BibkazError, match="bad.json:1"):
        broken_links(bad)
    bad.write_text('{"nothing": 1}')
    with pytest.raises(BibkazError, match="not a links report"):
        broken_links(bad)


def test_cocitation_and_coupling_weights(graph):
    co = view(graph, "cocitation")
    assert co.edges["work:ahmed2019", "work:baker2020"]["weight"] == 2  # D1 and D2
    assert co.edges["work:ahmed2019", "work:chen2021"]["weight"] == 2  # D1 and D3
    assert co.edges["work:baker2020", "work:chen2021"]["weight"] == 1  # D1
    assert co.edges["work:ahmed2019", "doc:D3"]["weight"] == 1
    assert not co.has_edge("work:dave2018", "work:chen2021")
    coupling = view(graph, "coupling")
    weights = {tuple(sorted((a, b))): d["weight"] for a, b, d in coupling.edges(data=True)}
    assert weights == {("doc:D1", "doc:D2"): 2, ("doc:D1", "doc:D3"): 2, ("doc:D2", "doc:D3"): 1}
    authors = view(graph, "coauthor")
    assert authors.edges["person:ahmed|sara", "person:baker|tom"]["weight"] == 1
    assert authors.edges["person:chen|li", "person:chen|lei"]["weight"] == 1
    assert authors.number_of_edges() == 2
    citation = view(graph, "citation")
    assert all(d["type"] in ("document", "work") for _, d in citation.nodes(data=True))
    assert citation.number_of_edges() == 11
    with pytest.raises(BibkazError, match="unknown view"):
        view(graph, "nope")


def test_components_and_communities():
    # X cites p, q, r and Y cites s, t: two co-citation components, two communities.
    lib = Library(
        documents=(Document("X", "x", ""), Document("Y", "y", "")),
        works=tuple(work(k, (), k, "2020", [footnotes(d, 1, 1)]) for k, d in
                    (("p", "X"), ("q", "X"), ("r", "X"), ("s", "Y"), ("t", "Y"))),
    )
    co = view(build_graph(lib), "cocitation")
    found = clusters(co)
    assert found.components == (("work:p", "work:q", "work:r"), ("work:s", "work:t"))
    assert found.communities == found.components
    annotate_clusters(co, found)
    assert co.nodes["work:s"]["community"] == 1 and co.nodes["work:p"]["component"] == 0


@pytest.mark.parametrize("name", VIEWS)
def test_exports_load_back(graph, tmp_path, name):
    chosen = view(graph, name)
    weights = {tuple(sorted((s, t))): d["weight"] for s, t, d in chosen.edges(data=True)}
    for suffix in (".graphml", ".gexf", ".json", ".net", ".dot"):
        export.write(chosen, tmp_path / f"g{suffix}")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert set(back.nodes) == set(chosen.nodes)
    assert {tuple(sorted((s, t))): d["weight"] for s, t, d in back.edges(data=True)} == weights
    for node, data in chosen.nodes(data=True):
        assert back.nodes[node]["type"] == data["type"]
        assert back.nodes[node]["label"] == data["label"]
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert set(gexf.nodes) == set(chosen.nodes) and gexf.number_of_edges() == chosen.number_of_edges()
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    linked = nx.node_link_graph(data, edges="links")
    assert set(linked.nodes) == set(chosen.nodes)
    assert {tuple(sorted((s, t))): d["weight"] for s, t, d in linked.edges(data=True)} == weights
    pajek = nx.read_pajek(tmp_path / "g.net")
    assert set(pajek.nodes) == set(chosen.nodes)
    dot = (tmp_path / "g.dot").read_text(encoding="utf-8")
    assert dot.count(" -> " if chosen.is_directed() else " -- ") == chosen.number_of_edges()
    assert all(f'"{n}" [' in dot for n in chosen.nodes)


def test_exported_nodes_carry_type_label_key_year_and_counts(tmp_path):
    export.write(view(build_graph(corpus()), "citation"), tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    data = back.nodes["work:ahmed2019"]
    assert {k: data[k] for k in ("type", "label", "key", "year", "citations", "documents", "in_text")} == {
        "type": "work", "label": "Ahmed & Baker 2019", "key": "ahmed2019", "year": "2019",
        "citations": 6, "documents": 3, "in_text": 5}
    assert "Sara Ahmed; T. Baker (2019). Steppe politics" in data["reference"]
    assert back.nodes["doc:D2"]["label"] == "D2" and back.nodes["doc:D3"]["label"] == "Smith 2022, Brief three"
    assert back.nodes["doc:D1"]["doi_share"] == 0.5


def test_unknown_export_extension():
    with pytest.raises(BibkazError, match="cannot tell the network format"):
        export.format_for("graph.xlsx")


def test_editors_are_credited_only_for_works_without_authors():
    chapter = Work("meister2018", Record(type="chapter", authors=(Name("Meister", "S."),), editors=(Name("Ebert", "H."),),
                                         title="Hedging", date="2018"), *listed("A", "m", 3))
    volume = Work("flemes2019", Record(type="book", editors=(Name("Flemes", "D."),), title="Powers", date="2019"),
                  *footnotes("A", 1, 1))
    graph = build_graph(Library(documents=(Document("A", "a", ""),), works=(chapter, volume)))
    assert graph.edges["work:meister2018", "person:ebert|h"]["rel"] == "edited"
    rows = [(r.label, r.citations, r.works) for r in top(graph, 0, persons=True)]
    assert rows == [("S. Meister", 3, 1), ("D. Flemes", 1, 1)]


def test_table_and_markdown_shorten_long_citing_lists_csv_and_json_do_not():
    from bibkaz.network.report import render_ranking

    many = Library(documents=tuple(Document(f"d{i:02d}", "", "") for i in range(20)),
                   works=(work("w", (), "W", "2020", [footnotes(f"d{i:02d}", 1, 1) for i in range(20)]),))
    rows = top(build_graph(many), 1)
    assert len(rows[0].citing) == 20
    assert "d07 … (+12 more)" in render_ranking(rows, "markdown")
    assert "(+12 more)" in render_ranking(rows, "table", width=200)
    assert "d19" in render_ranking(rows, "csv") and len(json.loads(render_ranking(rows, "json"))[0]["citing"]) == 20
    with pytest.raises(BibkazError, match="unknown format"):
        render_ranking(rows, "xml")
