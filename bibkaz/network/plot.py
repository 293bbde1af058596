"""A readable picture of a network view (PNG or SVG) with matplotlib.

Node area grows with citations, colour shows the node type (or the Louvain
community for the co-citation view), and every document plus the most-cited works
get a label. Labels are placed greedily, most important first, at the first spot
around their node (then further out, with a leader line) whose box overlaps no
label already placed and stays inside the figure: overlapping labels are what
make most network pictures unreadable. A label that finds no free spot is left
out rather than drawn over another.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bibkaz.fsutil import write_atomic
from bibkaz.model import BibkazError, UsageError
from bibkaz.network.graph import describe
from bibkaz.network.nodes import DOCUMENT, PERSON, WORK
from bibkaz.network.layout import labelled, positions, trim

TYPE_COLOURS = {DOCUMENT: "#d95f02", WORK: "#1b9e77", PERSON: "#7570b3"}
COMMUNITY_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
                     "#1f78b4", "#b2df8a", "#fb9a99"]
OTHER_COLOUR = "#999999"


@dataclass(frozen=True)
class Plotted:
    """What was drawn: label boxes in pixels (for checking overlaps) and counts."""

    nodes: int
    edges: int
    labels: tuple[tuple[str, tuple[float, float, float, float]], ...]  # (text, (x0, y0, x1, y1) in pixels)
    dropped_labels: int


def _size(data: dict, biggest: int) -> float:
    """Marker area in points², proportional to citations (area is what the eye
    compares), from a visible dot to ~20× that for the most-cited work."""
    share = data.get("citations", 0) / biggest if biggest else 0.0
    floor = 120.0 if data.get("type") == DOCUMENT else 30.0  # every document stays visible
    return max(floor, 30.0 + 600.0 * share)


def node_colour(data: dict, by_community: bool) -> str:
    """Colour of a node: its community's when colouring by community, else its type's."""
    if by_community:
        c = data.get("community")
        return COMMUNITY_COLOURS[c] if isinstance(c, int) and c < len(COMMUNITY_COLOURS) else OTHER_COLOUR
    return TYPE_COLOURS.get(data.get("type", ""), OTHER_COLOUR)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(x: float, y: float, w: float, h: float, radius: float, gap: float = 14.0):
    """(label box, moved away?) around a node at (x, y) of ``radius`` pixels, nearest
    first (right, left, above, below, diagonals), ring after ring further out."""
    for ring in range(1, 11):
        d = radius + 3.0 + gap * (ring - 1) ** 1.5
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
            cx = x + dx * (d + w / 2) if dx else x
            cy = y + dy * (d + h / 2) if dy else y
            yield (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), ring > 1


def plot_format(path: str | Path) -> str:
    """".png" or ".svg" from ``path``, else a UsageError: checked before the network is built."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise UsageError(f"{path}: a plot is written as .png or .svg, not {suffix or 'no extension'!r}")
    return suffix


def draw(graph: nx.Graph, path: str | Path, width: int = 1600, height: int = 1200, dpi: int = 100,
         top_works: int = 15, max_nodes: int = 400, title: str = "") -> Plotted:
    """Draw ``graph`` to ``path`` (.png or .svg) at ``width``×``height`` pixels."""
    suffix = plot_format(path)
    if width < 200 or height < 200:
        raise BibkazError(f"plot size {width}x{height} is too small; use at least 200x200 pixels")
    graph = trim(graph, max_nodes)
    describe(graph)
    pos = positions(graph)
    by_community = any("community" in d for _, d in graph.nodes(data=True))
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.86 if title else 0.9))
    ax.set_axis_off()
    if title:
        fig.suptitle(title, fontsize=13, y=0.975)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
    ax.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
    biggest = max((d.get("citations", 0) for _, d in graph.nodes(data=True)), default=0)
    heaviest = max((d.get("weight", 1) for *_, d in graph.edges(data=True)), default=1)
    # One collection for all edges: a Line2D per edge made a 2,000-edge picture take seconds.
    edges = list(graph.edges(data=True))
    ax.add_collection(LineCollection(
        [(pos[s], pos[t]) for s, t, _ in edges], colors="#888888", zorder=1,
        alpha=max(0.05, min(0.35, 150 / max(1, len(edges)))),  # many edges: fainter, or all grey
        linewidths=[0.5 + 2.0 * d.get("weight", 1) / heaviest for *_, d in edges]))
    for marker, types in (("o", (WORK, PERSON, "")), ("s", (DOCUMENT,))):
        nodes = [n for n, d in graph.nodes(data=True) if d.get("type", "") in types]
        if nodes:
            ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], marker=marker, zorder=2,
                       s=[_size(graph.nodes[n], biggest) for n in nodes], edgecolors="white", linewidths=0.6,
                       c=[node_colour(graph.nodes[n], by_community) for n in nodes])
    _legend(fig, graph, by_community)
    radii = {n: math.sqrt(_size(d, biggest)) / 2 * dpi / 72 for n, d in graph.nodes(data=True)}
    placed, dropped = _place_labels(canvas, ax, graph, pos, radii, labelled(graph, top_works))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=suffix[1:], dpi=dpi)
    write_atomic(path, buffer.getvalue())
    return Plotted(graph.number_of_nodes(), graph.number_of_edges(), tuple(placed), dropped)


def _legend(fig: Figure, graph: nx.Graph, by_community: bool) -> None:
    """One row above the drawing, so it never hides a node or a label."""
    if by_community:
        return
    present = {d.get("type") for _, d in graph.nodes(data=True)}
    handles = [
        Line2D([], [], marker="s" if t == DOCUMENT else "o", linestyle="", color=TYPE_COLOURS[t], markersize=9,
               label={DOCUMENT: "document", WORK: "cited work", PERSON: "person"}[t])
        for t in (DOCUMENT, WORK, PERSON) if t in present
    ]
    handles.append(Line2D([], [], linestyle="", label="(size = citations)"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.02, 0.935), ncol=len(handles),
               frameon=False, fontsize=9)


def _place_labels(canvas, ax, graph, pos, radii, nodes):
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    # Labels may not cover one another nor any node's marker (plain tuples: matplotlib's
    # Bbox.overlaps made placing 15 labels among 400 nodes take seconds).
    taken: list[Box] = []
    for node, xy in pos.items():
        x, y = ax.transData.transform(xy)
        r = radii[node] * 0.9
        taken.append((x - r, y - r, x + r, y + r))
    placed: list[tuple[str, Box]] = []
    dropped = 0
    for node in nodes:
        data = graph.nodes[node]
        is_doc = data.get("type") == DOCUMENT
        text = ax.text(0, 0, data.get("label") or node, fontsize=9 if is_doc else 8,
                       fontweight="bold" if is_doc else "normal", ha="center", va="center", zorder=4,
                       bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        size = text.get_window_extent(renderer).expanded(1.04, 1.1)
        x, y = ax.transData.transform(pos[node])
        spot = None
        for box, far in _candidates(x, y, size.width, size.height, radii[node]):
            inside = frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1] and box[3] <= frame.y1
            if inside and not any(_overlaps(box, other) for other in taken):
                spot = (box, far)
                break
        if spot is None:
            text.remove()
            dropped += 1
            continue
        box, far = spot
        cx, cy = ax.transData.inverted().transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        text.set_position((cx, cy))
        if far:
            ax.plot([pos[node][0], cx], [pos[node][1], cy], color="#555555", linewidth=0.5, zorder=3)
        taken.append(box)
        placed.append((text.get_text(), tuple(float(v) for v in box)))
    return placed, dropped
