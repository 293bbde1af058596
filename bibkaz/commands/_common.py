"""Helpers shared by the command modules: loading inputs and reporting problems."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from bibkaz.load import Loaded, load_library


def warn_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        click.echo(f"bibkaz: warning: {problem} (skipped)", err=True)


def load_or_fail(paths: Sequence[str]) -> Loaded:
    """Load PATHs for a command; file problems are warned about, not fatal."""
    loaded = load_library(paths)
    warn_problems(loaded.problems)
    return loaded


def refuse_foreign_output(bib: Path, force: bool, json_path: Path | None = None) -> None:
    """A usage error (exit 2) when an output file exists that bibkaz did not write
    (or, for the .bib, that was edited since): a user's own bibliography or JSON
    must never be overwritten by accident. ``--force`` overrides."""
    from bibkaz.formats import library_json
    from bibkaz.formats.bibtex import written_by_bibkaz

    if force:
        return
    if written_by_bibkaz(bib) is False:
        raise click.UsageError(f"{bib} was not written by bibkaz or was edited by hand since; use --force to overwrite it")
    if json_path is not None and library_json.written_by_bibkaz(json_path) is False:
        raise click.UsageError(f"{json_path} is not a library JSON bibkaz wrote; use --force to overwrite it")
