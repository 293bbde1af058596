"""A report's designation that opens the reference, before a comma, is its series and number.

Standards bodies and agencies list their own documents by designation first: "NIST SP 800-57,
Recommendation for Key Management – Part 1: General. March 2007.", "FIPS 180-3, Secure Hash
Standard. October 2008.", "Draft NIST SP 800-128, Guide for …", "CRS Report R47105, Taxing
Unemployment Insurance (UI) Benefits: …". The model read the designation as the title's first
words. A title run that opens with a body's initials (perhaps after "Draft"), a few more initials
or words of a series' name, and a number closed by a comma, with a title of two words or more
after it, has the designation as its series (collection-title, as "CRS Report R41234" is
elsewhere) and the rest as its title.
"""

from __future__ import annotations

import re
from typing import Sequence

_INITIALS = re.compile(r"^[A-Z]{2,8}$")
#: Words a designation's series name may hold between the initials and the number.
_SERIES_WORDS = frozenset({"Report", "Special", "Publication", "Internal", "Technical", "Note", "Paper"})
#: The number: a digit inside, closed by the comma ("800-57,", "180-3,", "R47105,", "800-61rev1,").
_NUMBER = re.compile(r"^[A-Z]{0,3}\d[\w./-]*,$")
_MAX_WORDS = 5


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Designation, then title after its comma → collection-title, title."""
    n = min(len(tokens), len(labels))
    start = 1 if n and tokens[0] == "Draft" else 0
    if n < start + 4 or not _INITIALS.match(tokens[start]):
        return labels
    end = next((k for k in range(start + 1, min(n, start + _MAX_WORDS)) if _NUMBER.match(tokens[k])), -1)
    if end < 0 or any(not (_INITIALS.match(t) or t in _SERIES_WORDS) for t in tokens[start + 1:end]):
        return labels
    if any(lab != "title" for lab in labels[:end + 1]) or end + 2 >= n or labels[end + 1] != "title" \
            or labels[end + 2] != "title":
        return labels
    out = list(labels)
    out[:end + 1] = ["collection-title"] * (end + 1)
    return out
