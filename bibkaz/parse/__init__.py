"""The parse stage: one reference string → one Record.

:func:`parse_references` (one string: :func:`parse_reference`; a document's
references: :func:`parse_raws`) is the entry point every caller uses. It runs
the trained CRF parser (:mod:`bibkaz.parse.crf`) and the style rules
(:mod:`bibkaz.parse.rules`) and keeps what :mod:`bibkaz.parse.gate` decides,
which bench/parse_gate.py measures. Bare links found in running text carry
nothing to parse: they become a web page (URL) or a DOI record.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from bibkaz.model import ParsedReference, RawReference, Record
from bibkaz.parse.rules import parse_rules


@lru_cache(maxsize=1)
def _crf():
    from bibkaz.parse.crf import CrfParser

    return CrfParser.load()


def parse_reference(text: str) -> Record:
    """Parse one reference string into fields."""
    return parse_references([text])[0]


def parse_references(texts: Sequence[str]) -> list[Record]:
    """Parse many reference strings; the CRF tags them together, which is much
    faster per string than one at a time. Strings over
    :data:`bibkaz.limits.MAX_REFERENCE_CHARS` are parsed from their start only."""
    from bibkaz.limits import clip_reference
    from bibkaz.parse.gate import choose

    texts = [clip_reference(t) for t in texts]
    crf = _crf().parse_many(texts) if texts else []
    return [choose(text, record, parse_rules(text)) for text, record in zip(texts, crf)]


def _link_record(reference: RawReference) -> Record | None:
    """The record of a bare link found in running text (nothing to parse), else None."""
    if reference.kind == "inline-url":
        return Record(type="webpage", url=reference.text, confidence=1.0)
    if reference.kind == "inline-doi":
        return Record(type="article-journal", doi=reference.text, confidence=1.0)
    return None


def parse_raws(references: Sequence[RawReference]) -> list[ParsedReference]:
    """Parse a document's RawReferences together (see parse_references), using
    what each one's kind already tells us."""
    links = [_link_record(r) for r in references]
    texts = [r.text for r, link in zip(references, links) if link is None]
    parsed = iter(parse_references(texts))
    return [ParsedReference(r, link if link is not None else next(parsed)) for r, link in zip(references, links)]
