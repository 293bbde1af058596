"""``bibkaz format PATH... --style STYLE``: the bibliography in any CSL style.

Which works: every work some document cites, plus works from .bib / library
JSON inputs. The documents' own entries (a brief's own title page) are left
out unless ``--include-documents``, because a bibliography of a corpus lists
what the corpus cites, not the corpus itself.
"""

from __future__ import annotations

from pathlib import Path

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.formats.csl import record_to_csl
from bibkaz.fsutil import write_atomic
from bibkaz.load import load_library
from bibkaz.model import Library, Work
from bibkaz.style import FORMATS, document, find_style, render, resolve_locale


def works_to_format(library: Library, include_documents: bool = False) -> list[Work]:
    """Works that belong in the bibliography (see the module docstring)."""
    return [w for w in library.works if include_documents or not w.document or w.references or w.mentions]


@click.command("format")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL(Path))
@click.option("--style", "-s", default="apa", show_default=True, help="Style name (see `bibkaz styles`) or a .csl file.")
@click.option("--to", "to", type=click.Choice(FORMATS), default="text", show_default=True, help="Output markup.")
@click.option("--locale", default="en-US", show_default=True, help="Language of terms and dates, e.g. de-DE.")
@click.option("--include-documents", is_flag=True, help="Also list the input documents' own entries.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@run_options
def command(
    paths: tuple[Path, ...], style: str, to: str, locale: str, include_documents: bool, output: Path | None,
    runner: Runner,
) -> None:
    """Render the bibliography of PATH... (briefs, folders, .bib or library JSON) with citeproc-py."""
    info = find_style(style)
    tag = resolve_locale(locale)
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    items = [record_to_csl(w.record, w.key) for w in works_to_format(loaded.library, include_documents)]
    rendered = render(items, str(info.path), tag, to)
    for warning in rendered.warnings:
        click.echo(f"bibkaz: warning: citeproc-py: {warning}", err=True)
    text = document(rendered, to)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"{len(rendered.entries)} entries in {info.name} → {output}", err=True)
