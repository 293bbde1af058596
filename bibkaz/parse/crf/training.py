"""Training a CRF model file from labelled references.

L-BFGS with L1+L2 regularisation (c1, c2) is crfsuite's default and the
setting AnyStyle and GROBID-style taggers use: L1 keeps the model file small by
zeroing useless feature weights, which also keeps model load fast.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite

from bibkaz.model import BibkazError
from bibkaz.parse.crf.data import LabelledReference
from bibkaz.parse.crf.features import sequence_features

#: The settings the shipped model is trained with (docs/training.md).
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100}


@dataclass(frozen=True)
class TrainResult:
    path: str
    references: int
    tokens: int
    seconds: float
    size_bytes: int


def train(
    refs: Sequence[LabelledReference],
    model_path: str | Path,
    c1: float = DEFAULT_PARAMS["c1"],
    c2: float = DEFAULT_PARAMS["c2"],
    max_iterations: int = DEFAULT_PARAMS["max_iterations"],
) -> TrainResult:
    """Train on ``refs`` and write the model to ``model_path`` (see :func:`fit`)."""
    if not refs:
        raise BibkazError("no labelled references to train on")
    start = time.perf_counter()
    tokens = sum(len(ref.tokens) for ref in refs)
    target = fit(((sequence_features(ref.words), ref.labels) for ref in refs), model_path, c1, c2, max_iterations)
    return TrainResult(str(target), len(refs), tokens, time.perf_counter() - start, target.stat().st_size)


def fit(
    sequences: Iterable[tuple[Sequence[Sequence[str]], Sequence[str]]],
    model_path: str | Path, c1: float, c2: float, max_iterations: int,
) -> Path:
    """Train a crfsuite model on (item features, labels) sequences and write it to ``model_path``.

    Shared by every CRF bibkaz trains (the parser, the line finder, the note
    parts). crfsuite writes the file itself, so we train into a temporary name in
    the same folder and rename it: a failed run never leaves a broken model behind.
    """
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(list(features), list(labels))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True})
    target = Path(model_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.training")
    try:
        trainer.train(str(tmp))
        tmp.replace(target)
    except OSError as exc:
        raise BibkazError(f"{target}: cannot write model: {exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
