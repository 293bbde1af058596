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
from bibkaz.style.citations import Cite, render_citations


def works_to_format(library: Library, include_documents: bool = False) -> list[Work]:
    """Works that belong in the bibliography (see the module docstring)."""
    return [w for w in library.works if include_documents or not w.document or w.references or w.mentions]


@click.command("format")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL(Path))
@click.option("--style", "-s", default="apa", show_default=True, help="Style name (see `bibkaz styles`) or a .csl file.")
@click.option("--to", "to", type=click.Choice(FORMATS), default="text", show_default=True, help="Output markup.")
@click.option("--locale", default="en-US", show_default=True, help="Language of terms and dates, e.g. de-DE.")
@click.option("--include-documents", is_flag=True, help="Also list the input documents' own entries.")
@click.option("--citations", is_flag=True,
              help="Print each document's in-text citations (with locators) in the style, instead of the bibliography.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@run_options
def command(
    paths: tuple[Path, ...], style: str, to: str, locale: str, include_documents: bool, citations: bool,
    output: Path | None, runner: Runner,
) -> None:
    """Render the bibliography of PATH... (briefs, folders, .bib or library JSON) with citeproc-py."""
    info = find_style(style)
    tag = resolve_locale(locale)
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    items = [record_to_csl(w.record, w.key) for w in works_to_format(loaded.library, include_documents)]
    if citations:
        text = citation_listing(loaded.library, items, str(info.path), tag, to)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text)
            click.echo(f"citations in {info.name} → {output}", err=True)
        return
    rendered = render(items, str(info.path), tag, to)
    for warning in rendered.warnings:
        click.echo(f"bibkaz: warning: citeproc-py: {warning}", err=True)
    text = document(rendered, to)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"{len(rendered.entries)} entries in {info.name} → {output}", err=True)


def citation_clusters(library: Library) -> dict[str, list[tuple[str, list[Cite]]]]:
    """document → its citations in reading order: (text as found, the works cited there).

    Mentions that share a document, line and text are one citation of several
    works ("(Lee 2022; Park 2020)"), as the document printed them.
    """
    places: dict[tuple[str, int, str], list[Cite]] = {}
    for work in library.works:
        for mention in work.mentions:
            places.setdefault((mention.document, mention.line, mention.text), []).append(Cite(work.key, mention.locator))
    out: dict[str, list[tuple[str, list[Cite]]]] = {}
    for (doc, _line, text), cites in sorted(places.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        out.setdefault(doc, []).append((text, cites))
    return out


def citation_listing(library: Library, items: list[dict], style_path: str, locale: str, to: str) -> str:
    """Each document's citations, one a line: as found, then as the style renders it (a note style
    numbers its notes). A document's citations are one run, so "Ibid." and short notes follow it."""
    lines = []
    for doc, found in citation_clusters(library).items():
        rendered = render_citations(items, [cites for _text, cites in found], style_path, locale, to)
        lines.append(f"# {doc}")
        for n, ((text, _cites), out) in enumerate(zip(found, rendered), 1):
            lines.append(f"{n}. {text}\t{out}")
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
