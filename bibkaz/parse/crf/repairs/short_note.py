"""A short note is names, a year and pages, nothing else.

Chicago's short form and Wikipedia's "sfn" notes cite a work given in full
elsewhere: "Greenwood & Earnshaw 1998, pp. 372–73.", "Thornton, Rautiu & Brush
2001, p. 8.", "Rich 1994, p. 4.". With no title to anchor it, the model often
reads the names as a journal or a title (a capitalised run before a year looks
like one). A string of that exact shape — capitalised name words (joined by
"&", "and", commas, "et al."), a bare year, then "p."/"pp." and page numbers —
has no title or container at all: the names are the author, the year the date.
"""

from __future__ import annotations

import re
from typing import Sequence

_YEAR = re.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?\)?[,.:]?$")
_PAGE_WORD = re.compile(r"^pp?\.$|^at$", re.I)
#: A page or a range, also cut at its dash by a line break ("372–" "73.").
_PAGE = re.compile(r"^(?=[\divxlc])[\divxlc]*\d?(?:\.\d+)?(?:[-–—]+(?:[\divxlc]+(?:\.\d+)?)?)?[a-z]?[,.;]?$", re.I)
_NAME = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*,?|&|and|et|al\.?,?)$")
#: Labels a name run may wrongly carry in this shape.
_MISREAD = frozenset({"journal", "container-title", "title", "publisher", "editor"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Names → author, year → date, pages → pages, in a string that is only a short note."""
    n = len(tokens)
    # only the first nine tokens: a first year further on is no short note's
    year = next((i for i, t in enumerate(tokens[:9]) if _YEAR.match(t)), -1)
    if not 1 <= year <= 8 or year + 2 >= n or not _PAGE_WORD.match(tokens[year + 1]):
        return labels
    if not all(_NAME.match(t) for t in tokens[:year]) or not all(_PAGE.match(t) for t in tokens[year + 2:]):
        return labels
    if not _MISREAD.intersection(labels[:year]):
        return labels
    return ["author"] * year + ["date"] + ["pages"] * (n - year - 1)
