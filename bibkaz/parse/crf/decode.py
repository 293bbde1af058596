"""Best labels and their marginal probabilities for a batch of score matrices.

Viterbi and forward–backward for a first-order linear-chain CRF, as crfsuite
does them, but over many references at once: references are sorted by length
and decoded in groups padded to the group's longest, so each step is one
array operation for the whole group instead of one C call per reference. A
reference shorter than its group simply stops: its Viterbi scores are left
unchanged past its end, and its backward pass starts at its own last token.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

#: References decoded together (larger groups amortise more, but pad more).
GROUP = 128
#: The reductions of each step called as ufunc methods: ndarray.sum and .max go through a Python
#: wrapper first, which costs as much as the reduction of a handful of rows (same results).
_sum, _max = np.add.reduce, np.maximum.reduce


def _decode_group(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Decode references of similar length together (each at least one token), shortest first.

    Time-major arrays (position × reference × label): each step reads and writes one contiguous
    block. A document's references make a batch of ~5 of ~17 tokens, so each step's handful of
    numpy calls is what costs: references that have ended are left out by slicing (sorted by
    length, those still running at position t are a suffix of the batch), not masked by
    np.where. The arithmetic is the same, in the same order, as before (labels and marginals
    identical); tests/test_crf_inference.py holds it to crfsuite's.
    """
    batch = len(emissions)
    lengths = [len(e) for e in emissions]
    longest = max(lengths)
    n_labels = transitions.shape[0]
    scores = np.zeros((longest, batch, n_labels))
    for b, e in enumerate(emissions):
        scores[:len(e), b] = e
    running = np.searchsorted(lengths, np.arange(longest), side="right").tolist()  # first still running at t

    # Viterbi, in log space. Each step keeps its scores (history); the best previous label is
    # found only for the label the path takes, on the way back (the argmax of the same sums the
    # forward step maximised: one row per reference instead of a whole label × label block).
    delta = scores[0].copy()
    history = np.empty((longest, batch, n_labels))
    history[0] = delta
    into = np.ascontiguousarray(transitions.T)  # (to, from): the reductions run along contiguous memory
    outof = np.ascontiguousarray(transitions[:, None, :])  # (from, 1, to)
    for t in range(1, longest):
        j = running[t]
        # (from, running, to), maximised over its first axis: one elementwise maximum a previous
        # label over every reference and label at once (the same maxima: max is exact)
        step = np.ascontiguousarray(delta[j:].T)[:, :, None] + outof
        np.add(_max(step, axis=0), scores[t, j:], out=delta[j:])
        history[t] = delta
    labels = np.zeros((longest, batch), dtype=np.intp)
    current = delta.argmax(axis=1)
    for t in range(longest - 1, 0, -1):
        j = running[t]
        labels[t] = current
        current[j:] = (history[t - 1, j:] + into[current[j:]]).argmax(axis=1)
    labels[0] = current

    # Forward–backward, in exp space rescaled at every step (crfsuite's way).
    exp_scores = np.exp(scores - scores.max(axis=2, keepdims=True))
    exp_trans = np.exp(transitions)
    exp_trans_t = exp_trans.T.copy()
    alpha = np.empty_like(exp_scores)
    a = exp_scores[0]
    alpha[0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, longest):
        a = alpha[t - 1] @ exp_trans
        a *= exp_scores[t]
        np.divide(a, _sum(a, axis=1, keepdims=True), out=alpha[t])
    beta = np.ones_like(exp_scores)  # a reference's last position keeps 1
    for t in range(longest - 2, -1, -1):
        b = (beta[t + 1] * exp_scores[t + 1]) @ exp_trans_t
        b /= _sum(b, axis=1, keepdims=True)
        j = running[t + 1]  # the references position t + 1 is inside of
        beta[t, j:] = b[j:]
    posterior = alpha * beta
    posterior /= posterior.sum(axis=2, keepdims=True)
    chosen = np.take_along_axis(posterior, labels[:, :, None], axis=2)[:, :, 0]
    return [(labels[:n, b], chosen[:n, b]) for b, n in enumerate(lengths)]


def decode(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """(label ids, marginal of each chosen label) for every (tokens × labels) matrix."""
    order = sorted(range(len(emissions)), key=lambda i: len(emissions[i]))
    out: list[tuple[np.ndarray, np.ndarray]] = [None] * len(emissions)  # type: ignore[list-item]
    for start in range(0, len(order), GROUP):
        group = order[start:start + GROUP]
        for i, result in zip(group, _decode_group([emissions[i] for i in group], transitions)):
            out[i] = result
    return out


def best_labels(emissions: np.ndarray, transitions: np.ndarray, other: np.ndarray | None = None,
                switch: Sequence[bool] = ()) -> list[int]:
    """The best label ids for one (positions × labels) score matrix, without marginals.

    For taggers that need no confidence (the line finder). Viterbi as crfsuite's: among equal
    scores the lower label id wins, at every step and at the end (argmax takes the first).
    ``other``: transitions for the steps into the positions ``switch`` marks (the finder's page
    breaks: see bibkaz/extract/finder/model.py).
    """
    n = len(emissions)
    if n == 0:
        return []
    into = np.ascontiguousarray(transitions.T)  # (to, from)
    into_other = np.ascontiguousarray(other.T) if other is not None else into
    labels = np.arange(transitions.shape[0])
    back = np.empty((n, len(labels)), dtype=np.intp)
    delta = emissions[0]
    step = np.empty_like(into)  # one buffer for every step, argmax written in place: fewer allocations
    for t in range(1, n):
        np.add(delta, into_other if switch and switch[t] else into, out=step)  # step[to, from] = delta[from] + transitions[from, to]
        best = step.argmax(axis=1, out=back[t])
        delta = step[labels, best] + emissions[t]  # the maxima, read where argmax found them
    current = int(delta.argmax())
    path = [current]
    for row in back[:0:-1].tolist():
        current = row[current]
        path.append(current)
    path.reverse()
    return path
