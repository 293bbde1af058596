"""The whole corpus as one networkx graph: documents, works and persons.

Node ids carry their type ("doc:…", "work:…", "person:…") so a work key can never
collide with a document id. A work that is one of the input documents' own entry
is *the same node* as that document: when brief A cites brief B, the citation
network shows A → B rather than A → "B's bibliography entry".

Edges: document → work ``cites`` (weight = number of citations, in_text, locators),
work → person ``authored``/``edited``, document → person ``wrote``. Every derived
view (bibkaz.network.views) and metric (bibkaz.network.metrics) is computed from
this graph, so counts agree everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping

import networkx as nx

from bibkaz.model import Document, Library, Name, Record
from bibkaz.network.citations import library_citations
from bibkaz.network.labels import full_reference, node_label, short_label
from bibkaz.network.persons import PersonIndex

DOCUMENT, WORK, PERSON = "document", "work", "person"


def doc_node(document_id: str) -> str:
    return f"doc:{document_id}"


def work_node(key: str) -> str:
    return f"work:{key}"


def person_node(person_id: str) -> str:
    return f"person:{person_id}"


def _document_record(doc: Document, own: Mapping[str, Record]) -> Record:
    return doc.meta or own.get(doc.id) or Record()


def _all_names(library: Library, own: Mapping[str, Record]) -> list[Name]:
    names: list[Name] = []
    for work in library.works:
        names.extend(work.record.authors)
        names.extend(work.record.editors)
    for doc in library.documents:
        names.extend(_document_record(doc, own).authors)
    return names


def build_graph(library: Library, broken_links: Mapping[str, int] | None = None) -> nx.DiGraph:
    """The full graph of ``library``; ``broken_links`` (document id → count, from a
    links report) adds a ``broken_links`` attribute to document nodes."""
    own = {w.document: w.record for w in library.works if w.document}
    own_key = {w.document: w.key for w in library.works if w.document}
    node_of = {w.key: doc_node(w.document) if w.document else work_node(w.key) for w in library.works}
    graph = nx.DiGraph()
    for doc in library.documents:
        record = _document_record(doc, own)
        graph.add_node(
            doc_node(doc.id),
            type=DOCUMENT,
            key=own_key.get(doc.id, ""),
            document=doc.id,
            label=node_label(record, doc.id) if (record.authors or record.title) else doc.id,
            short=short_label(record, doc.id) if (record.authors or record.title) else doc.id,
            title=record.title,
            year=record.year,
            doi=record.doi,
            reference=full_reference(record) if (record.authors or record.title) else doc.path or doc.id,
        )
    for work in library.works:
        if work.document:
            continue
        record = work.record
        graph.add_node(
            work_node(work.key),
            type=WORK,
            key=work.key,
            label=node_label(record, work.key),
            short=short_label(record, work.key),
            title=record.title,
            year=record.year,
            doi=record.doi,
            reference=full_reference(record),
        )
    _add_citations(graph, library, node_of)
    _add_persons(graph, library, own, node_of)
    _add_document_metrics(graph, library, broken_links)
    return graph


def _add_citations(graph: nx.DiGraph, library: Library, node_of: Mapping[str, str]) -> None:
    citing_docs: dict[str, set[str]] = defaultdict(set)
    for c in library_citations(library):
        source, target = doc_node(c.document), node_of[c.work]
        if source not in graph:  # a citing document known only from its references
            graph.add_node(source, type=DOCUMENT, key="", document=c.document, label=c.document,
                           short=c.document, title="", year="", doi="", reference=c.document)
        graph.add_edge(source, target, rel="cites", weight=c.count, in_text=c.in_text,
                       locators="; ".join(c.locators))
        citing_docs[target].add(c.document)
    for node, data in graph.nodes(data=True):
        edges = [graph.edges[s, node] for s in graph.predecessors(node)]
        data["documents"] = len(citing_docs.get(node, ()))
        data["citations"] = sum(e["weight"] for e in edges)
        data["in_text"] = sum(e["in_text"] for e in edges)


def _add_persons(graph: nx.DiGraph, library: Library, own: Mapping[str, Record],
                 node_of: Mapping[str, str]) -> None:
    index = PersonIndex(_all_names(library, own))

    def link(source: str, names: tuple[Name, ...], rel: str) -> None:
        for name in names:
            pid = index.person_id(name)
            if pid is None:
                continue
            node = person_node(pid)
            if node not in graph:
                graph.add_node(node, type=PERSON, key="", label=index.label(pid),
                               organisation=index.is_organisation(pid))
            if graph.has_edge(source, node):
                rels = graph.edges[source, node]["rel"].split("+")
                if rel not in rels:
                    graph.edges[source, node]["rel"] = "+".join([*rels, rel])
            else:
                graph.add_edge(source, node, rel=rel, weight=1)

    for work in library.works:
        rel = "wrote" if work.document else "authored"
        link(node_of[work.key], work.record.authors, rel)
        link(node_of[work.key], work.record.editors, "edited")
    for doc in library.documents:
        if doc.id not in own:
            link(doc_node(doc.id), _document_record(doc, own).authors, "wrote")
    for node, data in graph.nodes(data=True):
        if data["type"] != PERSON:
            continue
        works = [s for s in graph.predecessors(node)]
        citing: set[str] = set()
        for w in works:
            citing.update(graph.nodes[d]["document"] for d in graph.predecessors(w)
                          if graph.edges[d, w]["rel"] == "cites")
        data["works"] = len(works)
        data["documents"] = len(citing)
        data["citations"] = sum(graph.nodes[w]["citations"] for w in works)
        data["in_text"] = sum(graph.nodes[w]["in_text"] for w in works)


def _add_document_metrics(graph: nx.DiGraph, library: Library, broken: Mapping[str, int] | None) -> None:
    for node, data in graph.nodes(data=True):
        if data["type"] != DOCUMENT:
            continue
        cited = [t for t in graph.successors(node) if graph.edges[node, t]["rel"] == "cites"]
        data["references"] = len(cited)
        data["cites"] = sum(graph.edges[node, t]["weight"] for t in cited)
        with_doi = sum(1 for t in cited if graph.nodes[t].get("doi"))
        data["doi_share"] = round(with_doi / len(cited), 4) if cited else 0.0
        if broken is not None:
            data["broken_links"] = int(broken.get(data["document"], 0))
