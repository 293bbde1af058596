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
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any, Callable

_UNSET = object()


def _compare(left: Any, right: Any, descending: bool) -> int:
    """citeproc-py's comparison of one key: absent keys last, case-folded text, numbers as numbers."""
    if left is not None and right is not None:
        try:
            left, right = str(left.lower()), str(right.lower())
        except AttributeError:
            pass
        try:
            left, right = int(str(left)), int(str(right))
        except ValueError:
            pass
        result = (left > right) - (left < right)
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

    def value(level: int, index: int) -> Any:
        found = values[level][index]
        if found is _UNSET:
            found = values[level][index] = keys[level].sort_keys([items[index]], context)[0]
        return found

    def compare(left: int, right: int) -> int:
        for level in range(len(keys)):
            result = _compare(value(level, left), value(level, right), descending[level])
            if result:
                return result
        return 0

    order: Callable[[int], Any] = cmp_to_key(compare)
    return [items[i] for i in sorted(range(len(items)), key=order)]


def install(model: Any) -> None:
    """Replace ``Sort.sort`` with :func:`sort`; idempotent."""
    model.Sort.sort = sort
