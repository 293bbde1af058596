"""Candidate pairs: only records that share a cheap key are ever compared.

Comparing all pairs is quadratic (5·10⁹ pairs for 100,000 references). Each
record gets a few keys instead – its DOI, its URL, first author + first
significant title word, first author + year, the first three significant title
words – and only records sharing a key are compared. Every style variation the
resolver must cope with keeps at least one key: initials and diacritics do not
change the folded family name, sentence case and dropped subtitles do not change
the first title words, abbreviated journals and "et al." touch no key at all.

A block can still be large: one work cited thousands of times, or thousands of
works by one author whose titles share their first words. Comparing all of its
pairs is quadratic again, so a block of more than ``FULL_BLOCK`` records is
compared as a sorted neighbourhood: its records sorted by folded title (then
authors, year …), each compared with the ``WINDOW`` records after it. Citations
of one work sort together (case, diacritics and punctuation are folded away, a
dropped subtitle or a typo late in the title keeps the prefix), and union-find
joins the chain, so a work cited 10,000 times still becomes one cluster while
every record costs at most ``WINDOW`` comparisons per key. (Before, a block of
more than 400 was skipped whole, and one of 400 cost 80,000 comparisons.)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from bibkaz.resolve.features import Features

#: Each record of a large block is compared with this many records after it in title order.
WINDOW = 6
#: Blocks up to this size are compared pair by pair (at most WINDOW comparisons per record).
FULL_BLOCK = 2 * WINDOW + 1


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


def neighbourhood_key(f: Features) -> tuple:
    """How a large block is sorted: by folded title, then everything else that tells
    records apart, so that the order (and the pairs) never depend on input order."""
    return (f.title, f.main, f.has_subtitle, f.families, f.year, f.suffix, f.month, f.container, f.doi, f.url, f.type,
            f.edition, f.is_review, f.is_document, sorted(f.first_family_tokens), sorted(f.first_tokens),
            sorted(f.tail_words))


def content_rank(features: Mapping[int, Features] | Sequence[Features], indices: Iterable[int]) -> dict[int, int]:
    """Each record's place in :func:`neighbourhood_key` order: what large blocks are
    sorted by, and what the clusterer breaks ties by instead of input order."""
    return {i: r for r, i in enumerate(sorted(indices, key=lambda i: neighbourhood_key(features[i])))}


def candidate_pairs(
    features: Mapping[int, Features] | Sequence[Features], indices: Iterable[int] | None = None,
    rank: Mapping[int, int] | None = None, keys: Callable[[Features], Iterable[str]] = block_keys,
) -> tuple[list[tuple[int, int]], int]:
    """Sorted unique pairs (i < j) of records that share a block, and the number of
    blocks compared by sorted neighbourhood rather than in full. ``rank`` is
    :func:`content_rank` of the records when the caller has it (any ranks in the same
    order will do); ``keys`` picks the blocks (:mod:`bibkaz.resolve.spool` takes
    those of one bucket)."""
    chosen = list(range(len(features)) if indices is None else indices)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in chosen:
        for key in keys(features[i]):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    windowed = 0
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) <= FULL_BLOCK:
            for n, i in enumerate(members):
                for j in members[n + 1 :]:
                    pairs.add((i, j) if i < j else (j, i))
            continue
        windowed += 1
        if rank is None:
            rank = content_rank(features, chosen)
        ordered = sorted(members, key=rank.__getitem__)
        for n, i in enumerate(ordered):
            for j in ordered[n + 1 : n + 1 + WINDOW]:
                pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs), windowed
