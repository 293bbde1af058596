"""The parse stage: one reference string → one Record.

:func:`parse_reference` is the single entry point every caller uses. It runs
the trained CRF parser (:mod:`bibkaz.parse.crf`) and the style rules
(:mod:`bibkaz.parse.rules`) and keeps what :mod:`bibkaz.parse.gate` decides,
which bench/parse_gate.py measures. Bare links found in running text carry
nothing to parse: they become a web page (URL) or a DOI record.
"""

from __future__ import annotations

from functools import lru_cache

from bibkaz.model import ParsedReference, RawReference, Record
from bibkaz.parse.rules import parse_rules


@lru_cache(maxsize=1)
def _crf():
    from bibkaz.parse.crf import CrfParser

    return CrfParser.load()


def parse_reference(text: str) -> Record:
    """Parse one reference string into fields."""
    from bibkaz.parse.gate import choose

    return choose(text, _crf().parse(text), parse_rules(text))


def parse_raw(reference: RawReference) -> ParsedReference:
    """Parse a RawReference, using what its kind already tells us."""
    if reference.kind == "inline-url":
        return ParsedReference(reference, Record(type="webpage", url=reference.text, confidence=1.0))
    if reference.kind == "inline-doi":
        return ParsedReference(reference, Record(type="article-journal", doi=reference.text, confidence=1.0))
    return ParsedReference(reference, parse_reference(reference.text))
