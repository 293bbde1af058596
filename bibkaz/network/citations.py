"""Counting citations: how many times each document cites each work.

A Work carries the RawReferences and Mentions that point at it. Counting either
alone is wrong: a footnote call is one RawReference *and* one Mention (counting
both doubles it), an author-date work is one reference-list entry and many
Mentions, and a listed work never cited in the text, or a bare URL, is a
RawReference with no Mention. So a document's citations of a work are its
Mentions plus its RawReferences that no Mention stands for. When the link from
a Mention to its RawReference is unknown (a library JSON does not keep it), each
such Mention is assumed to stand for one of the unclaimed RawReferences — which
is exact for footnotes and never undercounts author-date citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from bibkaz.model import Library, RawReference, Work


@dataclass(frozen=True)
class Citation:
    """All the citations of one work by one document."""

    document: str
    work: str  # the work's citation key
    count: int
    in_text: int  # in-text citations (Mentions) among them
    locators: tuple[str, ...] = ()


def per_document(work: Work) -> Iterator[tuple[str, int, int, tuple[str, ...]]]:
    """(document, citations, in-text citations, locators) for each document citing
    ``work``, in order of first appearance; the fast core of :func:`work_citations`
    (one pass over the work's references and mentions, no objects per citation)."""
    linked = {id(m.reference): m.reference for m in work.mentions if m.reference is not None}
    # The pipeline links mentions to the very RawReference objects the work holds;
    # a library put together otherwise may hold equal copies, so fall back to equality.
    equal: set[RawReference] = set()
    if linked and not linked.keys() <= {id(r) for r in work.references}:
        equal = set(linked.values())
    stats: dict[str, list] = {}  # document -> [mentions, unlinked mentions, unclaimed refs, locators]
    for ref in work.references:
        row = stats.get(ref.document)
        if row is None:
            row = stats[ref.document] = [0, 0, 0, None]
        if id(ref) not in linked and (not equal or ref not in equal):
            row[2] += 1
    for mention in work.mentions:
        row = stats.get(mention.document)
        if row is None:
            row = stats[mention.document] = [0, 0, 0, None]
        row[0] += 1
        if mention.reference is None:
            row[1] += 1
        if mention.locator:
            if row[3] is None:
                row[3] = {}
            row[3][mention.locator] = None
    for doc, (mentions, unlinked, unclaimed, locators) in stats.items():
        if doc == work.document:
            continue  # a document's own entry is not a citation of itself
        # Each unlinked mention stands for one unclaimed reference (see the module docstring).
        yield doc, mentions + max(0, unclaimed - unlinked), mentions, tuple(locators or ())


def work_citations(work: Work) -> list[Citation]:
    """One Citation per document citing ``work``, in order of first appearance."""
    return [Citation(doc, work.key, count, in_text, locators)
            for doc, count, in_text, locators in per_document(work)]


def library_citations(library: Library) -> list[Citation]:
    """Every (document, work) citation in ``library``."""
    out: list[Citation] = []
    for work in library.works:
        if work.references or work.mentions:
            out.extend(work_citations(work))
    return out
