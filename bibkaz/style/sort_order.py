"""Sort keys rendered only when a comparison reaches them.

citeproc-py's ``Sort.sort`` renders every ``cs:key`` for every item before it
sorts, although a key only matters between items that tie on all the keys
before it. APA sorts the bibliography by ten keys (author, two date keys, the
title macro, volume, …); after the author key nearly every pair is decided, yet
the title macro and the archive macro were rendered for every entry, a tenth of
APA's formatting time.

:func:`install` replaces ``Sort.sort`` with the same comparison, run by the same
``sorted(..., key=cmp_to_key(...))`` over the items in the same order, but with
each item's key for a level rendered (through ``Key.sort_keys``, so bibkaz's
key rules apply) the first time a comparison asks for it and kept. The sequence
of comparisons and each comparison's outcome are the ones citeproc-py makes, so
the order is the same item for item, even for keys whose comparison is not
transitive (numbers compared as numbers only when both sides are numbers).

Each key value is also read once (:class:`_Read`: its lower-case text and whether that, or the
value as it is, reads as a whole number) instead of at every comparison that reaches it: the
comparison asked ``lower()``, ``str()`` and ``int()`` of both sides each time, and ``int()``
of a name raised and caught ValueError; sorting 10,000 APA works makes some 130,000
comparisons. :func:`_compare_read` answers what the per-comparison reading answered
(``tests/test_style_sort_read.py`` keeps it and compares the two).
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any, Callable

_UNSET = object()


class _Read:
    """One key value as a comparison reads it (case-folded text, numbers as numbers): ``lowered``
    (``str(value.lower())``, or :data:`_UNSET` when the value has no ``lower``) and the whole
    numbers ``int(str(...))`` of the lowered text and of the value itself (:data:`_UNSET` where
    ``int`` raises ValueError)."""

    __slots__ = ("value", "lowered", "lowered_number", "number")

    def __init__(self, value: Any) -> None:
        self.value = value
        try:
            self.lowered: Any = str(value.lower())
        except AttributeError:
            self.lowered = _UNSET
        self.lowered_number = _UNSET if self.lowered is _UNSET else _whole(self.lowered)
        self.number = _whole(value)


def _whole(value: Any) -> Any:
    try:
        return int(str(value))
    except ValueError:
        return _UNSET


def _compare_read(left: _Read | None, right: _Read | None, descending: bool) -> int:
    """The comparison of two key values, read: both lowered only when both have ``lower``, both
    compared as numbers only when both (as compared) read as numbers, as its two ``try`` blocks do."""
    if left is not None and right is not None:
        if left.lowered is not _UNSET and right.lowered is not _UNSET:
            a, b, x, y = left.lowered, right.lowered, left.lowered_number, right.lowered_number
        else:
            a, b, x, y = left.value, right.value, left.number, right.number
        if x is not _UNSET and y is not _UNSET:
            a, b = x, y
        result = (a > b) - (a < b)
        return -result if descending else result
    if left is not None:
        return -1
    if right is not None:
        return 1
    return 0


def sort(self: Any, items: Any, context: Any) -> list[Any]:
    """``items`` in the order of the ``cs:key`` children of ``self`` (a ``cs:sort``)."""
    keys = list(self.findall("cs:key", self.nsmap))
    descending = [key.get("sort", "ascending").lower() == "descending" for key in keys]
    items = list(items)
    values: list[list[Any]] = [[_UNSET] * len(items) for _ in keys]

    def value(level: int, index: int) -> _Read | None:
        found = values[level][index]
        if found is _UNSET:
            key = keys[level].sort_keys([items[index]], context)[0]
            found = values[level][index] = None if key is None else _Read(key)
        return found

    def compare(left: int, right: int) -> int:
        for level in range(len(keys)):
            result = _compare_read(value(level, left), value(level, right), descending[level])
            if result:
                return result
        return 0

    order: Callable[[int], Any] = cmp_to_key(compare)
    return [items[i] for i in sorted(range(len(items)), key=order)]


def install(model: Any) -> None:
    """Replace ``Sort.sort`` with :func:`sort`; idempotent."""
    model.Sort.sort = sort
