"""In Vancouver style the journal stands right before "year;volume(issue):pages".

"Hooijmans CR, … Enhancing search efficiency … in PubMed. Lab Anim. 2010;44(3):170–5." — the
model, not knowing the abbreviation "Lab Anim.", ran the title on over it. The word
"2010;44(3):170–5" is Vancouver's and nothing else's, and the words between the title's last
full stop (or question mark) and it are the journal. Only a short run (at most eight words)
after a title of two words or more is moved.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "2010;44(3):170–5.", "2013 Nov;93(11):1456–66." (the year a token of its own), "1993;703:156–63."
_COMPOUND = re.compile(r"^(?:1[6-9]\d\d|20\d\d|[A-Z][a-z]{2})?;\d+(?:\([\w/–-]+\))?(?::[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?)?[.,;]?$"
                       r"|^(?:1[6-9]\d\d|20\d\d);\S*\d")
_YEAR = re.compile(r"^(?:1[6-9]\d\d|20\d\d)[.;]?$")
_SENTENCE_END = re.compile(r"[.?!]$")
_MAX_JOURNAL_WORDS = 8


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title tokens after the title's last sentence end, just before a Vancouver date word → journal."""
    if "journal" in labels or "title" not in labels:
        return labels
    for v, token in enumerate(tokens):
        if ";" in token and _COMPOUND.match(token):
            break
    else:
        return labels
    end = v - 1
    if end >= 0 and _YEAR.match(tokens[end]) and labels[end] != "title":
        end -= 1  # "2013 Nov;93(11):…": the year stands alone before the compound
    if end < 2 or labels[end] != "title":
        return labels
    start = end
    while start > 0 and labels[start - 1] == "title" and not _SENTENCE_END.search(tokens[start - 1]):
        start -= 1
    if start == 0 or labels[start - 1] != "title" or end - start + 1 > _MAX_JOURNAL_WORDS:
        return labels  # no sentence end inside the title, or the run is too long for a journal
    title_start = start - 1
    while title_start > 0 and labels[title_start - 1] == "title":
        title_start -= 1
    if start - title_start < 2:
        return labels
    out = list(labels)
    for k in range(start, end + 1):
        out[k] = "journal"
    if out[v] == "title":
        out[v] = "date"  # the compound itself, run into the title too (convert.py reads its parts)
    return out
