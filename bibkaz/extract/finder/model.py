"""The trained line finder: a CRF over a document's non-blank lines.

As AnyStyle's finder and GROBID's segmentation model do it: every line gets a
label from what it and its neighbours look like (features/), and extraction
reads the labels instead of hand-written rules about where lists start and
how entries are split. The model file is data (model.crfsuite, with its
NOTICE: it is trained in part on GROBID's CC-BY 4.0 training data). It is
read with the parser's model reader and decoded with its Viterbi (scoring.py
says why not with crfsuite's tagger); crfsuite trains it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.features import own_ids
from bibkaz.extract.finder.lines import Line, document_lines
from bibkaz.extract.finder.scoring import FinderScorer
from bibkaz.model import BibkazError
from bibkaz.parse.crf.decode import best_labels
from bibkaz.parse.crf.weights import read_weights

MODEL_PATH = Path(__file__).with_name("model.crfsuite")


class LineFinder:
    """Labels the lines of a document (see labels.py)."""

    def __init__(self, model_path: str | Path = MODEL_PATH) -> None:
        try:
            weights = read_weights(model_path)
        except BibkazError as exc:
            raise BibkazError(f"{model_path}: cannot load the line finder model ({exc})") from None
        self._scorer = FinderScorer(weights)
        # a model trained on a few documents may lack a label the rules of the chain need
        self._chain = _Continuations(weights.labels, weights.transitions) if set(L.LABELS) <= set(weights.labels) else None
        self.path = str(model_path)

    def label_lines(self, lines: list[Line], continuations: bool = True) -> list[str]:
        """The best labels for ``featurize(lines)`` under this model among those in which every
        continuation continues something (see :class:`_Continuations`); with ``continuations``
        False, among all (crfsuite's tagger's labels)."""
        if not lines:
            return []
        scores = self._scorer.scores(*own_ids(lines))
        if continuations and self._chain is not None:
            return self._chain.decode(scores, [line.page_break_before for line in lines])
        weights = self._scorer.weights
        return [weights.labels[i] for i in best_labels(scores, weights.transitions)]

    def label(self, text_lines: list[str]) -> tuple[list[Line], list[str]]:
        """The document's non-blank lines and a label for each."""
        lines = document_lines(text_lines)
        return lines, self.label_lines(lines)


#: A path's score that no path takes.
_NEVER = -1e9


class _Continuations:
    """Viterbi over the finder's labels where a note's or an entry's continuation continues
    something: a first-order CRF forgets, at a running head or a page number, whether a note was
    running, and may go on from a page's furniture with "note-cont" through a whole reference list
    that starts a new page (no note under way: its entries are then lost), or read the running text
    of a later page as the rest of a note.

    An entry goes on only after its start or its continuation, across page furniture (the gold
    labels of the dev corpus never continue an entry after running text). A note goes on after its
    start or continuation, across furniture, and at the foot of the next page after that page's
    running text (a page-end note that runs over the page break), but not past a second page break
    or a heading. Text and furniture are decoded as states that share their scores but remember
    where they stand; the model's weights are unchanged: this only rules out paths, as constrained
    decoding of BIO tags does.
    """

    def __init__(self, labels: tuple[str, ...], transitions: np.ndarray) -> None:
        self.labels = labels
        n = len(labels)
        at = {label: i for i, label in enumerate(labels)}
        note_start, note_cont = at[L.NOTE_START], at[L.NOTE_CONT]
        ref_start, ref_cont = at[L.REF_START], at[L.REF_CONT]
        # states: the model's labels (text and furniture: where no note or entry is under way), then
        # furniture after a note on its page, text and furniture of the page after a note, furniture
        # in an entry
        furniture_n, text_next, furniture_next, furniture_r = n, n + 1, n + 2, n + 3
        self.base = [*range(n), at[L.FURNITURE], at[L.TEXT], at[L.FURNITURE], at[L.FURNITURE]]
        size = len(self.base)
        note = (note_start, note_cont, furniture_n)
        next_page = (text_next, furniture_next)
        entry = (ref_start, ref_cont, furniture_r)
        comes_from = {note_cont: (*note, *next_page), furniture_n: note, text_next: next_page,
                      furniture_next: next_page, ref_cont: entry, furniture_r: entry}
        # the page after a note starts at a page break after it, and ends at the next one
        at_break = {**comes_from, note_cont: note, furniture_n: (), text_next: note, furniture_next: note}
        whole = np.array([[transitions[self.base[a], self.base[b]] for b in range(size)] for a in range(size)])
        self.within, self.across = (self._allowed(whole, rules) for rules in (comes_from, at_break))
        self.first = np.zeros(size)
        for b in comes_from:
            self.first[b] = _NEVER  # a document does not open inside a note or an entry

    @staticmethod
    def _allowed(whole: np.ndarray, comes_from: dict[int, tuple[int, ...]]) -> np.ndarray:
        """``whole`` with every step into a state from a state not among its ``comes_from`` ruled out."""
        t = whole.copy()
        for b, allowed in comes_from.items():
            t[[a for a in range(len(t)) if a not in allowed], b] = _NEVER
        return t

    def decode(self, scores: np.ndarray, breaks: list[bool]) -> list[str]:
        """The best path through ``scores`` (lines × the model's labels); ``breaks``: whether a page
        break stands before each line."""
        emissions = scores[:, self.base]
        emissions[0] += self.first
        path = best_labels(emissions, self.within, self.across, breaks)
        return [self.labels[self.base[i]] for i in path]


@lru_cache(maxsize=4)
def finder(model_path: str = str(MODEL_PATH)) -> LineFinder:
    """The line finder for ``model_path``, loaded once per process."""
    return LineFinder(model_path)
