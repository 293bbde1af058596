"""Write a graph view as GraphML, GEXF, node-link JSON, Pajek or Graphviz DOT.

The format follows the output file's extension. GraphML and GEXF only hold
scalar attributes, so every attribute is made a str, int, float or bool first;
DOT is written here (networkx needs pydot or pygraphviz for it, and the format
is simple enough not to add a dependency).
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from bibkaz.fsutil import write_atomic
from bibkaz.model import BibkazError
from bibkaz.network.graph import describe

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".net": "pajek", ".dot": "dot"}


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, (bool, int, float, str)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return str(value)


def clean(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose node and edge attributes are all scalars."""
    out = graph.__class__()
    out.add_nodes_from((n, {k: _scalar(v) for k, v in d.items()}) for n, d in graph.nodes(data=True))
    out.add_edges_from((s, t, {k: _scalar(v) for k, v in d.items()}) for s, t, d in graph.edges(data=True))
    return out


def _dot_id(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: nx.Graph) -> str:
    """Graphviz DOT with every attribute kept (``label`` drives what dot draws)."""
    arrow = "->" if graph.is_directed() else "--"
    lines = [("digraph" if graph.is_directed() else "graph") + " bibkaz {"]
    for node, data in graph.nodes(data=True):
        attrs = ", ".join(f"{k}={_dot_id(v)}" for k, v in sorted(data.items()))
        lines.append(f"  {_dot_id(node)} [{attrs}];")
    for s, t, data in graph.edges(data=True):
        attrs = ", ".join(f"{k}={_dot_id(v)}" for k, v in sorted(data.items()))
        lines.append(f"  {_dot_id(s)} {arrow} {_dot_id(t)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _pajek(graph: nx.Graph) -> str:
    # Pajek keeps only labels and weights; networkx writes other attributes as junk pairs.
    plain = graph.__class__()
    plain.add_nodes_from(graph.nodes)
    plain.add_edges_from((s, t, {"weight": d.get("weight", 1)}) for s, t, d in graph.edges(data=True))
    return "\n".join(nx.generate_pajek(plain)) + "\n"


def render(graph: nx.Graph, fmt: str) -> str:
    """The text of ``graph`` in ``fmt`` (one of FORMATS' values)."""
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(clean(graph))) + "\n"
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(clean(graph))) + "\n"
    if fmt == "json":
        data = nx.node_link_data(clean(graph), edges="links")
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "pajek":
        return _pajek(graph)
    if fmt == "dot":
        return to_dot(graph)
    raise BibkazError(f"unknown network format {fmt!r}")


def format_for(path: str | Path) -> str:
    """The format named by ``path``'s extension, or a BibkazError listing the choices."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise BibkazError(f"{path}: cannot tell the network format from {suffix or 'no extension'!r}; "
                          f"use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def write(graph: nx.Graph, path: str | Path) -> None:
    """Write ``graph`` to ``path`` in the format its extension names, with every
    node labelled (bibkaz.network.graph.describe)."""
    describe(graph)
    write_atomic(path, render(graph, format_for(path)))
