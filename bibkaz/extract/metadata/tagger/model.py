"""The shipped own-record tagger: model.crfsuite read once, a document's top lines tagged with each field's
probability.

crfsuite's own tagger reads the file (the model is small: five labels and their joins, a few thousand
features) and gives each line's marginal probabilities, which the value cutter needs to abstain: a field
whose best line is not likely enough is left out (missing is better than wrong).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from bibkaz.extract.metadata.tagger.features import featurize
from bibkaz.extract.metadata.tagger.lines import TopLine, top_lines
from bibkaz.model import BibkazError

MODEL_PATH = Path(__file__).with_name("model.crfsuite")
FIELDS = ("title", "author", "date", "publisher")


@dataclass(frozen=True)
class TaggedLine:
    """A top line, its best label and each field's probability (a joined label counts for both fields)."""

    line: TopLine
    label: str
    chance: tuple[tuple[str, float], ...]

    def p(self, field: str) -> float:
        return dict(self.chance).get(field, 0.0)


@lru_cache(maxsize=2)
def _tagger(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except (OSError, ValueError) as exc:
        raise BibkazError(f"{path}: cannot load the own-record tagger ({exc})") from None
    return tagger


def tag_lines(lines: list[TopLine], model_path: str | Path = MODEL_PATH) -> list[TaggedLine]:
    """Each top line with its label and its fields' probabilities."""
    if not lines:
        return []
    tagger = _tagger(str(model_path))
    labels = tagger.tag(featurize(lines))
    joined = tagger.labels()
    out = []
    for k, (line, label) in enumerate(zip(lines, labels)):
        chance = {f: 0.0 for f in FIELDS}
        for name in joined:
            p = tagger.marginal(name, k)
            for part in name.split("+"):
                if part in chance:
                    chance[part] += p
        out.append(TaggedLine(line, label, tuple(chance.items())))
    return out


def tag_document(text_lines: list[str], model_path: str | Path = MODEL_PATH) -> list[TaggedLine]:
    """The document's top lines, tagged."""
    return tag_lines(top_lines(text_lines), model_path)
