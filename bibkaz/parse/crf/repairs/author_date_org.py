"""An organisation before the year of an author-date reference is its author.

"Software Attribution for Geoscience Applications (SAGA). 2015. Software for science: getting
credit for code. Available at …" — author-date styles (PeerJ, Chicago author-date, Harvard)
print the author, then the year, then the title. The model, which knows authors mostly as
persons' names, read a body's name as a first title. A reference that opens with a title run,
then the year alone ("2015.", "(2015)."), then another title run has its author first: the
first run becomes the author.
"""

from __future__ import annotations

import re
from typing import Sequence

_YEAR_ALONE = re.compile(r"^(?:\((?:1[6-9]\d\d|20\d\d)[a-z]?\)\.?|(?:1[6-9]\d\d|20\d\d)[a-z]?\.)$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A title run, a bare year, a title run at the start → author, date, title."""
    n = len(labels)
    start = 0
    while start < n and labels[start] == "citation-number":
        start += 1
    if start >= n or labels[start] != "title":
        return labels
    end = start
    while end + 1 < n and labels[end + 1] == "title":
        end += 1
    year = end + 1
    if year + 1 >= n or labels[year] != "date" or not _YEAR_ALONE.match(tokens[year]) or labels[year + 1] != "title":
        return labels
    if not tokens[end].endswith(".") or not tokens[year + 1][:1].isupper():
        return labels  # the first run ends as a name does; the title opens with a capital, not "and …"
    out = list(labels)
    for k in range(start, end + 1):
        out[k] = "author"
    return out
