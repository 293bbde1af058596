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

from collections import OrderedDict
from typing import Sequence

import numpy as np

from bibkaz.parse.crf.features import (
    ALL,
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
        # Every feature string met gets an id; _view_rows[part, id] is the attribute
        # row of that feature as seen by each part of a block (itself, then each
        # neighbour's prefix), so a block is summed by array indexing.
        self._prefixes = ("",) + tuple(prefix for _, prefix, _ in NEIGHBOURS)
        self._feature_id: dict[str, int] = {}
        self._view_rows = np.full((len(_OFFSETS), 4096), weights.unknown, dtype=np.intp)
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
        if len(self._feature_id) > 8 * self.cache_size:  # ids are only a lookup aid: start afresh
            self._feature_id.clear()
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

    def _ids(self, features: tuple[str, ...]) -> list[int]:
        """Feature ids (a new feature gets the next id and its rows in every part)."""
        index = self._feature_id
        ids = list(map(index.get, features))
        if None not in ids:
            return ids  # type: ignore[return-value]
        attributes, unknown = self.weights.attributes, self.weights.unknown
        for k, feature in enumerate(features):
            if ids[k] is None:
                i = index.get(feature)
                if i is None:
                    i = index[feature] = len(index)
                    if i >= self._view_rows.shape[1]:
                        grown = np.full((len(_OFFSETS), 2 * i), unknown, dtype=np.intp)
                        grown[:, :i] = self._view_rows
                        self._view_rows = grown
                    self._view_rows[:, i] = [attributes.get(prefix + feature, unknown) for prefix in self._prefixes]
                ids[k] = i
        return ids  # type: ignore[return-value]

    def _sum_blocks(self, tokens: list[str], per: dict[str, _Token]) -> np.ndarray:
        """The (tokens × parts × labels) blocks of a few hundred tokens.

        A token's own features and what it shows its neighbours (``near``: its
        word, its shape, then flags) become feature ids; each part's attribute
        rows are then gathered for all the tokens at once and summed per token
        (np.add.reduceat).
        """
        own_ids: list[int] = []
        own_starts: list[int] = []
        near_ids: list[int] = []
        near_starts: list[int] = []
        ids = self._ids
        for tok in tokens:
            parts = per[tok]
            own_starts.append(len(own_ids))
            own_ids += ids(parts.own)
            near_starts.append(len(near_ids))
            near_ids += ids(parts.near)
        state, rows = self.weights.state, self._view_rows
        own, near = np.asarray(own_ids), np.asarray(near_ids)
        first = np.asarray(near_starts)
        out = np.empty((len(tokens), len(_OFFSETS), state.shape[1]))
        out[:, 0] = np.add.reduceat(state[rows[0, own]], own_starts, axis=0)
        for view, (_, _, part) in enumerate(NEIGHBOURS, 1):
            if part == ALL:
                out[:, view] = np.add.reduceat(state[rows[view, near]], near_starts, axis=0)
            else:  # within word and shape, which every token has
                out[:, view] = state[rows[view, near[first + part.start]]]
                for k in range(part.start + 1, part.stop):
                    out[:, view] += state[rows[view, near[first + k]]]
        return out

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
