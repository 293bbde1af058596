"""Scoring a CrfParser on labelled references (``bibkaz check`` and the benchmark)."""

from __future__ import annotations

from typing import Iterable

from bibkaz.parse.crf.convert import to_record
from bibkaz.parse.crf.data import LabelledReference
from bibkaz.parse.crf.metrics import Scores
from bibkaz.parse.crf.parser import CrfParser
from bibkaz.parse.crf.tokens import segments


def gold_record(ref: LabelledReference):
    """The Record the gold labels describe (the yardstick for field scores)."""
    return to_record(segments(ref.tokens))


def evaluate(parser: CrfParser, refs: Iterable[LabelledReference]) -> Scores:
    """Token error rate and field scores of ``parser`` on ``refs``."""
    scores = Scores()
    for ref in refs:
        tagged = parser.tag_tokens(ref.words, ref.text)
        scores.add_tokens(ref.labels, list(tagged.labels))
        predicted = parser.record(tagged)
        scores.add_record(gold_record(ref), predicted)
    return scores
