"""Training the line finder: the data sources put together, then crfsuite.

``bibkaz train --finder`` runs :func:`build_training_set` and
:func:`train_finder`; docs/training.md gives the command that rebuilds the
shipped model. The mix: GROBID's real PDF conversions (a sample: they are
long and mostly running text), synthetic policy documents, and the corpus's
development part, repeated so that a few real documents weigh as much as
their shapes deserve.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from bibkaz.extract.finder.features import featurize
from bibkaz.extract.finder.lines import document_lines
from bibkaz.extract.finder.training.corpus import corpus_documents
from bibkaz.extract.finder.training.document import LabelledDocument
from bibkaz.extract.finder.training.grobid import grobid_documents
from bibkaz.extract.finder.training.material import load_material
from bibkaz.extract.finder.training.synthetic import synthetic_documents
from bibkaz.model import BibkazError
from bibkaz.parse.crf.training import fit

DEFAULT = {"synthetic": 1500, "grobid": 40, "corpus_repeat": 3, "c1": 0.1, "c2": 0.05, "iterations": 200, "seed": 7}


@dataclass(frozen=True)
class FinderTrainResult:
    path: str
    documents: int
    lines: int
    seconds: float
    size_bytes: int


def build_training_set(
    shared_data: str | Path, corpus_dev: str | Path | None, synthetic: int = DEFAULT["synthetic"],
    grobid: int = DEFAULT["grobid"], corpus_repeat: int = DEFAULT["corpus_repeat"], seed: int = DEFAULT["seed"],
) -> list[LabelledDocument]:
    shared = Path(shared_data)
    if not (shared / "anystyle-train.jsonl").exists() or not (shared / "grobid").is_dir():
        raise BibkazError(f"{shared}: needs anystyle-train.jsonl and grobid/ (the shared training data)")
    material = load_material(shared / "anystyle-train.jsonl", shared / "grobid", seed=seed)
    docs = synthetic_documents(material, synthetic, seed=seed)
    real = list(grobid_documents(shared / "grobid"))
    random.Random(seed).shuffle(real)
    docs += real[:grobid]
    if corpus_dev:
        docs += list(corpus_documents(corpus_dev)) * corpus_repeat
    return docs


def train_finder(
    docs: Sequence[LabelledDocument], model_path: str | Path, c1: float = DEFAULT["c1"], c2: float = DEFAULT["c2"],
    iterations: int = DEFAULT["iterations"],
) -> FinderTrainResult:
    """Train on ``docs`` and write the model (through a temporary name: never a broken file)."""
    if not docs:
        raise BibkazError("no labelled documents to train the line finder on")
    start = time.perf_counter()
    sequences = []
    count = 0
    for doc in docs:
        lines = document_lines(list(doc.lines))
        labels = doc.non_blank_labels()
        if not lines or len(lines) != len(labels):
            raise BibkazError(f"{doc.name}: {len(labels)} labels for {len(lines)} non-blank lines")
        sequences.append((featurize(lines), labels))
        count += len(lines)
    path = fit(sequences, model_path, c1, c2, iterations)
    return FinderTrainResult(str(path), len(docs), count, time.perf_counter() - start, path.stat().st_size)
