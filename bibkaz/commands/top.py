"""``bibkaz top PATH...``: the works (or authors) a corpus cites most.

Counting rules (bibkaz.network.citations): a footnote call counts once, each
in-text author-date citation counts once, a listed-but-never-cited entry once.
Ties are broken by citations, then citing documents, then key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.load import load_library
from bibkaz.network.graph import build_graph
from bibkaz.network.metrics import RANKINGS, top
from bibkaz.network.report import REPORT_FORMATS, render_ranking


@click.command("top")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL(Path))
@click.option("-n", "number", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many rows (0 = all).")
@click.option("--by", type=click.Choice(RANKINGS), default="citations", show_default=True,
              help="Rank by citing documents, total citations, or PageRank on the citation network.")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="table", show_default=True)
@click.option("--persons", is_flag=True, help="Rank authors and editors instead of works.")
@run_options
def command(paths: tuple[Path, ...], number: int, by: str, fmt: str, persons: bool, runner: Runner) -> None:
    """The most-cited works of PATH... (briefs, folders, .bib or library JSON)."""
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    rows = top(build_graph(loaded.library, persons=persons), number, by, persons)
    width = max(80, shutil.get_terminal_size((120, 24)).columns)
    click.echo(render_ranking(rows, fmt, persons, by, width), nl=False)
