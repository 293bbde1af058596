"""``bibkaz merge``: deduplicate BibTeX files into one, by the resolver's rules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bibkaz.commands._common import warn_problems
from bibkaz.formats.bibtex import write_library, written_by_bibkaz
from bibkaz.fsutil import write_atomic
from bibkaz.resolve.bibmerge import merge_bib_files
from bibkaz.resolve.explain import explain_lines


@click.command("merge")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="BibTeX file to write.")
@click.option("--explain", is_flag=True, help="Print each merge and each near miss kept apart, with scores.")
@click.option("--dialect", type=click.Choice(["biblatex", "bibtex"]), default="biblatex", show_default=True,
              help="biblatex (biber) or classic BibTeX (natbib).")
@click.option("--force", is_flag=True, help="Overwrite an output file bibkaz did not write or that was edited by hand.")
def command(paths: tuple[Path, ...], output: Path, explain: bool, dialect: str, force: bool) -> None:
    """Merge the BibTeX files PATHS into OUTPUT, one entry per work.

    Entries that are one work (same DOI; or the same authors, title and year
    however each file spells them) become one entry with the most complete value
    of every field; the first file's key is kept. Exit status: 0 when every file
    was read, 1 when some were skipped, 2 for usage errors.
    """
    if written_by_bibkaz(output) is False and not force:
        raise click.UsageError(
            f"{output} was not written by bibkaz or was edited by hand since; use --force to overwrite it"
        )
    merged = merge_bib_files(paths)
    library = merged.resolution.library
    write_atomic(output, write_library(library, dialect))
    warn_problems(merged.problems)
    for warning in library.warnings:
        click.echo(f"bibkaz: warning: {warning}", err=True)
    if explain:
        for line in explain_lines(merged.resolution, merged.labels):
            click.echo(line)
    click.echo(
        f"bibkaz: {merged.entries} entries in {len(paths) - len(merged.problems)} files → "
        f"{len(library.works)} works ({merged.entries - len(library.works)} duplicates merged) → {output}",
        err=True,
    )
    sys.exit(1 if merged.problems else 0)
