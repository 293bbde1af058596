"""``bibkaz network PATH...``: the citation network as a file, a picture or a page.

``-o`` writes a graph file whose format follows the extension (.graphml, .gexf,
.json, .net, .dot); ``--plot`` draws a PNG or SVG; ``--html`` writes an offline
interactive page. ``--view`` picks the network: documents citing works, works
co-cited, documents coupled by shared works, or co-authors. The co-citation view
carries component and Louvain community numbers on its nodes.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.load import load_library
from bibkaz.network import export
from bibkaz.network.graph import DOCUMENT, PERSON, WORK, build_graph
from bibkaz.network.html import write_page
from bibkaz.network.links_report import broken_links
from bibkaz.network.metrics import annotate_clusters, clusters
from bibkaz.network.plot import draw, plot_format
from bibkaz.network.views import VIEWS, view

TITLES = {
    "citation": "Citation network: documents and the works they cite",
    "cocitation": "Co-citation network: works cited together (colour = community)",
    "coupling": "Bibliographic coupling: documents sharing cited works",
    "coauthor": "Co-authorship network",
}


def _size(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value)
    if not match:
        raise click.BadParameter("expected WIDTHxHEIGHT in pixels, e.g. 1600x1200")
    return int(match.group(1)), int(match.group(2))


@click.command("network")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL(Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Graph file: .graphml, .gexf, .json (node-link), .net (Pajek) or .dot. Repeatable.")
@click.option("--view", "view_name", type=click.Choice(VIEWS), default="citation", show_default=True,
              help="Which network to write and draw.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Draw the view to a .png or .svg.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write an offline interactive page (pan, zoom, hover, click).")
@click.option("--size", default="1600x1200", show_default=True, callback=_size,
              help="Picture size in pixels, WIDTHxHEIGHT.")
@click.option("--labels", "top_labels", type=click.IntRange(min=0), default=15, show_default=True,
              help="Label this many most-cited works (documents are always labelled).")
@click.option("--links", "links_report", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A `bibkaz links --format json` report: adds broken links per document.")
@click.option("--title", default="", help="Title of the picture and page (default: names the view).")
@run_options
def command(paths: tuple[Path, ...], outputs: tuple[Path, ...], view_name: str, plot: Path | None,
            html_path: Path | None, size: tuple[int, int], top_labels: int, links_report: Path | None,
            title: str, runner: Runner) -> None:
    """Write the citation network of PATH... (briefs, folders, .bib or library JSON)."""
    if not (outputs or plot or html_path):
        raise click.UsageError("say what to write: -o FILE, --plot FILE.png|.svg and/or --html FILE.html")
    for out in outputs:
        export.format_for(out)  # fail on a bad extension before the slow part
    if plot:
        plot_format(plot)
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    broken = broken_links(links_report) if links_report else None
    graph = build_graph(loaded.library, broken)
    chosen = view(graph, view_name)
    types = [d["type"] for _, d in graph.nodes(data=True)]
    click.echo(
        f"{types.count(DOCUMENT)} documents, {types.count(WORK)} works, {types.count(PERSON)} persons; "
        f"{view_name} view: {chosen.number_of_nodes()} nodes, {chosen.number_of_edges()} edges",
        err=True,
    )
    if view_name == "cocitation" and chosen.number_of_nodes():
        found = clusters(chosen)
        annotate_clusters(chosen, found)
        click.echo(f"co-citation: {len(found.components)} connected components, "
                   f"{len(found.communities)} communities (Louvain); node attributes component, community",
                   err=True)
    for out in outputs:
        export.write(chosen, out)
        click.echo(f"wrote {out}", err=True)
    heading = title or TITLES[view_name]
    if plot:
        drawn = draw(chosen, plot, width=size[0], height=size[1], top_works=top_labels, title=heading)
        note = f" ({drawn.dropped_labels} labels left out for lack of room)" if drawn.dropped_labels else ""
        click.echo(f"wrote {plot}{note}", err=True)
    if html_path:
        write_page(chosen, html_path, heading, top_works=max(top_labels, 25))
        click.echo(f"wrote {html_path}", err=True)
