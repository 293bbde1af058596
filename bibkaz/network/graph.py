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

import gc
from collections import defaultdict
from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping

import networkx as nx

from bibkaz.model import Document, Library, Name, Record
from bibkaz.network.citations import per_document
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


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the graph is built.

    Building allocates millions of small dicts and no cycles; with a large
    Library alive, each automatic collection re-scans all of it, which made a
    10,000-document build several times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
            _add_document(graph, doc.id, _document_record(doc, own), doc.path)
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
            _add_persons(graph, library, own, node_of)
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
            data.update(label=node_label(record, fallback), short=short_label(record, fallback),
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


_AUTHORSHIP = {"authored", "wrote"}


def credited_works(graph: nx.DiGraph, person: str) -> list[str]:
    """The works and documents whose citations count for ``person``: those they
    wrote, and those they edited when nobody is named as author (an edited volume
    cited as a whole). The editors of the book a cited chapter stands in are not
    credited with the chapter's citations."""
    authored = graph.graph.get("authored", set())
    out = []
    for work in graph.predecessors(person):
        rels = graph.edges[work, person]["rel"].split("+")
        if work not in authored or _AUTHORSHIP.intersection(rels):
            out.append(work)
    return out


def _add_persons(graph: nx.DiGraph, library: Library, own: Mapping[str, Record],
                 node_of: Mapping[str, str]) -> None:
    index = PersonIndex(_all_names(library, own))
    roles: dict[tuple[str, str], list[str]] = {}  # (work or document, person) -> roles in order

    def link(source: str, names: tuple[Name, ...], rel: str) -> None:
        for name in names:
            pid = index.person_id(name)
            if pid is None:
                continue
            pair = (source, person_node(pid))
            rels = roles.get(pair)
            if rels is None:
                roles[pair] = [rel]
            elif rel not in rels:
                rels.append(rel)

    for work in library.works:
        link(node_of[work.key], work.record.authors, "wrote" if work.document else "authored")
        link(node_of[work.key], work.record.editors, "edited")
    for doc in library.documents:
        if doc.id not in own:
            link(doc_node(doc.id), _document_record(doc, own).authors, "wrote")
    people = dict.fromkeys(person for _, person in roles)
    graph.add_nodes_from(
        (node, {"type": PERSON, "key": "", "label": index.label(pid), "organisation": index.is_organisation(pid)})
        for node, pid in ((node, node.removeprefix("person:")) for node in people)
    )
    graph.add_edges_from((s, t, {"rel": "+".join(rels), "weight": 1}) for (s, t), rels in roles.items())
    # Works with a named author: their editors are not credited (see credited_works).
    graph.graph["authored"] = {s for (s, _), rels in roles.items() if _AUTHORSHIP.intersection(rels)}
    citing = graph.graph["citing"]
    nodes = graph.nodes
    for node in people:
        works = credited_works(graph, node)
        nodes[node].update(
            works=len(works),
            documents=len(set().union(*(citing.get(w, ()) for w in works))),
            citations=sum(nodes[w]["citations"] for w in works),
            in_text=sum(nodes[w]["in_text"] for w in works),
        )
