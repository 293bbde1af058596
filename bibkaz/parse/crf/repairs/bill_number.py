"""A bill, a resolution or a congressional report cited by its number alone is all title.

CRS notes cite bills and committee reports bare: "S. 2456", "H.R. 562", "H.Res. 5;",
"H.Rept. 118-154, p. 12". The model reads "S." as an initial and the number as a year or
pages ("S." author, "2456" date), or a report's designator as a series with no title. When
the reference is one chamber's designator and a number (and at most a page cited after it),
the designator and number are the title, as the type table (type_evidence.py) reads bills
and congressional reports; the page keeps its label.
"""

from __future__ import annotations

import re
from typing import Sequence

_DESIGNATOR = re.compile(r"^(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|H\.\s?Con\.\s?Res\.|"
                         r"S\.\s?Con\.\s?Res\.|(?:H\.|S\.)\s?(?:Rept|Rpt|Doc|Prt)\.)\s?\d{1,5}(?:-\d{1,5})?[.,;]?$")
#: A page cited after the number: "p. 12", "pp. 4-5".
_PAGE_WORD = frozenset({"p.", "pp.", "at"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The designator and number → title when nothing but a cited page follows them."""
    n = len(tokens)
    if not 1 <= n <= 6:
        return labels
    end = next((i for i in range(min(n, 4)) if any(c.isdigit() for c in tokens[i])), -1)
    if end < 0 or not _DESIGNATOR.match(" ".join(tokens[: end + 1])):
        return labels
    rest = tokens[end + 1 :]
    if rest and (rest[0].lower() not in _PAGE_WORD or len(rest) > 2):
        return labels
    if all(lab == "title" for lab in labels[: end + 1]):
        return labels
    out = list(labels)
    out[: end + 1] = ["title"] * (end + 1)
    return out
