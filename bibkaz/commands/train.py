"""``bibkaz train``: labelled references (JSON Lines) → a CRF model file."""

from __future__ import annotations

import click


@click.command("train")
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="Where to write the model (e.g. my.crfsuite; use it with --model).")
@click.option("--source", "sources", multiple=True,
              help="Train only on references whose 'source' is this (repeatable; e.g. core, gold, good).")
@click.option("--c1", type=float, default=None, help="L1 regularisation (default: as the shipped model).")
@click.option("--c2", type=float, default=None, help="L2 regularisation (default: as the shipped model).")
@click.option("--iterations", type=int, default=None, help="Maximum L-BFGS iterations (default: 100).")
@click.option("--finder", is_flag=True,
              help="Train the line finder instead: DATA is the shared data folder (anystyle-train.jsonl, grobid/).")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None,
              help="With --finder: a corpus folder of documents with gold files to train on (e.g. tests/corpus/dev).")
@click.option("--note-parts", "note_parts", is_flag=True,
              help="Train the note-part model instead: DATA is the shared data folder, as with --finder.")
@click.option("--synthetic", type=int, default=None,
              help="With --finder / --note-parts: how many synthetic documents / notes (default 500 / 3000).")
def command(data: tuple[str, ...], output: str, sources: tuple[str, ...], c1: float | None,
            c2: float | None, iterations: int | None, finder: bool, note_parts: bool, corpus: str | None,
            synthetic: int | None) -> None:
    """Train a reference-parser model (or, with --finder, the line finder) on DATA.

    For the parser, DATA are files in the training-data format: what `bibkaz parse
    --format labels` prints, one JSON object per line with "text" and "tokens"
    ([token, label] pairs). docs/training.md shows the commands that rebuild both
    shipped models.
    """
    from bibkaz.model import BibkazError

    if finder:
        _train_finder(data, output, corpus, synthetic, c1, c2, iterations)
        return
    if note_parts:
        _train_note_parts(data, output, corpus, synthetic, c1, c2, iterations)
        return
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


def _shared_folder(data: tuple[str, ...], flag: str) -> str:
    from pathlib import Path

    from bibkaz.model import BibkazError

    if len(data) != 1 or not Path(data[0]).is_dir():
        raise BibkazError(f"{flag} takes one DATA folder: the shared data (anystyle-train.jsonl and grobid/)")
    return data[0]


def _train_note_parts(data: tuple[str, ...], output: str, corpus: str | None, synthetic: int | None,
                      c1: float | None, c2: float | None, iterations: int | None) -> None:
    from pathlib import Path

    from bibkaz.extract.finder.training.material import load_material
    from bibkaz.extract.note_parts.training import corpus_notes, synthetic_notes, train_note_parts

    shared = Path(_shared_folder(data, "--note-parts"))
    material = load_material(shared / "anystyle-train.jsonl", shared / "grobid", seed=7)
    notes = (list(corpus_notes(corpus)) * 3 if corpus else []) + synthetic_notes(material, synthetic or 3000, seed=7)
    count, seconds = train_note_parts(notes, output, c1=0.1 if c1 is None else c1, c2=0.01 if c2 is None else c2,
                                      iterations=150 if iterations is None else iterations)
    click.echo(f"trained the note-part model on {count} notes in {seconds:.1f} s; wrote {output}")


def _train_finder(data: tuple[str, ...], output: str, corpus: str | None, synthetic: int | None,
                  c1: float | None, c2: float | None, iterations: int | None) -> None:
    from bibkaz.extract.finder.training.train import DEFAULT, build_training_set, train_finder

    _shared_folder(data, "--finder")
    docs = build_training_set(data[0], corpus, synthetic=DEFAULT["synthetic"] if synthetic is None else synthetic)
    result = train_finder(
        docs, output,
        c1=DEFAULT["c1"] if c1 is None else c1, c2=DEFAULT["c2"] if c2 is None else c2,
        iterations=DEFAULT["iterations"] if iterations is None else iterations,
    )
    click.echo(f"trained the line finder on {result.documents} documents ({result.lines} lines) in "
               f"{result.seconds:.1f} s; wrote {result.path} ({result.size_bytes / 1e6:.2f} MB)")
