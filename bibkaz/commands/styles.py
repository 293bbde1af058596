"""``bibkaz styles [SEARCH]``: which CSL styles ``bibkaz format --style`` accepts."""

from __future__ import annotations

import click

from bibkaz.style import list_styles


@click.command("styles")
@click.argument("search", nargs=-1)
def command(search: tuple[str, ...]) -> None:
    """List styles whose name or title contains every SEARCH word; the project's own first."""
    found = list_styles(" ".join(search))
    if not found:
        raise click.ClickException(f"no style matches {' '.join(search)!r}")
    width = min(max(len(s.name) for s in found), 48)
    for info in found:
        mark = "*" if info.source == "project" else " "
        alias = f" (alias of {info.parent})" if info.parent else ""
        click.echo(f"{mark} {info.name:<{width}}  {info.title}{alias}")
    click.echo(f"{len(found)} styles; * = written for bibkaz (styles/)", err=True)
