"""A report cited by its series and number, then words, has those words as its title.

CRS notes cite "CRS Report 98-488, House Committee Hearings: Preparation;" and
"CRS Report 98-339, House Committee Hearings: Scheduling and Notification;": a
series and number, a comma, the title, and no author or date. A title that reads
like an imprint ("House Committee" a publisher, "Hearings:" a place, as in
"Washington: Brookings") left the reference with no title at all. When the
reference opens with a series and number ending in a comma, holds no title and
no date, and what follows is only publisher, place or container words (up to a
link or note), those words are the title.
"""

from __future__ import annotations

from typing import Sequence

#: Labels the model gives a title that looks like an imprint or a periodical.
_IMPRINT = frozenset({"publisher", "location", "container-title", "journal"})
#: What may follow the title and stays as it is.
_AFTER = frozenset({"url", "doi", "note", "pages"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Imprint-like words after a leading "Series Number," in a reference with no title or date → title."""
    if "title" in labels or "date" in labels or not labels or labels[0] != "collection-title":
        return labels
    n = len(labels)
    i = 0
    while i < n and labels[i] == "collection-title":
        i += 1
    if i >= n or not tokens[i - 1].endswith(","):
        return labels
    j = i
    while j < n and labels[j] in _IMPRINT:
        j += 1
    if j == i or any(lab not in _AFTER for lab in labels[j:]):
        return labels
    out = list(labels)
    out[i:j] = ["title"] * (j - i)
    return out
