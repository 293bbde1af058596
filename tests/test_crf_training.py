"""The retraining loop: train on a small labelled sample, check, and parse with
the new model (the loop docs/training.md describes, at toy size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.model import BibkazError
from bibkaz.parse.crf import CrfParser
from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.crf.evaluate import evaluate
from bibkaz.parse.crf.training import train

SAMPLE = Path(__file__).resolve().parents[1] / "bibkaz" / "parse" / "crf" / "training-data" / "sample.jsonl"


@pytest.fixture(scope="module")
def sample():
    return list(read_jsonl(SAMPLE))


@pytest.fixture(scope="module")
def small_model(tmp_path_factory, sample):
    path = tmp_path_factory.mktemp("model") / "small.crfsuite"
    result = train(sample[:150], path, max_iterations=40)
    assert result.references == 150 and result.size_bytes == path.stat().st_size
    return path


def test_a_retrained_model_learns_its_data(small_model, sample):
    scores = evaluate(CrfParser.load(small_model), sample[:150])
    assert scores.token_error_rate < 0.1
    held_out = evaluate(CrfParser.load(small_model), sample[150:])
    # 150 references are few, yet far better than chance over 20-odd labels
    assert held_out.token_error_rate < 0.35
    assert held_out.prf("date")[2] > 0.6


def test_training_on_nothing_is_an_error(tmp_path):
    with pytest.raises(BibkazError, match="no labelled references"):
        train([], tmp_path / "m.crfsuite")
    assert not (tmp_path / "m.crfsuite").exists()
