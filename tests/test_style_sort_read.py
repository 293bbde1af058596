"""Sort key values read once (:mod:`bibkaz.style.sort_order`) compare as the per-comparison reading did.

The reference below is the comparison ``sort_order`` ran at every comparison before the
eighteenth session (citeproc-py's ``mycmp`` for one key: absent keys last, case-folded text,
numbers as numbers only when both sides read as numbers). Every pair of a set of real key
values, in both orders and both directions, must get the same answer, or raise the same error.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from citeproc.string import MixedString, String

from bibkaz.style import find_style, render
from bibkaz.style.sort_order import _compare_read, _Read


def reference(left: Any, right: Any, descending: bool) -> int:
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


VALUES = [None, String("Smith, J."), String("smith, j."), String("Ångström"), "10", "9", "0010", String("-5"),
          String("2019"), String("2019a"), String(" 7 "), MixedString([String("Van "), String("Dyke")]),
          MixedString([String("12")]), String(""), "٣", "²", "ß", "SS", 7, 12, -3]


def outcome(function: Any, *args: Any) -> Any:
    try:
        return function(*args)
    except Exception as exc:  # noqa: BLE001 — the same error type is part of the answer
        return type(exc)


@pytest.mark.parametrize("descending", [False, True])
def test_read_values_compare_as_before(descending: bool) -> None:
    for left, right in itertools.product(VALUES, repeat=2):
        read_left = None if left is None else _Read(left)
        read_right = None if right is None else _Read(right)
        assert outcome(_compare_read, read_left, read_right, descending) == outcome(reference, left, right, descending), (
            left, right)


def test_bibliography_order_of_numbers_names_and_absent_keys() -> None:
    """Works sorted by author, then year, with an absent author last and years compared as numbers."""
    items = [{"id": "a", "type": "book", "title": "T1", "author": [{"family": "smith", "given": "Z."}],
              "issued": {"date-parts": [[2019]]}},
             {"id": "b", "type": "book", "title": "T2", "author": [{"family": "Smith", "given": "A."}],
              "issued": {"date-parts": [[999]]}},
             {"id": "c", "type": "book", "title": "A title only", "issued": {"date-parts": [[2001]]}},
             {"id": "d", "type": "book", "title": "T3", "author": [{"family": "Ådams", "given": "B."}],
              "issued": {"date-parts": [[2020]]}}]
    rendered = render(items, str(find_style("ieee").path))
    assert len(rendered.entries) == 4
    keys = [entry.key for entry in render(items, str(find_style("apa").path)).entries]
    assert keys[0] == "c" and keys.index("b") < keys.index("a")
