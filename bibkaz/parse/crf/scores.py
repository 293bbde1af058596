"""Label scores of every token of a batch of references, from cached parts.

A linear-chain CRF scores label y at position i as the sum of the weights of
(feature, y) over the position's features. Our features come in parts that
repeat (features.py): what a token string says of itself and what it tells
each neighbour (NEIGHBOURS), the position's context (a small tuple of ints),
and one bigram. So the sum is split the same way: each distinct token string's
parts are summed into one (views × labels) block once and kept, each context's
vector once; a position's scores are then a handful of array additions done
for the whole batch at once. This gives exactly the scores crfsuite computes
from the feature strings (tests/test_crf_inference.py checks it), without
building or looking up a single string for a token seen before.
"""

from __future__ import annotations

from itertools import repeat
from collections import OrderedDict
from typing import Sequence

import numpy as np

from bibkaz.parse.crf.features import (
    CONTEXT_PARTS,
    NEIGHBOURS,
    TOKEN_CACHE_SIZE,
    Context,
    _Token,
    bigram,
    layout,
)
from bibkaz.parse.crf.weights import ModelWeights

#: Position offset of each part of a token's block: itself (0), then what each neighbour sees.
_OFFSETS = (0,) + tuple(offset for offset, _, _ in NEIGHBOURS)
#: New tokens summed per np.add.reduceat call (see _sum_blocks).
_SUM_CHUNK = 256


class EmissionScorer:
    """Token strings → (tokens × labels) score matrices for one model.

    Keeps at most ``cache_size`` token blocks, the most recently used (a long
    stream stays within a fixed memory, ~7 × labels × 8 bytes a token).
    """

    def __init__(self, weights: ModelWeights, cache_size: int = TOKEN_CACHE_SIZE):
        self.weights = weights
        self.cache_size = cache_size
        n_labels = len(weights.labels)
        self._blocks = np.zeros((min(cache_size, 4096), len(_OFFSETS), n_labels))
        # For each neighbour's view, {feature without its prefix: attribute row}, so a
        # token's views are looked up from its ``near`` features without building strings.
        by_prefix: dict[str, dict[str, int]] = {prefix: {} for _, prefix, _ in NEIGHBOURS}
        for name, row in weights.attributes.items():
            table = by_prefix.get(name[:3])
            if table is not None:
                table[name[3:]] = row
        self._views = tuple((by_prefix[prefix].get, part) for _, prefix, part in NEIGHBOURS)
        self._slot: OrderedDict[str, int] = OrderedDict()  # token → its block, least recently used first
        self._free = list(range(len(self._blocks)))
        # The words each word is followed by in some bigram feature of the model:
        # for every other pair the bigram string is never built. (A word may hold
        # "|", so every split point of "bi=A|B" counts.)
        self._bigram_next: dict[str, set[str]] = {}
        for name in weights.attributes:
            if name.startswith("bi="):
                pair = name[3:]
                for at, ch in enumerate(pair):
                    if ch == "|":
                        self._bigram_next.setdefault(pair[:at], set()).add(pair[at + 1:])
        # one (values × labels) table per element of a position's context
        self._context_parts = tuple(np.array([weights.score(features) for features in part])
                                    for part in CONTEXT_PARTS)

    def clear(self) -> None:
        """Forget every cached token (the benchmark's cold start)."""
        self._slot.clear()
        self._free = list(range(len(self._blocks)))

    def _add_tokens(self, per: dict[str, _Token]) -> None:
        """Mark the batch's tokens as just used; sum and store the blocks of new ones.

        The least recently used tokens give up their slots when the cache is
        full (never a token of this batch: a batch larger than the cache grows it).
        """
        slot = self._slot
        used = slot.move_to_end
        new: list[str] = []
        for tok in per:
            if tok in slot:
                used(tok)
            else:
                new.append(tok)
        if not new:
            return
        over = len(slot) + len(new) - self.cache_size
        if over > 0:
            evictable = len(slot) - (len(per) - len(new))
            for _ in range(min(over, evictable)):
                self._free.append(slot.popitem(last=False)[1])
        short = len(new) - len(self._free)
        if short > 0:
            size = len(self._blocks)
            self._grow(max(size + short, min(2 * size, self.cache_size)))
        slots = [self._free.pop() for _ in new]
        for first in range(0, len(new), _SUM_CHUNK):
            chunk = new[first:first + _SUM_CHUNK]
            self._blocks[slots[first:first + _SUM_CHUNK]] = self._sum_blocks(chunk, per)
        slot.update(zip(new, slots))

    def _grow(self, capacity: int) -> None:
        grown = np.zeros((capacity,) + self._blocks.shape[1:])
        grown[:len(self._blocks)] = self._blocks
        self._free.extend(range(len(self._blocks), capacity))
        self._blocks = grown

    def _sum_blocks(self, tokens: list[str], per: dict[str, _Token]) -> np.ndarray:
        """The (tokens × parts × labels) blocks of a few hundred tokens.

        Every part's attribute rows are gathered into one array and summed
        group by group (np.add.reduceat); each group also holds the model's zero
        row, so none is empty. Chunks are kept small because the gathered
        array then stays in the CPU cache (4–8× faster than one big gather).
        """
        unknown = self.weights.unknown
        own = self.weights.attributes.get
        views = self._views
        flat: list[int] = []
        starts: list[int] = []
        for tok in tokens:
            parts = per[tok]
            starts.append(len(flat))
            flat.extend(map(own, parts.own, repeat(unknown)))
            flat.append(unknown)
            near = parts.near
            for get, part in views:
                starts.append(len(flat))
                flat.extend(map(get, near[part], repeat(unknown)))
                flat.append(unknown)
        sums = np.add.reduceat(self.weights.state[flat], starts, axis=0)
        return sums.reshape(len(tokens), len(_OFFSETS), -1)

    def scores(self, batch: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """One (tokens × labels) matrix for each token list of ``batch`` (none may be empty)."""
        if not batch:
            return []
        tokens: list[str] = []
        contexts: list[Context] = []
        starts: list[int] = []
        ends: list[int] = []
        per: dict[str, _Token] = {}
        bigram_at: list[int] = []
        bigram_rows: list[int] = []
        attributes = self.weights.attributes
        bigram_next = self._bigram_next
        for seq in batch:
            views, ctx = layout(seq)
            first = len(tokens)
            last = first + len(seq)
            per.update(zip(seq, views))
            for i in range(1, len(seq)):
                following = bigram_next.get(views[i - 1].near[0])
                if following and views[i].near[0] in following:
                    row = attributes.get(bigram(views[i - 1], views[i]))
                    if row is not None:
                        bigram_at.append(first + i)
                        bigram_rows.append(row)
            tokens.extend(seq)
            contexts.extend(ctx)
            starts.extend([first] * len(seq))
            ends.extend([last] * len(seq))
        self._add_tokens(per)
        slot = self._slot
        slots = np.fromiter((slot[t] for t in tokens), dtype=np.intp, count=len(tokens))
        blocks = self._blocks
        emissions = blocks[slots, 0]
        for table, values in zip(self._context_parts, np.array(contexts, dtype=np.intp).T):
            emissions += table[values]
        position = np.arange(len(tokens))
        lo, hi = np.asarray(starts), np.asarray(ends)
        for view, offset in enumerate(_OFFSETS[1:], 1):
            source = position + offset
            ok = (source >= lo) & (source < hi)
            emissions[position[ok]] += blocks[slots[source[ok]], view]
        if bigram_at:
            emissions[bigram_at] += self.weights.state[bigram_rows]
        bounds = np.cumsum([len(seq) for seq in batch])[:-1]
        return np.split(emissions, bounds)
