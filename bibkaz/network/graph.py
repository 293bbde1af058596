"""The whole corpus as one networkx graph: documents, works and persons.

A work that is one of the input documents' own entry is *the same node* as that
document: when brief A cites brief B, the citation network shows A → B rather than
A → "B's bibliography entry".

Edges: document → work ``cites`` (weight = number of citations, in_text, locators),
work → person ``authored``/``edited``, document → person ``wrote``. Every derived
view (bibkaz.network.views) and metric (bibkaz.network.metrics) is computed from
this graph, so counts agree everywhere.
"""

from __future__ import annotations

from typing import Iterable, Mapping

import networkx as nx

from bibkaz.model import Library, Record
from bibkaz.network.authorship import add_persons
from bibkaz.network.citations import per_document
from bibkaz.network.labels import full_reference, node_label, short_label
from bibkaz.network.nodes import DOCUMENT, PERSON, WORK, doc_node, document_record, no_gc, work_node

__all__ = ["DOCUMENT", "WORK", "PERSON", "build_graph", "describe", "no_gc"]


def build_graph(library: Library, broken_links: Mapping[str, int] | None = None,
                persons: bool = True) -> nx.DiGraph:
    """The full graph of ``library``.

    ``broken_links`` (document id → count, from a links report) adds a
    ``broken_links`` attribute to document nodes; ``persons=False`` leaves the
    person nodes out (ranking works does not need them). Labels are not made
    here but by :func:`describe`, for the nodes that are shown or exported.
    """
    with no_gc():
        own = {w.document: w.record for w in library.works if w.document}
        node_of = {w.key: doc_node(w.document) if w.document else work_node(w.key) for w in library.works}
        graph = nx.DiGraph()
        records: dict[str, Record] = {}
        graph.graph["records"] = records
        for doc in library.documents:
            _add_document(graph, doc.id, document_record(doc, own), doc.path)
        for work in library.works:
            node = node_of[work.key]
            if work.document:
                if node not in graph:  # the own entry of a document given only as a .bib/JSON entry
                    _add_document(graph, work.document, work.record, "")
                graph.nodes[node]["key"] = work.key
                continue
            record = work.record
            graph.add_node(node, type=WORK, key=work.key, title=record.title, year=record.year, doi=record.doi)
            records[node] = record
        _add_citations(graph, library, node_of, broken_links)
        if persons:
            add_persons(graph, library, own, node_of)
    return graph


def _add_document(graph: nx.DiGraph, document_id: str, record: Record, path: str) -> None:
    node = doc_node(document_id)
    graph.add_node(node, type=DOCUMENT, key="", document=document_id, path=path or document_id,
                   title=record.title, year=record.year, doi=record.doi)
    graph.graph["records"][node] = record


def describe(graph: nx.Graph, nodes: Iterable[str] | None = None) -> None:
    """Give ``nodes`` (default: all) their ``label`` (drawn next to the node),
    ``short`` (author-year-title for rankings) and ``reference`` (the full
    reference, for hover boxes). Done on demand because it is the costliest
    per-node work and most of a large graph is never shown."""
    records: Mapping[str, Record] = graph.graph.get("records", {})
    for node in graph.nodes if nodes is None else nodes:
        data = graph.nodes[node]
        if "label" in data:
            continue
        record = records.get(node)
        fallback = data.get("document") or data.get("key") or node
        if record is None or not (record.authors or record.editors or record.title):
            data.update(label=fallback, short=fallback, reference=data.get("path") or fallback)
        else:
            # a document is named in full ("Author Year, Short title"): the picture is about documents
            label = short_label(record, fallback, 40) if data.get("document") else node_label(record, fallback)
            data.update(label=label, short=short_label(record, fallback),
                        reference=full_reference(record))


def _add_citations(graph: nx.DiGraph, library: Library, node_of: Mapping[str, str],
                   broken: Mapping[str, int] | None) -> None:
    """Cites edges, per-node citation counts and per-document reference metrics.

    Written as plain loops over dicts: at 10,000 documents citing 200,000 works it
    is the hot spot of every command that reads a corpus.
    """
    nodes = graph.nodes
    for data in nodes.values():
        data.update(documents=0, citations=0, in_text=0)
    citing: dict[str, set[str]] = {}
    per_source: dict[str, list[int]] = {}  # document node -> [works cited, citations made, works with DOI]
    edges = []
    for work in library.works:
        if not (work.references or work.mentions):
            continue
        target = node_of[work.key]
        has_doi = 1 if work.record.doi else 0
        docs = citing.setdefault(target, set())
        received = cited_in_text = 0
        for document, count, mentions, locators in per_document(work):
            source = doc_node(document)
            row = per_source.get(source)
            if row is None:
                if source not in graph:  # a citing document known only from its references
                    _add_document(graph, document, Record(), "")
                    nodes[source].update(documents=0, citations=0, in_text=0)
                row = per_source[source] = [0, 0, 0]
            row[0] += 1
            row[1] += count
            row[2] += has_doi
            edges.append((source, target, {"rel": "cites", "weight": count, "in_text": mentions,
                                           "locators": "; ".join(locators)}))
            docs.add(document)
            received += count
            cited_in_text += mentions
        data = nodes[target]
        data["documents"] = len(docs)
        data["citations"] += received
        data["in_text"] += cited_in_text
    graph.add_edges_from(edges)
    for node, data in graph.nodes(data=True):
        if data["type"] == DOCUMENT:
            refs, made, with_doi = per_source.get(node, (0, 0, 0))
            data.update(references=refs, cites=made, doi_share=round(with_doi / refs, 4) if refs else 0.0)
            if broken is not None:
                data["broken_links"] = int(broken.get(data["document"], 0))
    graph.graph["citing"] = citing
