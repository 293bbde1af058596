"""A crfsuite model file read into numpy arrays, for bibkaz's own tagger.

Why read the file ourselves: crfsuite's tagger wants every token's features as
strings, converted and looked up one by one on each call (~60 % of tagging
time). Our features are built per distinct token string, so with the weights
in hand a token's whole contribution to the label scores can be summed once
and cached (bibkaz/parse/crf/scores.py). pycrfsuite can dump a model as text,
but parsing that dump takes ~0.2 s; the binary file reads in a few
milliseconds.

The format (crfsuite's crf1d_model.c, version 100, little-endian): a 48-byte
header with the offsets of a FEAT chunk (type, source, destination as uint32
and the weight as float64, 20 bytes a feature; type 0 = attribute → label,
1 = label → label) and of two CQDB string tables (labels, attributes), whose
backward arrays give each id's string.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bibkaz.model import BibkazError

_HEADER = struct.Struct("<4sI4s9I")
_SIZE = struct.Struct("<I")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True, eq=False)
class ModelWeights:
    """Everything tagging needs: labels, attribute ids, state and transition weights.

    ``state`` has one row per attribute plus a last row of zeros, so an
    attribute the model does not know maps to ``unknown`` and adds nothing.
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # (attributes + 1, labels)
    transitions: np.ndarray  # (labels, labels): from → to

    @property
    def unknown(self) -> int:
        return len(self.attributes)

    def score(self, features: tuple[str, ...] | list[str]) -> np.ndarray:
        """The summed label scores of a set of features (zeros when none is known)."""
        get = self.attributes.get
        rows = [r for r in map(get, features) if r is not None]
        if not rows:
            return np.zeros(len(self.labels))
        return self.state[rows].sum(axis=0)


def _strings(data: bytes, offset: int, path: Path) -> list[str]:
    """The strings of the CQDB table at ``offset``, in id order."""
    if data[offset:offset + 4] != b"CQDB":
        raise BibkazError(f"{path}: not a CRF model file (no string table at {offset})")
    count, bwd_offset = struct.unpack_from("<2I", data, offset + 16)
    pointers = struct.unpack_from(f"<{count}I", data, offset + bwd_offset)
    # a record: its id and size (uint32 each), then the string and a NUL; read with one bound
    # unpack and one slice each (the attribute table has ~20,000 strings: start-up time)
    size_at = _SIZE.unpack_from
    out: list[str] = []
    append = out.append
    for pointer in pointers:
        start = offset + pointer + 8
        append(data[start:start + size_at(data, start - 4)[0] - 1].decode("utf-8"))
    return out


def read_weights(path: str | Path) -> ModelWeights:
    """Read a crfsuite (CRF1d) model file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BibkazError(f"{path}: cannot read model: {exc.strerror or exc}") from exc
    try:
        return _parse(data, path)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise BibkazError(f"{path}: not a CRF model file ({exc})") from exc


def _parse(data: bytes, path: Path) -> ModelWeights:
    if len(data) < _HEADER.size:
        raise BibkazError(f"{path}: not a CRF model file (too short)")
    magic, _size, kind, _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs, _lr, _ar = (
        _HEADER.unpack_from(data)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise BibkazError(f"{path}: not a CRF model file (magic {magic!r} {kind!r})")
    if data[off_feat:off_feat + 4] != b"FEAT":
        raise BibkazError(f"{path}: not a CRF model file (no feature chunk)")
    (n_features,) = struct.unpack_from("<I", data, off_feat + 8)
    features = np.frombuffer(data, dtype=_FEATURE, count=n_features, offset=off_feat + 12)
    labels = _strings(data, off_labels, path)
    attributes = _strings(data, off_attrs, path)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise BibkazError(f"{path}: not a CRF model file (string tables disagree with the header)")
    state = np.zeros((n_attrs + 1, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    is_state = features["type"] == _STATE
    st = features[is_state]
    np.add.at(state, (st["src"].astype(np.intp), st["dst"].astype(np.intp)), st["weight"])
    tr = features[features["type"] == _TRANSITION]
    np.add.at(transitions, (tr["src"].astype(np.intp), tr["dst"].astype(np.intp)), tr["weight"])
    return ModelWeights(
        labels=tuple(labels),
        attributes={a: i for i, a in enumerate(attributes)},
        state=state,
        transitions=transitions,
    )
