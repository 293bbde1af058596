"""Rankings and measures computed from the full graph.

Rankings are deterministic: the chosen measure first, then citations, then citing
documents, then the key, so two runs over the same corpus print the same list.
PageRank is rounded before comparing so float noise cannot reorder ties.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from bibkaz.model import BibkazError
from bibkaz.network.graph import DOCUMENT, PERSON
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


def _citing(graph: nx.DiGraph, node: str) -> set[str]:
    return {graph.nodes[s]["document"] for s in graph.predecessors(node) if graph.edges[s, node]["rel"] == "cites"}


def _order(by: str):
    if by not in RANKINGS:
        raise BibkazError(f"unknown ranking {by!r}; choose one of {', '.join(RANKINGS)}")

    def key(row: Ranked) -> tuple:
        first = {"documents": -row.documents, "citations": -row.citations,
                 "pagerank": -round(row.pagerank, 12)}[by]
        return (first, -row.citations, -row.documents, row.key)

    return key


def work_rows(graph: nx.DiGraph, ranks: dict[str, float] | None = None) -> list[Ranked]:
    """A row for every cited work (documents cited by other documents included)."""
    ranks = ranks or {}
    rows = []
    for node, data in graph.nodes(data=True):
        if data["type"] == PERSON or not data.get("citations"):
            continue
        rows.append(Ranked(
            key=data["key"] or data.get("document", node),
            label=data["short"],
            documents=data["documents"],
            citations=data["citations"],
            in_text=data["in_text"],
            pagerank=ranks.get(node, 0.0),
            citing=tuple(sorted(_citing(graph, node))),
        ))
    return rows


def person_rows(graph: nx.DiGraph, ranks: dict[str, float] | None = None) -> list[Ranked]:
    """A row for every person whose works are cited; PageRank is their works' sum."""
    ranks = ranks or {}
    rows = []
    for node, data in graph.nodes(data=True):
        if data["type"] != PERSON or not data.get("citations"):
            continue
        works = list(graph.predecessors(node))
        citing: set[str] = set()
        for w in works:
            citing |= _citing(graph, w)
        rows.append(Ranked(
            key=node.removeprefix("person:"),
            label=data["label"],
            documents=data["documents"],
            citations=data["citations"],
            in_text=data["in_text"],
            pagerank=sum(ranks.get(w, 0.0) for w in works),
            citing=tuple(sorted(citing)),
            works=data["works"],
        ))
    return rows


def top(graph: nx.DiGraph, n: int = 10, by: str = "citations", persons: bool = False) -> list[Ranked]:
    """The ``n`` most-cited works (or persons), ranked ``by`` one of RANKINGS."""
    order = _order(by)
    ranks = pagerank(graph) if by == "pagerank" else None
    rows = person_rows(graph, ranks) if persons else work_rows(graph, ranks)
    rows.sort(key=order)
    return rows[:n] if n > 0 else rows


def document_metrics(graph: nx.DiGraph) -> list[DocumentMetrics]:
    """References, DOI share and broken links of every document, by document id."""
    out = []
    for _, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        if data["type"] != DOCUMENT:
            continue
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


__all__ = ["RANKINGS", "Ranked", "DocumentMetrics", "Clusters", "pagerank", "work_rows", "person_rows", "top",
           "document_metrics", "clusters", "annotate_clusters"]
