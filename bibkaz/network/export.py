"""Write a graph view as GraphML, GEXF, node-link JSON, Pajek or Graphviz DOT.

The format follows the output file's extension. GraphML and GEXF only hold
scalar attributes, so every attribute is made a str, int, float or bool first;
DOT is written here (networkx needs pydot or pygraphviz for it, and the format
is simple enough not to add a dependency).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx

from bibkaz.fsutil import write_atomic
from bibkaz.model import BibkazError, UsageError
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


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _xml(text: str) -> str:
    return escape(_XML_BAD.sub("", text), {'"': "&quot;"})


def _keys(items, kind: str, start: int) -> dict[str, tuple[str, str]]:
    """GraphML key id and type for each attribute name; mixed numbers widen to
    double, anything mixed with text becomes string."""
    types: dict[str, set[type]] = {}
    for data in items:
        for name, value in data.items():
            types.setdefault(name, set()).add(type(value))
    out = {}
    for i, name in enumerate(sorted(types), start):
        seen = types[name]
        kind_type = str if len(seen) > 1 and not seen <= {int, float} else (float if len(seen) > 1 else seen.pop())
        out[name] = (f"{kind[0]}{i}", _GRAPHML_TYPES[kind_type])
    return out


def _graphml_value(value: object, graphml_type: str) -> str:
    if graphml_type == "boolean":
        return "true" if value else "false"
    if graphml_type == "string":
        return _xml(str(value))
    return repr(float(value)) if graphml_type == "double" else str(int(value))


def to_graphml(graph: nx.Graph) -> str:
    """GraphML, streamed as text: networkx builds an XML tree first, which took
    minutes and gigabytes for a 200,000-node graph. Attributes must be scalars."""
    node_keys = _keys((d for _, d in graph.nodes(data=True)), "node", 0)
    edge_keys = _keys((d for *_, d in graph.edges(data=True)), "edge", len(node_keys))
    out = ["<?xml version='1.0' encoding='utf-8'?>",
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for kind, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, (key, graphml_type) in keys.items():
            out.append(f'  <key id="{key}" for="{kind}" attr.name="{_xml(name)}" attr.type="{graphml_type}" />')
    out.append(f'  <graph edgedefault="{"directed" if graph.is_directed() else "undirected"}">')

    def data_lines(data: dict, keys: dict[str, tuple[str, str]]) -> str:
        return "".join(f'<data key="{keys[k][0]}">{_graphml_value(v, keys[k][1])}</data>' for k, v in data.items())

    for node, data in graph.nodes(data=True):
        out.append(f'    <node id="{_xml(str(node))}">{data_lines(data, node_keys)}</node>')
    for s, t, data in graph.edges(data=True):
        out.append(f'    <edge source="{_xml(str(s))}" target="{_xml(str(t))}">{data_lines(data, edge_keys)}</edge>')
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"


def _pajek(graph: nx.Graph) -> str:
    # Pajek keeps only labels and weights; networkx writes other attributes as junk pairs.
    plain = graph.__class__()
    plain.add_nodes_from(graph.nodes)
    plain.add_edges_from((s, t, {"weight": d.get("weight", 1)}) for s, t, d in graph.edges(data=True))
    return "\n".join(nx.generate_pajek(plain)) + "\n"


def render(graph: nx.Graph, fmt: str) -> str:
    """The text of ``graph`` in ``fmt`` (one of FORMATS' values)."""
    if fmt == "graphml":
        return to_graphml(clean(graph))
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
    """The format named by ``path``'s extension, or a UsageError listing the choices."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"{path}: cannot tell the network format from {suffix or 'no extension'!r}; "
                          f"use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def write(graph: nx.Graph, path: str | Path) -> None:
    """Write ``graph`` to ``path`` in the format its extension names, with every
    node labelled (bibkaz.network.graph.describe)."""
    describe(graph)
    write_atomic(path, render(graph, format_for(path)))
