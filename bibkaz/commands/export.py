"""``bibkaz export``: the bibliography as CSL-JSON, RIS, BibLaTeX or BibTeX for Zotero and friends."""

from __future__ import annotations

import re
from pathlib import Path

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.fsutil import write_atomic
from bibkaz.load import load_library
from bibkaz.model import BibkazError
from bibkaz.zotero.files import EXTENSIONS, render
from bibkaz.zotero.provenance import document_groups


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "document"


def _write(path: Path, text: str, fmt: str, force: bool) -> None:
    """Write ``text``, but never over a .bib someone wrote or edited by hand (unless --force)."""
    if fmt in ("biblatex", "bibtex") and not force:
        from bibkaz.formats.bibtex import written_by_bibkaz

        if written_by_bibkaz(path) is False:
            raise BibkazError(f"{path}: not written by bibkaz, or edited since; use --force to overwrite it")
    write_atomic(path, text)


@click.command("export")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL())
@click.option("--to", "fmt", required=True, type=click.Choice(sorted(EXTENSIONS)), help="Output format (csl-json is best for Zotero).")
@click.option("-o", "--output", type=click.Path(), help="Output file (a folder with --collection-per-document); default stdout.")
@click.option(
    "--collection-per-document",
    is_flag=True,
    help="Write one file per source document (its own entry plus what it cites) into the -o folder; "
    "Zotero's import can put each file into its own collection.",
)
@click.option("--force", is_flag=True, help="Overwrite a .bib file that bibkaz did not write or that was edited.")
@run_options
def command(paths: tuple[str, ...], fmt: str, output: str | None, collection_per_document: bool, force: bool,
            runner: Runner) -> None:
    """Export the works found in PATH... with where each is cited (note, line, count)."""
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    library = loaded.library
    if not collection_per_document:
        text = render(library, fmt)
        if output:
            _write(Path(output), text, fmt, force)
            click.echo(f"wrote {len(library.works)} items to {output}", err=True)
        else:
            click.echo(text, nl=False)
        return
    if not output:
        raise BibkazError("--collection-per-document needs -o FOLDER (one file per document)")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise BibkazError(f"{folder}: --collection-per-document needs a folder, this is a file")
    groups = document_groups(library)
    for doc, works in groups:
        _write(folder / f"{_safe(doc)}{EXTENSIONS[fmt]}", render(library, fmt, works), fmt, force)
    click.echo(f"wrote {len(groups)} files ({len(library.works)} works) to {folder}", err=True)
