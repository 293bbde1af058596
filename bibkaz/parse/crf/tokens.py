"""Tokens and segments: the unit the CRF labels, shared with the training data.

The training data (AnyStyle's, see docs/training.md) splits a reference on
whitespace and splits full-width CJK punctuation off as tokens of its own; the
token error rate is defined on that unit, so tagging must use exactly the same
split or the shipped model would see tokens it was never trained on.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

# Full-width punctuation (CJK Symbols and Punctuation block, half/full-width forms).
_CJK_PUNCT = "".join(
    chr(c)
    for c in list(range(0x3000, 0x3040)) + list(range(0xFF00, 0xFFF0))
    if unicodedata.category(chr(c)).startswith("P")
)
_SPLIT = re.compile(f"([{re.escape(_CJK_PUNCT)}])")
_HAS_CJK_PUNCT = re.compile(f"[{re.escape(_CJK_PUNCT)}]")
# C0/C1 control characters other than whitespace: never part of a reference.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Control characters become spaces so that they never glue two words together."""
    return _CONTROL.sub(" ", text)


def tokenize(text: str) -> list[str]:
    """Whitespace tokens, with full-width CJK punctuation as tokens of its own."""
    text = clean_text(text)
    if not _HAS_CJK_PUNCT.search(text):
        return text.split()
    out: list[str] = []
    for word in text.split():
        if any(ch in _CJK_PUNCT for ch in word):
            out.extend(p for p in _SPLIT.split(word) if p)
        else:
            out.append(word)
    return out


def segments(pairs: Iterable[Sequence[str]]) -> list[tuple[str, str]]:
    """[(token, label), ...] → [(label, "tokens joined by one space"), ...] for each
    run of equal labels, in order (the training data's notion of a segment)."""
    out: list[tuple[str, list[str]]] = []
    for token, label in pairs:
        if out and out[-1][0] == label:
            out[-1][1].append(token)
        else:
            out.append((label, [token]))
    return [(label, " ".join(words)) for label, words in out]


def fields_of(pairs: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """{label: [segment, ...]} in the training data's ``fields`` shape."""
    fields: dict[str, list[str]] = {}
    for label, text in segments(pairs):
        fields.setdefault(label, []).append(text)
    return fields
