"""An acronym in brackets that ends a title before its byline is the title's.

CRS and agency notes end "Title (ACRONYM), by Given Family." ("… Social
Security Numbers (SSNs), by Abigail F. Kolker"). The model sometimes starts the
authors a few words early, at the bracketed acronym or at an "and" inside the
title, so "(SSNs)" became a person. When an author run follows the title
directly and its words before "by" end in a bracketed acronym and a comma, those
words go back to the title.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "(SSNs),", "(CJS),", "(FAQ),": a bracketed acronym closing the title before ", by".
_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\),")
#: Words before "by" that can have been taken from the title.
_MAX_WORDS = 12


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Author tokens between the title and "(ACRONYM), by" → title (a new list, or ``labels`` unchanged)."""
    if "author" not in labels or "title" not in labels:
        return labels
    out = labels
    n = len(labels)
    i = 1
    while i < n:
        if labels[i] == "author" and labels[i - 1] == "title":
            k = i
            while k < n and labels[k] == "author" and tokens[k] != "by":
                k += 1
            if k < n and labels[k] == "author" and k - i <= _MAX_WORDS and _ACRONYM.fullmatch(tokens[k - 1]):
                if out is labels:
                    out = list(labels)
                out[i:k] = ["title"] * (k - i)
            i = k
        i += 1
    return out
