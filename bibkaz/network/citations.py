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

from collections import defaultdict
from dataclasses import dataclass

from bibkaz.model import Library, Mention, RawReference, Work


@dataclass(frozen=True)
class Citation:
    """All the citations of one work by one document."""

    document: str
    work: str  # the work's citation key
    count: int
    in_text: int  # in-text citations (Mentions) among them
    locators: tuple[str, ...] = ()


def _count(refs: list[RawReference], mentions: list[Mention]) -> int:
    claimed = {m.reference.id for m in mentions if m.reference is not None}
    unclaimed = sum(1 for r in refs if r.id not in claimed)
    unlinked = sum(1 for m in mentions if m.reference is None)
    return len(mentions) + max(0, unclaimed - unlinked)


def work_citations(work: Work) -> list[Citation]:
    """One Citation per document citing ``work``, in order of first appearance."""
    refs: dict[str, list[RawReference]] = defaultdict(list)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for ref in work.references:
        refs[ref.document].append(ref)
    for mention in work.mentions:
        mentions[mention.document].append(mention)
    out = []
    for doc in dict.fromkeys([*refs, *mentions]):
        if doc == work.document:
            continue  # a document's own entry is not a citation of itself
        doc_mentions = mentions.get(doc, [])
        locators = tuple(dict.fromkeys(m.locator for m in doc_mentions if m.locator))
        out.append(Citation(doc, work.key, _count(refs.get(doc, []), doc_mentions), len(doc_mentions), locators))
    return out


def library_citations(library: Library) -> list[Citation]:
    """Every (document, work) citation in ``library``."""
    out: list[Citation] = []
    for work in library.works:
        if work.references or work.mentions:
            out.extend(work_citations(work))
    return out
