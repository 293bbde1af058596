"""Cites joined into numeric ranges: "[1]–[3]", "2000a–e", as citeproc-js joins its numeric blobs.

CSL 1.0.2 ``collapse="citation-number"`` asks that runs of consecutive citation
numbers print as a range ("[1]–[3], [5]"), and ``collapse="year-suffix-ranged"``
the same of year-suffix letters ("Smith 2000a–e"). citeproc-py 0.11 ignores
both. citeproc-js (``CSL.NumericBlob.checkNext``) ranges a run only when it has
at least three members ("1, 2" stays as it is, "1, 2, 2, 3, 4" is "1, 2, 2–4": a
repeated number breaks the run), and joins the first and last member with the
locale's ``citation-range-delimiter`` term (an en dash in every locale).

This module only joins: the callers (:mod:`bibkaz.style.citations`) decide
which cites carry a number and which may range together (a *chain*: cites whose
rendering differs only in that number).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

#: What citeproc-js uses when the locale has no ``citation-range-delimiter`` term.
DEFAULT_RANGE_DELIMITER = "\u2013"


@dataclass(frozen=True)
class Piece:
    """One cite's text as it will be printed, and what it needs to join its neighbours."""

    text: str
    delimiter: str = ""  # printed before this piece (ignored for the first)
    number: int | None = None  # its citation number or year-suffix index, when it may range
    chain: int | None = None  # pieces range only with neighbours of the same chain


def runs(pieces: Sequence[Piece]) -> list[tuple[int, int]]:
    """(first, last) index pairs of the runs of three or more consecutive numbers in one chain."""
    found = []
    start = 0
    for n in range(1, len(pieces) + 1):
        prev = pieces[n - 1]
        cur = pieces[n] if n < len(pieces) else None
        follows = (cur is not None and prev.number is not None and cur.number is not None
                   and cur.chain == prev.chain and cur.number == prev.number + 1)
        if not follows:
            if n - 1 - start >= 2 and pieces[start].number is not None:
                found.append((start, n - 1))
            start = n
    return found


def join(pieces: Sequence[Piece], range_delimiter: str, ranged: bool, seam: object = None) -> str:
    """The pieces joined by their delimiters, runs of three or more as "first–last" when ``ranged``.

    ``seam(text, addition)`` returns what of ``addition`` to append (citeproc-py's
    ``normalize_seam``, which drops doubled punctuation); plain concatenation by default.
    """
    def add(text: str, addition: str) -> str:
        return text + (seam(text, addition) if callable(seam) else addition)

    skip: dict[int, int] = {}
    if ranged:
        skip = {first: last for first, last in runs(pieces)}
    if not pieces:
        return ""
    text = pieces[0].text
    n = 0
    while n < len(pieces):
        if n in skip:
            last = skip[n]
            text = add(text, range_delimiter)
            text = add(text, pieces[last].text)
            n = last
        n += 1
        if n < len(pieces):
            text = add(text, pieces[n].delimiter)
            text = add(text, pieces[n].text)
    return text
