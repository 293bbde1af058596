"""``bibkaz merge``: deduplicate BibTeX files into one, by the resolver's rules."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from bibkaz.commands._common import refuse_foreign_output, warn_problems
from bibkaz.formats.bibtex import write_library
from bibkaz.fsutil import write_atomic
from bibkaz.resolve.bibmerge import merge_bib_files
from bibkaz.resolve.explain import explain_lines


class _Progress:
    """A line on stderr every few seconds while a large file is read: how far, how fast."""

    def __init__(self, every: float = 2.0):
        self.started = self.last = time.perf_counter()
        self.every = every

    def __call__(self, entries: int, done: int, size: int) -> None:
        now = time.perf_counter()
        if now - self.last < self.every:
            return
        self.last = now
        share = f" ({done / size:.0%} of {size / 1e6:.0f} MB)" if size else ""
        click.echo(f"bibkaz: read {entries:,} entries{share}, {entries / (now - self.started):,.0f} a second", err=True)

    def stage(self, what: str) -> None:
        """Say what comes next, once the run has been long enough to wonder."""
        if time.perf_counter() - self.started >= self.every:
            click.echo(f"bibkaz: {what}", err=True)


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
    of every field; the first file's key is kept. A malformed entry is named
    with its line and skipped; the rest of its file is kept. Exit status: 0 when
    every entry was read, 1 when a file or an entry was skipped, 2 for usage errors.
    """
    refuse_foreign_output(output, force)
    started = time.perf_counter()
    progress = _Progress()
    merged = merge_bib_files(paths, progress, progress.stage)
    library = merged.resolution.library
    write_atomic(output, write_library(library, dialect))
    warn_problems(merged.problems)
    for warning in merged.warnings + library.warnings:
        click.echo(f"bibkaz: warning: {warning}", err=True)
    if explain:
        for line in explain_lines(merged.resolution, merged.labels):
            click.echo(line)
    click.echo(
        f"bibkaz: {merged.entries} entries in {merged.files_read} files → "
        f"{len(library.works)} works ({merged.entries - len(library.works)} duplicates merged) → {output} "
        f"in {time.perf_counter() - started:.1f} s",
        err=True,
    )
    sys.exit(1 if merged.problems else 0)
