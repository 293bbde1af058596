"""Sequence indexing for the disk-backed and made-on-demand sequences of a streamed run.

A spool of pickled results (:class:`bibkaz.run.store.Spool`) and the items a streamed library
makes when asked (:mod:`bibkaz.resolve.streamed`) behave as lists: slices, negative indices and
IndexError past either end, all from one function that fetches position ``i``.
"""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")


def indexed(length: int, index: int | slice, at: Callable[[int], T]) -> T | list[T]:
    """What ``sequence[index]`` gives for a sequence of ``length`` items whose item i is ``at(i)``."""
    if isinstance(index, slice):
        return [at(i) for i in range(*index.indices(length))]
    if index < 0:
        index += length
    if not 0 <= index < length:
        raise IndexError(index)
    return at(index)
