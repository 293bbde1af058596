"""A handful of reference strings tagged by crfsuite's own tagger: the start-up of ``bibkaz parse "…"``.

Why not :class:`bibkaz.parse.crf.CrfParser`: its array tagger pays back over batches (token
scores summed once and cached, hundreds of references decoded at once), but before the first
label it imports numpy and reads the whole model into arrays, ~0.19 CPU s of a one-reference
run's ~0.43. crfsuite's tagger opens the same model file in ~3 ms and labels from the feature
strings the model was trained on (``features.sequence_features``); the array tagger is held to
its labels and marginals (tests/test_crf_inference.py), so both give the same entries.
The ``Tagged`` built here is the one ``CrfParser.tag_many`` builds (same cut at MAX_TOKENS,
same repairs); ``record`` is ``CrfParser.record``.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Sequence

from bibkaz.model import BibkazError
from bibkaz.parse.crf.features import sequence_features
from bibkaz.parse.crf.parser import DEFAULT_MODEL, MAX_TOKENS, CrfParser, Tagged
from bibkaz.parse.crf.repairs import repair
from bibkaz.parse.crf.tokens import tokenize

#: crfsuite's CRF1d header: magic, size, type, version, features, labels, attributes, then the
#: offsets of the feature chunk, the two string tables and the two reference chunks.
_HEADER = struct.Struct("<4sI4s9I")
_CHUNKS = (b"FEAT", b"CQDB", b"CQDB", b"LFRF", b"AFRF")


def _check(data: bytes, model: Path) -> None:
    """Refuse what crfsuite would crash on: it trusts the header's offsets and sizes (a
    truncated model file is a segmentation fault, not an error)."""
    if len(data) < _HEADER.size:
        raise BibkazError(f"{model}: not a CRF model file (too short)")
    magic, size, kind, *_, off_feat, off_labels, off_attrs, off_lrefs, off_arefs = _HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise BibkazError(f"{model}: not a CRF model file (magic {magic!r} {kind!r})")
    if size != len(data):
        raise BibkazError(f"{model}: not a CRF model file ({len(data):,} bytes where its header says {size:,})")
    for name, offset in zip(_CHUNKS, (off_feat, off_labels, off_attrs, off_lrefs, off_arefs)):
        if data[offset:offset + 4] != name:
            raise BibkazError(f"{model}: not a CRF model file (no {name.decode()} chunk at {offset})")


class FewTagger:
    """Reference strings → Tagged, with crfsuite's tagger over the model's feature strings."""

    record = staticmethod(CrfParser.record)

    def __init__(self, path: str | Path | None = None):
        import pycrfsuite

        model = Path(path) if path else DEFAULT_MODEL
        try:
            data = model.read_bytes()
        except OSError as exc:
            raise BibkazError(f"{model}: cannot read model: {exc.strerror or exc}") from exc
        _check(data, model)
        self._model = data  # crfsuite reads the model where it lies and pycrfsuite keeps no reference
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(data)
        except ValueError as exc:
            raise BibkazError(f"{model}: not a CRF model file ({exc})") from exc

    def tag(self, text: str) -> Tagged:
        """Label every token of ``text`` (no tokens: an empty Tagged, as CrfParser gives)."""
        tokens = tokenize(text)
        cut = tokens[:MAX_TOKENS]
        if not cut:
            return Tagged(text, (), (), ())
        tagger = self._tagger
        tagger.set(sequence_features(cut))
        labels = tagger.tag()
        marginals = tuple(tagger.marginal(label, i) for i, label in enumerate(labels))
        return Tagged(text, tuple(cut), tuple(repair(cut, labels)), marginals, len(tokens) > MAX_TOKENS)

    def tag_many(self, texts: Sequence[str]) -> list[Tagged]:
        return [self.tag(text) for text in texts]
