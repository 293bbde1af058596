"""A colon after Vancouver names ends the authors.

F1000Research and other Vancouver-style lists write "Cook JD: Moore's Law
Squared. 2012." and "Prabhu P, Jablin TB, Raman A, et al.: A survey of …". The
model learnt the colon after several names, but after a single one it ran the
authors on into the title ("Cook JD: Moore's Law Squared." all author, so the
"author" became "Squared"). When the reference opens with names in the
"Family INITIALS" form closed by a colon, the author tokens after the colon are
the title.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "Cook JD:", "Wilson G, Aruliah DA:", "Prabhu P, Jablin TB, Raman A, et al.:"
_VANCOUVER_NAMES = re.compile(r"(?:[A-Z][\w'’-]+ [A-Z]{1,3}, )*[A-Z][\w'’-]+ [A-Z]{1,3}(?:, et al\.)?:")
#: Names closed by the colon lie within this many tokens.
_MAX_TOKENS = 24


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Author tokens after the colon that closes leading Vancouver names → title."""
    if not labels or labels[0] != "author":
        return labels
    end = next((i for i in range(min(len(tokens), _MAX_TOKENS)) if tokens[i].endswith(":")), -1)
    if end < 1 or end + 1 >= len(tokens) or labels[end + 1] != "author":
        return labels
    if not _VANCOUVER_NAMES.fullmatch(" ".join(tokens[: end + 1])):
        return labels
    out = list(labels)
    out[: end + 1] = ["author"] * (end + 1)
    i = end + 1
    while i < len(out) and out[i] == "author":
        out[i] = "title"
        i += 1
    return out
