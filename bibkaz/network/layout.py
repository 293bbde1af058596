"""Node positions and which nodes get a label, shared by the picture and the HTML page.

Positions come from networkx's spring layout with a fixed seed, so a corpus is
always drawn the same way. Very large graphs are cut down to the documents plus
the most-cited works first: a picture of 200,000 dots says nothing.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from bibkaz.network.nodes import DOCUMENT


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


#: Components larger than this get the vectorised layout below with fewer iterations.
LARGE_COMPONENT = 300


def _dense_spring(graph: nx.Graph, k: float, iterations: int, seed: int) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold on a dense adjacency matrix, every step one numpy operation.

    networkx switches to a per-node Python loop (or an optimiser) above 500 nodes,
    which took 15 s for a 1,500-node page; this is the same force model at a
    fraction of the cost, with the number of steps reduced for large components.
    """
    nodes = list(graph)
    adjacency = nx.to_numpy_array(graph, nodelist=nodes, weight=None)
    pos = np.random.default_rng(seed).random((len(nodes), 2))
    step = 0.1
    cooling = step / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.clip(np.sqrt((delta ** 2).sum(-1)), 0.01, None)
        force = k * k / distance ** 2 - adjacency * distance / k
        shift = np.einsum("ijk,ij->ik", delta, force)
        length = np.sqrt((shift ** 2).sum(-1))
        length = np.where(length < 0.01, 0.1, length)
        pos += shift * (step / length)[:, None]
        step -= cooling
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, pos)}


def _component_layout(graph: nx.Graph, nodes: set[str], seed: int) -> dict[str, tuple[float, float]]:
    """Spring layout of one connected component, scaled to a [0, 1]² box."""
    if len(nodes) == 1:
        return {next(iter(nodes)): (0.5, 0.5)}
    sub = graph.subgraph(nodes)
    k = 1.6 / math.sqrt(len(nodes))
    if len(nodes) > LARGE_COMPONENT:
        pos = _dense_spring(sub, k, max(30, min(200, 40_000 // len(nodes))), seed)
    else:
        pos = nx.spring_layout(sub, k=k, seed=seed, iterations=200, weight=None)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {n: ((x - min(xs)) / span, (y - min(ys)) / span) for n, (x, y) in pos.items()}


def positions(graph: nx.Graph, seed: int = 7, aspect: float = 4 / 3) -> dict[str, tuple[float, float]]:
    """Deterministic positions in [-1, 1]².

    Each connected component is laid out on its own and the components are packed
    in rows, largest first, each in a square whose side grows with the square root
    of its size. A single spring layout of the whole graph would push unconnected
    documents to the far corners and crush the clusters that matter into the middle.
    """
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
    sides = [math.sqrt(len(c)) for c in components]
    row_width = max(max(sides), math.sqrt(sum(s * s for s in sides) * aspect) * 1.1)
    gap = 0.5
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component, side in zip(components, sides):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (px, py) in _component_layout(undirected, component, seed).items():
            out[node] = (x + px * side, -(y + py * side))
        x += side + gap
        row_height = max(row_height, side)
    xs = [p[0] for p in out.values()]
    ys = [p[1] for p in out.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: ((px - cx) / half, (py - cy) / half) for n, (px, py) in out.items()}


def labelled(graph: nx.Graph, top_works: int) -> list[str]:
    """Nodes to label, in the order labels get room: the ``top_works`` most-cited
    works (what a corpus leans on), then every document, most cited first."""
    docs = sorted((n for n, d in graph.nodes(data=True) if d.get("type") == DOCUMENT),
                  key=lambda n: rank_key(graph, n))
    others = sorted((n for n, d in graph.nodes(data=True) if d.get("type") != DOCUMENT and d.get("citations")),
                    key=lambda n: rank_key(graph, n))
    if not docs and not others:  # co-authorship: persons may all have zero citations
        others = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))
    return others[:top_works] + docs
