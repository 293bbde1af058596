"""``bibkaz parse``: reference strings → BibTeX, CSL-JSON, JSON or labels.

Streams in chunks: 512 lines are read, tagged together (batch tagging is
much faster per line than one by one) and written before the next chunk is read, so
a file of 100,000 references never sits in memory. ``--format labels`` prints the
training-data format, which a user can correct and feed to ``bibkaz train``.
"""

from __future__ import annotations

import json
import re
import sys
from itertools import islice
from typing import TYPE_CHECKING, Iterator, TextIO

import click
from anyascii import anyascii

from bibkaz.model import InputError, Record

if TYPE_CHECKING:
    from bibkaz.commands._few import FewTagger
    from bibkaz.parse.crf import CrfParser, Tagged

FORMATS = ("bibtex", "csl-json", "json", "labels")


def _lines(path: str) -> Iterator[str]:
    """Non-empty lines of ``path`` ("-" for stdin), one reference each."""
    if path == "-":
        yield from (line.rstrip("\n") for line in sys.stdin if line.strip())
        return
    try:
        fh = open(path, encoding="utf-8", errors="strict")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        try:
            for line in fh:
                if line.strip():
                    yield line.rstrip("\n")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 text ({exc.reason})") from exc


class _Keys:
    """Citation keys "family2022", "family2022a" …: readable and unique within one run."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, record: Record, n: int) -> str:
        first = record.authors[0] if record.authors else (record.editors[0] if record.editors else None)
        stem = ""
        if first and first.family:
            stem = first.family
        elif first and first.literal:
            stem = first.literal.split()[0]
        stem = re.sub(r"[^a-z0-9]", "", anyascii(stem).lower())[:20] or "ref"
        base = f"{stem}{record.year}" if record.year else f"{stem}{n}"
        key, i = base, 0
        while key in self.seen:
            key = base + (chr(ord("a") + i) if i < 26 else str(i))
            i += 1
        self.seen.add(key)
        return key


def _review_fields(record: Record) -> dict[str, object]:
    from bibkaz.parse.crf import needs_review

    return {"confidence": record.confidence, "needs_review": needs_review(record)}


#: Lines tagged together: large enough for batch decoding to pay, small enough
#: that output keeps streaming and memory stays flat.
CHUNK = 512
#: At most this many references given as arguments (and no --file) are tagged by crfsuite
#: (_few.py): it starts ~0.15 CPU s sooner but tags ~0.35 ms a reference slower, so the batch
#: tagger wins from ~400 references on.
FEW = 100


def _tagged(parser: "CrfParser | FewTagger", texts: Iterator[str], size: int = CHUNK) -> Iterator[tuple[int, str, "Tagged"]]:
    """(line number, text, labels) for every text, tagged ``size`` at a time."""
    n = 0
    for chunk in iter(lambda: list(islice(texts, size)), []):
        for text, tagged in zip(chunk, parser.tag_many(chunk)):
            n += 1
            yield n, text, tagged


def _write(out: TextIO, fmt: str, texts: Iterator[str], model: str | None, chunk: int = CHUNK,
           few: bool = False) -> int:
    """Write every text's entry; ``few``: only a handful of texts, tagged by crfsuite (_few.py),
    which starts ~0.19 CPU s sooner than the batch tagger."""
    if few:
        from bibkaz.commands._few import FewTagger

        parser: "CrfParser | FewTagger" = FewTagger(model)
    else:
        from bibkaz.parse.crf import CrfParser

        parser = CrfParser.load(model)
    keys = _Keys()
    # each format's writer imported only for that format (start-up of a one-reference parse)
    if fmt == "bibtex":
        from bibkaz.formats.bibtex import format_entries
    elif fmt == "labels":
        from bibkaz.parse.crf.data import LabelledReference
        from bibkaz.parse.crf.tokens import clean_text
    else:
        from bibkaz.formats.csl import record_to_csl
    count = 0
    if fmt == "csl-json":
        out.write("[")
    for n, text, tagged in _tagged(parser, texts, chunk):
        if fmt == "labels":
            if not tagged.tokens:
                continue
            ref = LabelledReference(text=" ".join(clean_text(text).split()), tokens=tuple(tagged.pairs))
            out.write(json.dumps(ref.to_json(), ensure_ascii=False) + "\n")
            count += 1
            continue
        record = parser.record(tagged)
        key = keys(record, n)
        if fmt == "bibtex":
            out.write(("\n" if count else "") + format_entries([(key, record)]))
        elif fmt == "csl-json":
            item = record_to_csl(record, key)
            item["custom"] = _review_fields(record)
            out.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False))
        else:
            obj = {"key": key, "text": text, **_review_fields(record), "csl": record_to_csl(record, key)}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    if fmt == "csl-json":
        out.write("\n]\n")
    return count


@click.command("parse")
@click.argument("references", nargs=-1)
@click.option("--file", "-f", "files", multiple=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="A file with one reference per line ('-' reads standard input). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="bibtex", show_default=True,
              help="bibtex; csl-json (an array, confidence under 'custom'); json (JSON Lines with "
                   "confidence and needs_review); labels (training-data JSON Lines, to correct and train on).")
@click.option("--model", "-m", type=click.Path(dir_okay=False, exists=True), default=None,
              help="A model from `bibkaz train` (default: the shipped model).")
def command(references: tuple[str, ...], files: tuple[str, ...], fmt: str, model: str | None) -> None:
    """Parse reference strings into structured entries with the trained parser.

    Each REFERENCE argument is one reference; --file adds one per line. Entries
    whose parse is uncertain are flagged: "bibkaz-review" in BibTeX,
    "needs_review" in JSON.
    """
    if not references and not files:
        raise click.UsageError("give reference strings or --file FILE")

    def texts() -> Iterator[str]:
        from bibkaz.limits import MAX_REFERENCE_CHARS, clip_reference

        given = (t for source in (references, *(_lines(path) for path in files)) for t in source)
        for n, text in enumerate(given, start=1):
            if len(text) > MAX_REFERENCE_CHARS:
                click.echo(f"bibkaz: warning: reference {n} is {len(text):,} characters, over the "
                           f"{MAX_REFERENCE_CHARS:,} limit: only its start was parsed", err=True)
            yield clip_reference(text)

    # someone typing references answers one at a time; files and pipes go in chunks; strings
    # given as arguments are a handful, where starting fast matters more than batch speed
    interactive = "-" in files and sys.stdin.isatty()
    _write(sys.stdout, fmt, texts(), model, 1 if interactive else CHUNK, few=not files and len(references) <= FEW)
