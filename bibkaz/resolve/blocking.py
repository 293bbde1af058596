"""Candidate pairs: only records that share a cheap key are ever compared.

Comparing all pairs is quadratic (5·10⁹ pairs for 100,000 references). Each
record gets a few keys instead – its DOI, its URL, first author + first
significant title word, first author + year, the first three significant title
words – and only records sharing a key are compared. Every style variation the
resolver must cope with keeps at least one key: initials and diacritics do not
change the folded family name, sentence case and dropped subtitles do not change
the first title words, abbreviated journals and "et al." touch no key at all.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator, Sequence

from bibkaz.resolve.features import Features

#: A block with more members than this (a very common surname and year) is not
#: compared as a whole; its members still meet through their other keys.
MAX_BLOCK = 400


def block_keys(f: Features) -> Iterator[str]:
    """The blocking keys of one record."""
    if f.doi:
        yield "d:" + f.doi
    if f.url:
        yield "u:" + f.url
    first = f.families[0] if f.families else ""
    word = f.title_sig[0] if f.title_sig else (f.title_words[0] if f.title_words else "")
    if first and word:
        yield f"a:{first}:{word}"
    if first and f.year:
        yield f"y:{first.split()[0]}:{f.year}"
    if not first and f.year:
        # A parse that left the author in the title ("R. Pomfret, The Central …"):
        # let its first words stand in for the family name.
        for w in f.title_words[:4]:
            if len(w) >= 3 and not w.isdigit():
                yield f"y:{w}:{f.year}"
    if len(f.title_sig) >= 3:
        yield "t:" + ":".join(f.title_sig[:3])
    elif f.title_sig and not first:
        yield "t:" + ":".join(f.title_sig)


def candidate_pairs(features: Sequence[Features], indices: Iterable[int] | None = None) -> tuple[list[tuple[int, int]], int]:
    """Sorted unique pairs (i < j) of records that share a block, and the number of
    oversized blocks that were skipped."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in range(len(features)) if indices is None else indices:
        for key in block_keys(features[i]):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    skipped = 0
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) > MAX_BLOCK:
            skipped += 1
            continue
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs), skipped
