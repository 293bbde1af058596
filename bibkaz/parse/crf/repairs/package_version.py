"""A software package's version statement is not part of its title.

R's ``citation()`` and many software papers print a package as "Title. R package
version 1.5.0." ("vegan: Community Ecology Package. R package version 2.5-7",
"rentrez: Entrez in R, R package version 0.2.1 2013"). Neither AnyStyle's data nor
our labelled strings hold this form, so the model runs the title on through it.
"[R|Python] package version N" (or "version N" right after "… package") inside a
title is a note: the title ends before it, and the version number is no date or
volume of the work.
"""

from __future__ import annotations

import re
from typing import Sequence

#: A version number: "1.5.0", "0.2", "2.5-7", "1.95–4.1", "v2.90" (punctuation after it allowed).
_VERSION = re.compile(r"^v?\d+(?:[.\-–]\w+)*[.,;]?$")


def _word(token: str) -> str:
    return token.strip(".,;:()").lower()


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title tokens "[R] package version N" (after some title) → note."""
    if "version" not in " ".join(tokens).lower():
        return labels  # no token can read "version": the scan below would find nothing
    for i in range(1, len(tokens) - 2):
        if _word(tokens[i]) != "package" or _word(tokens[i + 1]) != "version" or not _VERSION.match(tokens[i + 2]):
            continue
        start = i - 1 if i >= 1 and _word(tokens[i - 1]) in ("r", "python") else i
        if labels[i] != "title" or start == 0 or "title" not in labels[:start]:
            continue
        out = list(labels)
        for j in range(start, i + 3):
            out[j] = "note"
        return out
    return labels
