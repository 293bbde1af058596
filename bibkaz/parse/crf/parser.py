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

Tagging does not go through crfsuite's tagger: the model file's weights are
read into arrays (weights.py), label scores are summed from cached per-token
parts (scores.py) and many references are decoded at once (decode.py), which
gives crfsuite's labels and marginals, about 1.6× faster on a warm batch
(docs/decisions.md, "Our own CRF tagger"). crfsuite still trains the models.
Batch callers use ``tag_many`` / ``parse_many``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from bibkaz.model import BibkazError, Record
from bibkaz.parse.crf.convert import to_record
from bibkaz.parse.crf.repairs import repair
from bibkaz.parse.crf.tokens import segments, tokenize

if TYPE_CHECKING:
    from bibkaz.parse.crf.weights import ModelWeights

# The array tagger (weights, scores, decode) is imported when a parser is made, not with this
# module: importing numpy is ~0.12 CPU s, and Tagged, plausibility and the package's other
# modules (features, tokens, convert) are used without it (`bibkaz parse "…"`, training).

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

    def __init__(self, weights: "ModelWeights", path: str):
        from bibkaz.parse.crf.scores import EmissionScorer

        self.weights = weights
        self.path = path
        self.labels = frozenset(weights.labels)
        self.scorer = EmissionScorer(weights)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "CrfParser":
        """Open a model file (default: the shipped one)."""
        from bibkaz.parse.crf.weights import read_weights

        model = Path(path) if path else DEFAULT_MODEL
        if not model.is_file():
            raise BibkazError(f"{model}: no such model file (train one with `bibkaz train`)")
        return cls(read_weights(model), str(model))

    def tag(self, text: str) -> Tagged:
        """Label every token of ``text`` (empty text gives no tokens, confidence 0)."""
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[Tagged]:
        """Label many strings at once (much faster per string than one by one)."""
        return self.tag_tokens_many([tokenize(t) for t in texts], texts)

    def tag_tokens(self, tokens: list[str], text: str = "") -> Tagged:
        """Label tokens already split (labelled data carries its own tokens)."""
        return self.tag_tokens_many([tokens], [text])[0]

    def tag_tokens_many(self, batch: Sequence[list[str]], texts: Sequence[str] | None = None) -> list[Tagged]:
        """Label many token lists; ``texts`` are the strings they came from, when known."""
        from bibkaz.parse.crf.decode import decode

        cut = [tokens[:MAX_TOKENS] for tokens in batch]
        filled = [i for i, tokens in enumerate(cut) if tokens]
        decoded = decode(self.scorer.scores([cut[i] for i in filled]), self.weights.transitions)
        names = self.weights.labels
        out: list[Tagged] = []
        results = dict(zip(filled, decoded))
        for i, tokens in enumerate(cut):
            text = (texts[i] if texts else "") or " ".join(batch[i])
            if i not in results:
                out.append(Tagged(text, (), (), ()))
                continue
            ids, marginals = results[i]
            labels = [names[k] for k in ids]
            out.append(Tagged(text, tuple(tokens), tuple(repair(tokens, labels)), tuple(marginals.tolist()),
                              len(batch[i]) > MAX_TOKENS))
        return out

    def label(self, text: str) -> list[tuple[str, str]]:
        """[(token, label), ...] for ``text``."""
        return self.tag(text).pairs

    def parse(self, text: str) -> Record:
        """The Record for one reference string, ``confidence`` set."""
        return self.record(self.tag(text))

    def parse_many(self, texts: Sequence[str]) -> list[Record]:
        """The Records of many reference strings, tagged together."""
        return [self.record(tagged) for tagged in self.tag_many(texts)]

    @staticmethod
    def record(tagged: Tagged) -> Record:
        """The Record for labels already found (confidence: marginals × plausibility)."""
        if not tagged.tokens:
            return Record(confidence=0.0)
        confidence = round(tagged.confidence * plausibility(tagged.labels), 4)
        return to_record(segments(tagged.pairs), confidence=confidence)
