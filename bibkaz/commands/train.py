"""``bibkaz train``: labelled references (JSON Lines) → a CRF model file."""

from __future__ import annotations

import click


@click.command("train")
@click.argument("data", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="Where to write the model (e.g. my.crfsuite; use it with --model).")
@click.option("--source", "sources", multiple=True,
              help="Train only on references whose 'source' is this (repeatable; e.g. core, gold, good).")
@click.option("--c1", type=float, default=None, help="L1 regularisation (default: as the shipped model).")
@click.option("--c2", type=float, default=None, help="L2 regularisation (default: as the shipped model).")
@click.option("--iterations", type=int, default=None, help="Maximum L-BFGS iterations (default: 100).")
def command(data: tuple[str, ...], output: str, sources: tuple[str, ...], c1: float | None,
            c2: float | None, iterations: int | None) -> None:
    """Train a reference-parser model on DATA files in the training-data format.

    The format is what `bibkaz parse --format labels` prints: one JSON object per
    line with "text" and "tokens" ([token, label] pairs). docs/training.md shows
    the command that rebuilds the shipped model.
    """
    from bibkaz.model import BibkazError
    from bibkaz.parse.crf.data import read_many
    from bibkaz.parse.crf.training import DEFAULT_PARAMS, train

    refs = read_many(data, sources or None)
    if not refs:
        raise BibkazError("no labelled references in " + ", ".join(data) + (" for those --source values" if sources else ""))
    result = train(
        refs,
        output,
        c1=DEFAULT_PARAMS["c1"] if c1 is None else c1,
        c2=DEFAULT_PARAMS["c2"] if c2 is None else c2,
        max_iterations=DEFAULT_PARAMS["max_iterations"] if iterations is None else iterations,
    )
    click.echo(
        f"trained on {result.references} references ({result.tokens} tokens) in {result.seconds:.1f} s; "
        f"wrote {result.path} ({result.size_bytes / 1e6:.2f} MB)"
    )
