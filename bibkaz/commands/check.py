"""``bibkaz check``: how well a model labels references whose labels are known."""

from __future__ import annotations

import json

import click


@click.command("check")
@click.argument("data", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--model", "-m", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Model to check (default: the shipped model).")
@click.option("--source", "sources", multiple=True, help="Only references with this 'source' (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def command(data: tuple[str, ...], model: str | None, sources: tuple[str, ...], as_json: bool) -> None:
    """Report token error rate and per-field precision/recall/F1 on labelled DATA.

    A field counts as right when its normalised value (names, ISO date, pages …)
    equals the one the gold labels give.
    """
    from bibkaz.model import BibkazError
    from bibkaz.parse.crf import CrfParser
    from bibkaz.parse.crf.data import read_many
    from bibkaz.parse.crf.evaluate import evaluate

    refs = read_many(data, sources or None)
    if not refs:
        raise BibkazError("no labelled references in " + ", ".join(data))
    scores = evaluate(CrfParser.load(model), refs)
    if as_json:
        click.echo(json.dumps(scores.to_json(), indent=2))
    else:
        click.echo(scores.table())
