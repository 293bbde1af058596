"""The words that end a title before its byline are the title's.

CRS and agency notes end "Title (ACRONYM), by Given Family." ("… Social
Security Numbers (SSNs), by Abigail F. Kolker"). The model sometimes starts the
authors a few words early, at the bracketed acronym or at an "and" inside the
title, so "(SSNs)" became a person, and "… Highways and Bridges, by Ali E.
Lohman" gave a person called "Bridges". When an author run follows the title
directly and its words before "by" end in a bracketed acronym and a comma, or are
at most three capitalised words (no initials) ending in a comma, those words go
back to the title: a byline's names come after its "by".
"""

from __future__ import annotations

import re
from typing import Sequence

#: "(SSNs),", "(CJS),", "(FAQ),": a bracketed acronym closing the title before ", by".
_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\),")
#: Words before "by" that can have been taken from the title.
_MAX_WORDS = 12
#: Without a bracketed acronym, at most this many words (the title's last ones).
_MAX_PLAIN_WORDS = 3
#: An initial ("E.", "J.-P."): a name's, never a title's last word.
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*,?$")


def _title_tail(words: Sequence[str]) -> bool:
    """"Bridges,", "Lapsed Works,": capitalised words ending in a comma, no initials."""
    return (0 < len(words) <= _MAX_PLAIN_WORDS and words[-1].endswith(",")
            and all(w[:1].isupper() and not _INITIAL.match(w) for w in words))


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
            named_after = k + 1 < n and labels[k + 1] == "author"
            if k < n and labels[k] == "author" and k - i <= _MAX_WORDS \
                    and (_ACRONYM.fullmatch(tokens[k - 1]) or (named_after and _title_tail(tokens[i:k]))):
                if out is labels:
                    out = list(labels)
                out[i:k] = ["title"] * (k - i)
            i = k
        i += 1
    return out
