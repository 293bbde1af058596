"""The four views users ask for, each derived from the full graph.

- citation: documents → the works they cite (directed, weight = citations).
- cocitation: works joined when one document cites both (weight = such documents).
- coupling: documents joined when they cite the same work (weight = shared works).
- coauthor: persons joined when they wrote a work together (weight = such works).

Node attributes are copied from the full graph so every export of every view
carries type, label, key, year and the counts.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Callable, Iterable

import networkx as nx

from bibkaz.model import BibkazError
from bibkaz.network.nodes import PERSON

VIEWS = ("citation", "cocitation", "coupling", "coauthor")


def _cites(graph: nx.DiGraph) -> Iterable[tuple[str, str, dict]]:
    return ((s, t, d) for s, t, d in graph.edges(data=True) if d["rel"] == "cites")


def citation_view(graph: nx.DiGraph) -> nx.DiGraph:
    """Documents and the works they cite; uncited works and persons left out."""
    view = nx.DiGraph()
    view.graph.update(graph.graph)
    edges = list(_cites(graph))
    keep = {n for s, t, _ in edges for n in (s, t)}
    view.add_nodes_from(
        (n, d) for n, d in graph.nodes(data=True) if n in keep or d["type"] == "document"
    )  # add_nodes_from copies each attribute dict, so the view never edits the graph
    view.add_edges_from(edges)
    return view


def _pair_graph(graph: nx.DiGraph, groups: Iterable[list[str]]) -> nx.Graph:
    """Undirected graph joining every pair inside each group; weight = groups shared."""
    counts: Counter[tuple[str, str]] = Counter()
    members: set[str] = set()
    for group in groups:
        unique = sorted(set(group))
        members.update(unique)
        counts.update(combinations(unique, 2))
    view = nx.Graph()
    view.graph.update(graph.graph)
    view.add_nodes_from((n, dict(graph.nodes[n])) for n in sorted(members))
    view.add_edges_from((a, b, {"weight": w}) for (a, b), w in counts.items())
    return view


def cocitation_view(graph: nx.DiGraph) -> nx.Graph:
    """Works (and cited documents) joined when one document cites both."""
    cited: dict[str, list[str]] = {}
    for s, t, _ in _cites(graph):
        cited.setdefault(s, []).append(t)
    return _pair_graph(graph, cited.values())


def coupling_view(graph: nx.DiGraph) -> nx.Graph:
    """Documents joined when they cite the same work; weight = works shared."""
    citing: dict[str, list[str]] = {}
    for s, t, _ in _cites(graph):
        citing.setdefault(t, []).append(s)
    view = _pair_graph(graph, citing.values())
    view.add_nodes_from(
        (n, dict(d)) for n, d in graph.nodes(data=True) if d["type"] == "document" and n not in view
    )
    return view


def coauthor_view(graph: nx.DiGraph) -> nx.Graph:
    """Persons joined when they are authors of the same work or document."""
    authors: dict[str, list[str]] = {}
    for s, t, d in graph.edges(data=True):
        if graph.nodes[t]["type"] == PERSON and ({"authored", "wrote"} & set(d["rel"].split("+"))):
            authors.setdefault(s, []).append(t)
    view = _pair_graph(graph, authors.values())
    view.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if d["type"] == PERSON and n not in view)
    return view


_BUILDERS: dict[str, Callable[[nx.DiGraph], nx.Graph]] = {
    "citation": citation_view,
    "cocitation": cocitation_view,
    "coupling": coupling_view,
    "coauthor": coauthor_view,
}


def view(graph: nx.DiGraph, name: str) -> nx.Graph:
    """The view called ``name`` (one of VIEWS)."""
    try:
        return _BUILDERS[name](graph)
    except KeyError:
        raise BibkazError(f"unknown view {name!r}; choose one of {', '.join(VIEWS)}") from None
