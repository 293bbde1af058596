"""``python -m bibkaz.extract.metadata.tagger.training.train CORPUS_DEV [--out PATH]``: the own-record tagger
trained on the gold records of the corpus's development part, written to model.crfsuite.

The documents of :data:`HELD_OUT` are never trained on: they are the group the tagger is compared with the
rules on (bench/record_accuracy.py), as the finder's folds keep documents apart. Nor are documents whose name
starts with a later batch's prefix (:data:`LATER`): batches that land after a model is trained are scored
with it first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Iterator, Sequence

from bibkaz.extract.metadata.tagger.features import featurize
from bibkaz.extract.metadata.tagger.lines import top_lines
from bibkaz.extract.metadata.tagger.model import MODEL_PATH
from bibkaz.extract.metadata.tagger.training.gold import gold_record, line_labels
from bibkaz.parse.crf.training import fit

#: The held-out group: dev52_ to dev67_ (never trained on).
HELD_OUT = tuple(f"dev{n}_" for n in range(52, 68))
#: Batches at or after dev68_ land after the shipped model was trained: scored with it, not trained on.
_LATER = re.compile(r"^dev(\d+)_")
#: Chosen on the fold dev40_–dev51_ (trained without it), titles right/wrong/missing there: c1 0, c2 0.1 gave
#: 53/23/11 but a 1.1 MB file (no L1: every feature kept); c1 0.05, c2 0.1 gives 49/27/11 in 0.24 MB (49/26/12
#: at c1 0.1, c2 0.01; 47/23/17 at c1 0, c2 0.01; 52/25/10 at c1 0.01, c2 1).
SETTINGS = {"c1": 0.05, "c2": 0.1, "iterations": 150}
_DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def trainable(name: str, also_out: tuple[str, ...] = ()) -> bool:
    """Whether a corpus document may be trained on: not held out (nor in ``also_out``, a fold set apart to
    choose settings on), not of a later batch."""
    m = _LATER.match(name)
    return not name.startswith(HELD_OUT + also_out) and not (m and int(m.group(1)) >= 68)


def training_documents(corpus_dev: Path, also_out: tuple[str, ...] = ()) -> Iterator[tuple[Path, dict]]:
    """(document, gold) pairs of the trainable documents that have a gold record."""
    for gold_path in sorted(corpus_dev.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        if not trainable(stem, also_out):
            continue
        doc = next((gold_path.with_name(stem + s) for s in _DOCUMENT_SUFFIXES if gold_path.with_name(stem + s).exists()), None)
        if doc is None:
            continue
        yield doc, json.loads(gold_path.read_text(encoding="utf-8"))


def sequences(corpus_dev: Path, also_out: tuple[str, ...] = ()) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Each trainable document's top lines' features and gold labels."""
    from bibkaz.read import read_document

    for doc, gold in training_documents(corpus_dev, also_out):
        record = gold_record(gold)
        if record is None:
            continue
        lines = top_lines(read_document(doc).lines)
        if lines:
            yield featurize(lines), line_labels(lines, record)


def train(corpus_dev: Path, out: Path = MODEL_PATH, c1: float = SETTINGS["c1"], c2: float = SETTINGS["c2"],
          iterations: int = SETTINGS["iterations"], also_out: tuple[str, ...] = ()) -> Path:
    """Train on the corpus's trainable documents and write the model to ``out``."""
    return fit(sequences(corpus_dev, also_out), out, c1, c2, int(iterations))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dev", type=Path)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--c1", type=float, default=SETTINGS["c1"])
    ap.add_argument("--c2", type=float, default=SETTINGS["c2"])
    ap.add_argument("--iterations", type=int, default=SETTINGS["iterations"])
    ap.add_argument("--leave-out", default="", help="name prefixes, set apart by commas, not trained on (a fold)")
    args = ap.parse_args(argv)
    also_out = tuple(p for p in args.leave_out.split(",") if p)
    path = train(args.corpus_dev, args.out, args.c1, args.c2, args.iterations, also_out)
    print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
