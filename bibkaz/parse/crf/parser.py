"""CrfParser: a trained model that labels a reference string's tokens and turns
the labels into a Record with a confidence.

Confidence is the marginal probability (crfsuite's forward-backward) of the
least certain token's label: a parse is only as right as its weakest token, and
on held-out data this flags wrong parses as well as the mean marginal or the
whole sequence's probability do (docs/benchmarks.md (trained parser)), with a
threshold that reads naturally. It is low when the model is torn between
labels, which is what happens on text it has never seen the like of; a
plausibility factor catches the rest (a plain sentence confidently labelled
"all title"). ``needs_review`` turns it into the yes/no the commands print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from bibkaz.model import BibkazError, Record
from bibkaz.parse.crf.convert import to_record
from bibkaz.parse.crf.features import sequence_features
from bibkaz.parse.crf.relabel import repair
from bibkaz.parse.crf.tokens import segments, tokenize

#: The model shipped with bibkaz (docs/training.md says how to rebuild it).
DEFAULT_MODEL = Path(__file__).with_name("model.crfsuite")
#: Tokens beyond this many are not labelled: no reference is that long, and a
#: runaway line (a whole page glued together) must not cost seconds.
MAX_TOKENS = 400


@dataclass(frozen=True)
class Tagged:
    """One labelled reference: tokens, labels, per-token marginals, confidence."""

    text: str
    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    marginals: tuple[float, ...]
    truncated: bool = False

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(self.tokens, self.labels))

    @property
    def confidence(self) -> float:
        if not self.marginals:
            return 0.0
        return round(min(self.marginals) * (0.5 if self.truncated else 1.0), 4)


#: Labels that make a string look like a reference; a real one has at least two.
_REFERENCE_LABELS = frozenset(
    "author editor date title journal container-title publisher location volume pages doi url".split()
)


def plausibility(labels: tuple[str, ...]) -> float:
    """How much the labels found look like a reference at all (0–1).

    The marginals only say the model is sure of each token; a sentence that is
    not a reference is confidently "all title". A reference names a work and
    at least one more thing about it (who, when, where), so a string with a
    single field is suspect whatever the marginals say.
    """
    found = _REFERENCE_LABELS.intersection(labels)
    if len(found) >= 2:
        return 1.0
    return 0.4 if found else 0.2


def needs_review(record: Record) -> bool:
    """Whether a parse is too uncertain to trust without a human look."""
    return record.needs_review


class CrfParser:
    """Reference string → labels → Record, with a model loaded once."""

    def __init__(self, tagger: pycrfsuite.Tagger, path: str):
        self._tagger = tagger
        self.path = path
        self.labels = frozenset(tagger.labels())

    @classmethod
    def load(cls, path: str | Path | None = None) -> "CrfParser":
        """Open a model file (default: the shipped one)."""
        model = Path(path) if path else DEFAULT_MODEL
        if not model.is_file():
            raise BibkazError(f"{model}: no such model file (train one with `bibkaz train`)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(model))
        except (OSError, ValueError) as exc:
            raise BibkazError(f"{model}: not a CRF model file ({exc})") from exc
        return cls(tagger, str(model))

    def tag(self, text: str) -> Tagged:
        """Label every token of ``text`` (empty text gives no tokens, confidence 0)."""
        return self.tag_tokens(tokenize(text), text)

    def tag_tokens(self, tokens: list[str], text: str = "") -> Tagged:
        """Label tokens already split (labelled data carries its own tokens)."""
        text = text or " ".join(tokens)
        truncated = len(tokens) > MAX_TOKENS
        if truncated:
            tokens = tokens[:MAX_TOKENS]
        if not tokens:
            return Tagged(text, (), (), ())
        tagger = self._tagger
        labels = tagger.tag(sequence_features(tokens))
        marginal = tagger.marginal
        marginals = tuple([marginal(label, i) for i, label in enumerate(labels)])
        return Tagged(text, tuple(tokens), tuple(repair(tokens, labels)), marginals, truncated)

    def label(self, text: str) -> list[tuple[str, str]]:
        """[(token, label), ...] for ``text``."""
        return self.tag(text).pairs

    def parse(self, text: str) -> Record:
        """The Record for one reference string, ``confidence`` set."""
        return self.record(self.tag(text))

    @staticmethod
    def record(tagged: Tagged) -> Record:
        """The Record for labels already found (confidence: marginals × plausibility)."""
        if not tagged.tokens:
            return Record(confidence=0.0)
        confidence = round(tagged.confidence * plausibility(tagged.labels), 4)
        return to_record(segments(tagged.pairs), confidence=confidence)
