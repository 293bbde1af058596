"""``bibkaz extract``: documents in, references.bib (and the library JSON) out."""

from __future__ import annotations

import inspect
import sys
import time
from pathlib import Path

import click

from bibkaz.commands._common import PathOrURL, refuse_foreign_output, run_options, warn_problems
from bibkaz.run import Runner
from bibkaz.formats.bibtex import read_records, written_by_bibkaz
from bibkaz.model import BibkazError
from bibkaz.pipeline import REVIEW_WARNING, build_library, explain_labels, write_outputs
from bibkaz.read.formats import help_paragraph


def _summary(extractions) -> list[str]:
    rows = []
    for ex in extractions:
        doc = ex.document.id
        linked = sum(1 for m in ex.mentions if m.reference is not None)
        unresolved = sum(1 for m in ex.mentions if m.reference is None)
        rows.append(f"  {doc}: {len(ex.references)} references, {linked} citations linked, {unresolved} unresolved")
    return rows


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL(Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("references.bib"), show_default=True,
              help="BibTeX file to write.")
@click.option("--json", "json_path", type=click.Path(path_type=Path), help="Also write the citation library JSON here.")
@click.option("--dialect", type=click.Choice(["biblatex", "bibtex"]), default="biblatex", show_default=True,
              help="biblatex (biber) or classic BibTeX (natbib).")
@click.option("--force", is_flag=True, help="Overwrite an output file bibkaz did not write or that was edited by hand.")
@click.option("--explain", is_flag=True, help="Print how references were merged into works, and near misses kept apart.")
@click.option("-q", "--quiet", is_flag=True,
              help="No summary on stderr; references flagged for review are counted in one line, not listed.")
@run_options
def command(paths: tuple[Path, ...], output: Path, json_path: Path | None, dialect: str, force: bool, explain: bool,
            quiet: bool, runner: Runner) -> None:
    """Find every reference, note and in-text citation in PATHS and write normalised BibTeX.

    PATHS are documents or folders of them (the formats read follow). Exit status:
    0 when every file was read, 1 when some were skipped, 2 for usage errors.
    """
    refuse_foreign_output(output, force, json_path)
    status = written_by_bibkaz(output)
    existing = dict(read_records(output)) if status else None
    started = time.perf_counter()
    try:
        built = build_library(paths, existing_keys=existing, runner=runner, streamed=True)
    except BibkazError as exc:
        click.echo(f"bibkaz: error: {exc}", err=True)
        sys.exit(1)
    write_outputs(built, output, json_path, dialect, runner)
    warn_problems(built.problems)
    review = [w for w in built.library.warnings if REVIEW_WARNING in w]
    for warning in built.library.warnings:  # the resolver passes each extraction's warnings on
        if not (quiet and REVIEW_WARNING in warning):
            click.echo(f"bibkaz: warning: {warning}", err=True)
    if quiet and review:
        noun = "reference" if len(review) == 1 else "references"
        click.echo(f"bibkaz: {len(review)} {noun} {REVIEW_WARNING}: --explain lists them", err=True)
    if explain:
        from bibkaz.resolve.explain import explain_lines

        for line in explain_lines(built.resolution, explain_labels(built)):
            click.echo(line)
        for warning in review:
            click.echo(f"review: {warning}")
    if not quiet:
        own = sum(1 for d in built.library.documents if built.library.document_key(d.id))  # own entries are works
        works = f"{len(built.library.works)} works" + (f" ({own} of them the documents' own entries)" if own else "")
        click.echo(f"bibkaz: {len(built.extractions)} documents, {works}, "
                   f"{len(built.library.unresolved)} unresolved citations in {time.perf_counter() - started:.2f} s "
                   f"→ {output}" + (f", {json_path}" if json_path else ""), err=True)
        for row in _summary(built.extractions):
            click.echo(row, err=True)
    sys.exit(1 if built.problems else 0)


# the formats read are listed in one place (bibkaz/read/formats.py); the help reads them from there
command.help = f"{inspect.cleandoc(command.help or '')}\n\n{help_paragraph()}"
