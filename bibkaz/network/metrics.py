"""Rankings and measures computed from the full graph.

Rankings are deterministic: the chosen measure first, then citations, then citing
documents, then the key, so two runs over the same corpus print the same list.
PageRank is rounded before comparing so float noise cannot reorder ties.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace

import networkx as nx

from bibkaz.model import BibkazError
from bibkaz.network.authorship import credited_works
from bibkaz.network.graph import describe
from bibkaz.network.nodes import DOCUMENT, PERSON, no_gc
from bibkaz.network.views import citation_view

RANKINGS = ("documents", "citations", "pagerank")


@dataclass(frozen=True)
class Ranked:
    """One row of a ranking of works or persons."""

    key: str  # citation key of a work, person id of a person
    label: str  # short author-year-title, or the person's name
    documents: int  # documents citing it
    citations: int  # total citations
    in_text: int  # in-text citations among them
    pagerank: float
    citing: tuple[str, ...]  # ids of the citing documents, sorted
    works: int = 1  # for persons: works (or documents) they authored or edited
    node: str = ""  # the graph node it describes


@dataclass(frozen=True)
class DocumentMetrics:
    id: str
    label: str
    references: int  # distinct works cited
    citations: int  # citations made, footnote calls and in-text mentions counted once each
    doi_share: float  # share of cited works that have a DOI
    broken_links: int | None  # from a links report; None when none was given


def pagerank(graph: nx.DiGraph) -> dict[str, float]:
    """PageRank on the citation network (citation weight as edge weight)."""
    citation = citation_view(graph)
    if citation.number_of_nodes() == 0:
        return {}
    return nx.pagerank(citation, weight="weight")


def _citing(graph: nx.DiGraph, node: str) -> tuple[str, ...]:
    return tuple(sorted(graph.nodes[s]["document"] for s in graph.predecessors(node)
                        if graph.edges[s, node]["rel"] == "cites"))


def _order(by: str):
    if by not in RANKINGS:
        raise BibkazError(f"unknown ranking {by!r}; choose one of {', '.join(RANKINGS)}")

    def key(row: Ranked) -> tuple:
        first = {"documents": -row.documents, "citations": -row.citations,
                 "pagerank": -round(row.pagerank, 12)}[by]
        return (first, -row.citations, -row.documents, row.key)

    return key


def work_rows(graph: nx.DiGraph, ranks: dict[str, float] | None = None) -> list[Ranked]:
    """A row for every cited work (documents cited by other documents included).

    Rows come without label and citing documents: :func:`complete` adds them to
    the few rows that are shown, which keeps ranking a large corpus fast.
    """
    ranks = ranks or {}
    return [
        Ranked(key=data["key"] or data.get("document", node), label="", documents=data["documents"],
               citations=data["citations"], in_text=data["in_text"], pagerank=ranks.get(node, 0.0),
               citing=(), node=node)
        for node, data in graph.nodes(data=True)
        if data["type"] != PERSON and data.get("citations")
    ]


def person_rows(graph: nx.DiGraph, ranks: dict[str, float] | None = None) -> list[Ranked]:
    """A row for every person whose works are cited; PageRank is their works' sum."""
    ranks = ranks or {}
    return [
        Ranked(key=node.removeprefix("person:"), label=data["label"], documents=data["documents"],
               citations=data["citations"], in_text=data["in_text"],
               pagerank=sum(ranks.get(w, 0.0) for w in credited_works(graph, node)) if ranks else 0.0,
               citing=(), works=data["works"], node=node)
        for node, data in graph.nodes(data=True)
        if data["type"] == PERSON and data.get("citations")
    ]


def complete(graph: nx.DiGraph, row: Ranked) -> Ranked:
    """``row`` with its label and the sorted ids of its citing documents."""
    if graph.nodes[row.node]["type"] == PERSON:
        citing = set().union(*(_citing(graph, w) for w in credited_works(graph, row.node)))
        return replace(row, citing=tuple(sorted(citing)))
    describe(graph, [row.node])
    return replace(row, label=graph.nodes[row.node]["short"], citing=_citing(graph, row.node))


def top(graph: nx.DiGraph, n: int = 10, by: str = "citations", persons: bool = False) -> list[Ranked]:
    """The ``n`` (0 = all) most-cited works (or persons), ranked ``by`` one of RANKINGS."""
    order = _order(by)
    with no_gc():  # one row object per node: no cycles, and a large heap to re-scan
        ranks = pagerank(graph) if by == "pagerank" else None
        rows = person_rows(graph, ranks) if persons else work_rows(graph, ranks)
        chosen = heapq.nsmallest(n, rows, key=order) if n > 0 else sorted(rows, key=order)
        return [complete(graph, row) for row in chosen]


def document_metrics(graph: nx.DiGraph) -> list[DocumentMetrics]:
    """References, DOI share and broken links of every document, by document id."""
    out = []
    docs = sorted(n for n, d in graph.nodes(data=True) if d["type"] == DOCUMENT)
    describe(graph, docs)
    for node in docs:
        data = graph.nodes[node]
        out.append(DocumentMetrics(
            id=data["document"], label=data["label"], references=data["references"],
            citations=data["cites"], doi_share=data["doi_share"], broken_links=data.get("broken_links"),
        ))
    return out


@dataclass(frozen=True)
class Clusters:
    """Connected components and Louvain communities of a (co-citation) graph,
    each a sorted tuple of node ids, largest first."""

    components: tuple[tuple[str, ...], ...]
    communities: tuple[tuple[str, ...], ...]


def _sorted_groups(groups) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(sorted(g)) for g in groups), key=lambda g: (-len(g), g)))


def clusters(graph: nx.Graph, seed: int = 0) -> Clusters:
    """Components and communities (networkx Louvain, weighted, fixed seed so the
    same corpus always gets the same communities)."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    components = _sorted_groups(nx.connected_components(undirected))
    communities = _sorted_groups(nx.community.louvain_communities(undirected, weight="weight", seed=seed))
    return Clusters(components, communities)


def annotate_clusters(graph: nx.Graph, found: Clusters) -> None:
    """Store ``component`` and ``community`` numbers (0 = largest) on the nodes."""
    for i, group in enumerate(found.components):
        for node in group:
            graph.nodes[node]["component"] = i
    for i, group in enumerate(found.communities):
        for node in group:
            graph.nodes[node]["community"] = i


__all__ = ["RANKINGS", "Ranked", "DocumentMetrics", "Clusters", "pagerank", "work_rows", "person_rows", "complete", "top",
           "document_metrics", "clusters", "annotate_clusters"]
