"""A self-contained interactive page of a network view: one HTML file, no CDN.

The layout is computed here (the same spring layout as the picture) and embedded
as JSON next to a small inline script (page.html) that draws SVG, pans, zooms,
shows the full reference on hover and highlights a node's neighbours on click.
Nothing is fetched, so the page works offline, from an e-mail attachment, or
years later when a CDN has moved.
"""

from __future__ import annotations

import html
import json
import math
import re
from importlib.resources import files
from pathlib import Path

import networkx as nx

from bibkaz.fsutil import write_atomic
from bibkaz.network.graph import describe
from bibkaz.network.nodes import DOCUMENT, PERSON, WORK
from bibkaz.network.layout import labelled, positions, trim
from bibkaz.network.plot import OTHER_COLOUR, TYPE_COLOURS, node_colour

HELP = "drag to pan, scroll to zoom, hover for the reference, click a node to highlight its neighbours"


def _counts(data: dict) -> str:
    parts = []
    if data.get("type") == DOCUMENT:
        parts.append(f"{data.get('references', 0)} works cited")
    if data.get("citations"):
        parts.append(f"cited {data['citations']}× by {data.get('documents', 0)} document(s)")
    if data.get("type") == PERSON and data.get("works"):
        parts.append(f"{data['works']} work(s)")
    return "; ".join(parts)


def page_data(graph: nx.Graph, top_works: int = 25, max_nodes: int = 1000) -> dict:
    """The JSON the page's script draws: positioned nodes, weighted edges, legend."""
    graph = trim(graph, max_nodes)
    describe(graph)
    pos = positions(graph)
    priority = {node: i for i, node in enumerate(labelled(graph, top_works))}
    by_community = any("community" in d for _, d in graph.nodes(data=True))
    biggest = max((d.get("citations", 0) for _, d in graph.nodes(data=True)), default=0) or 1
    nodes = []
    for node, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        nodes.append({
            "id": node,
            "type": data.get("type", ""),
            "label": data.get("label") or node,
            "reference": data.get("reference", ""),
            "counts": _counts(data),
            "x": round(pos[node][0], 4),
            "y": round(pos[node][1], 4),
            "r": round(max(6.0 if data.get("type") == DOCUMENT else 3.0,
                           3.0 + 11.0 * math.sqrt(data.get("citations", 0) / biggest)), 2),
            "colour": node_colour(data, by_community),
            "labelled": node in priority,
            "priority": priority.get(node, len(priority)),  # labels that get room first
        })
    edges = [{"source": s, "target": t, "weight": d.get("weight", 1)} for s, t, d in graph.edges(data=True)]
    if by_community:
        legend = [{"name": "colour = co-citation community", "colour": OTHER_COLOUR, "square": False}]
    else:
        present = {d.get("type") for _, d in graph.nodes(data=True)}
        names = {DOCUMENT: "document", WORK: "cited work", PERSON: "person"}
        legend = [{"name": names[t], "colour": TYPE_COLOURS[t], "square": t == DOCUMENT}
                  for t in (DOCUMENT, WORK, PERSON) if t in present]
    legend.append({"name": "size = citations", "colour": "#ffffff", "square": False})
    return {"nodes": nodes, "edges": edges, "legend": legend, "help": HELP,
            "maxWeight": max((e["weight"] for e in edges), default=1)}


def render_page(graph: nx.Graph, title: str = "bibkaz citation network", top_works: int = 25) -> str:
    """The whole HTML page as a string."""
    template = files("bibkaz.network").joinpath("page.html").read_text(encoding="utf-8")
    payload = json.dumps(page_data(graph, top_works), ensure_ascii=False, separators=(",", ":"))
    # "</" would end the <script> element early; "<\/" means the same inside JSON strings.
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    fill = {"__TITLE__": html.escape(title), "__DATA__": payload}
    return re.sub(r"__TITLE__|__DATA__", lambda m: fill[m.group(0)], template)


def write_page(graph: nx.Graph, path: str | Path, title: str = "bibkaz citation network",
               top_works: int = 25) -> None:
    write_atomic(path, render_page(graph, title, top_works))
