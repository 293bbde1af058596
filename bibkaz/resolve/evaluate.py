"""Pairwise precision and recall of a clustering against ground truth.

The usual measure for entity resolution: over all pairs of references, a pair is
a true positive when both the clustering and the truth put it in one work.
Precision 1.0 means no false merge; recall says how many true merges were found.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Sequence


@dataclass(frozen=True)
class PairScores:
    true_pairs: int
    found_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise_scores(groups: Sequence[Sequence[int]], truth: Sequence[Hashable]) -> PairScores:
    """``groups`` are clusters of indices into ``truth``, which holds each index's true work."""
    cluster_of = {i: n for n, group in enumerate(groups) for i in group}
    both = Counter((cluster_of[i], truth[i]) for i in range(len(truth)))
    return PairScores(
        true_pairs=_pairs(Counter(truth)),
        found_pairs=_pairs(Counter(cluster_of[i] for i in range(len(truth)))),
        correct_pairs=_pairs(both),
    )
