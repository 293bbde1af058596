"""Node positions and which nodes get a label, shared by the picture and the HTML page.

Positions come from networkx's spring layout with a fixed seed, so a corpus is
always drawn the same way. Very large graphs are cut down to the documents plus
the most-cited works first: a picture of 200,000 dots says nothing.
"""

from __future__ import annotations

import math

import networkx as nx

from bibkaz.network.graph import DOCUMENT


def rank_key(graph: nx.Graph, node: str) -> tuple:
    """Most important first: citations, then citing documents, then id."""
    data = graph.nodes[node]
    return (-data.get("citations", 0), -data.get("documents", 0), node)


def trim(graph: nx.Graph, max_nodes: int) -> nx.Graph:
    """``graph`` cut to its documents and its most-cited other nodes (``max_nodes`` in all)."""
    if graph.number_of_nodes() <= max_nodes:
        return graph
    docs = [n for n, d in graph.nodes(data=True) if d.get("type") == DOCUMENT]
    others = sorted((n for n, d in graph.nodes(data=True) if d.get("type") != DOCUMENT),
                    key=lambda n: rank_key(graph, n))
    keep = docs[:max_nodes] + others[: max(0, max_nodes - len(docs))]
    return graph.subgraph(keep).copy()


def positions(graph: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Spring layout in [-1, 1]², deterministic; isolated nodes spread evenly too."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    k = 1.6 / math.sqrt(graph.number_of_nodes())
    pos = nx.spring_layout(undirected, k=k, seed=seed, iterations=200, weight=None)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def labelled(graph: nx.Graph, top_works: int) -> list[str]:
    """Nodes to label, most important first: every document, then the ``top_works``
    most-cited other nodes."""
    docs = sorted((n for n, d in graph.nodes(data=True) if d.get("type") == DOCUMENT),
                  key=lambda n: rank_key(graph, n))
    others = sorted((n for n, d in graph.nodes(data=True) if d.get("type") != DOCUMENT and d.get("citations")),
                    key=lambda n: rank_key(graph, n))
    if not docs and not others:  # co-authorship: persons may all have zero citations
        others = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))
    return docs + others[:top_works]
