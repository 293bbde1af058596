"""Training the line finder: the data sources put together, then crfsuite.

``bibkaz train --finder`` runs :func:`build_training_set` and
:func:`train_finder`; docs/training.md gives the command that rebuilds the
shipped model. The mix: GROBID's real PDF conversions (a sample: they are
long and mostly running text), synthetic policy documents, and the corpus's
development part (documents set in columns side by side left out: see
corpus.py). The settings are chosen by cross-validation on the dev part
(``python bench/finder_cv.py ../shared/data``), not by the fit on it: scored
on documents it was trained on, any finder looks better than it is.
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

#: The settings of the shipped model. A third of the synthetic and GROBID documents and the corpus
#: once, not three times, keep the corpus's share of the lines as it was (about 0.4 of the others)
#: and train in about a third of the time, which is what lets bench/finder_cv.py train three folds
#: per variant; 120 iterations, not 200. On the 24 held-out documents of a fold where both were
#: measured, the former settings (1500, 40, 3 times, 200) found 359 of 617 works with 51 spurious,
#: these 366 with 58 (2026-11-30; the fold's training documents differed a little).
DEFAULT = {"synthetic": 500, "grobid": 13, "corpus_repeat": 1, "c1": 0.1, "c2": 0.05, "iterations": 120, "seed": 7}


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
        docs += list(corpus_documents(corpus_dev, for_training=True)) * corpus_repeat
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
