"""A think tank's numbered report series after the title is the series, not the title or a journal.

"International Crisis Group (2011) Tajikistan. Asia Report 205. Brussels: …" (Harvard),
"… Tajikistan: The Changing Insurgent Threats. Asia Report no. 205, International Crisis Group,
2011." (MLA), "… Policy Brief No. 12, …": the model ran the series into the title, or read it as
a journal with the number its volume. A piece of its own after the title has begun — a few
capitalised words ending in Report, Paper, Brief, Briefing or Note, perhaps "no.", and a number
that ends the piece — is the series and its number (``collection-title``), as "CRS Report R41234"
and "Working Paper no. 12" are read.
"""

from __future__ import annotations

import re
from typing import Sequence

_KIND = frozenset({"report", "paper", "brief", "briefing", "note"})
#: A kind followed by a number (perhaps after "no."), found in the joined tokens.
_ANY_KIND = re.compile(r"(?:Report|Paper|Brief|Briefing|Note|REPORT|PAPER|BRIEF) (?:[Nn]o\.? |[Nn]umber |[Nn]r\. )?\d", re.I)
_NO = frozenset({"no.", "no", "number", "nr."})
_NUMBER = re.compile(r"^\d{1,5}[A-Za-z]?[.,;]?$")
#: Labels the series may have been given; an author's words are left alone.
_MOVABLE = frozenset({"title", "journal", "container-title", "volume", "issue", "pages", "date", "note"})
#: Capitalised words before the kind at most ("Asia", "Middle East", "Europe and Central Asia").
_MAX_BEFORE = 4


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"Asia Report 205." / "Asia Report no. 205," after the title's start → collection-title."""
    if "title" not in labels or "collection-title" in labels:
        return labels
    joined = " ".join(tokens)
    low = joined.lower()
    if not ("report" in low or "paper" in low or "brief" in low or "note" in low) or not _ANY_KIND.search(joined):
        return labels  # (substring tests first: the case-blind pattern is slow to scan a whole reference)
    first_title = labels.index("title")
    n = min(len(tokens), len(labels))
    for k in range(first_title + 1, n - 1):
        if tokens[k].lower() not in _KIND:
            continue
        num = k + 1 + (1 if tokens[k + 1].lower() in _NO else 0)
        if num >= n or not _NUMBER.match(tokens[num]) or (num + 1 < n and not tokens[num][-1:] in ".,;"):
            continue
        start = k
        while start - 1 > first_title and k - start < _MAX_BEFORE and tokens[start - 1][:1].isupper() \
                and not tokens[start - 1].endswith((".", ",", ":", ";")):
            start -= 1
        if start <= first_title or not tokens[start - 1].endswith((".", ",")):
            continue  # no piece of its own: the title's words ("… the Asia Report 205 findings")
        if any(lab not in _MOVABLE for lab in labels[start:num + 1]) or labels[start - 1] in ("journal", "container-title"):
            continue  # (after a body read as the container, "US Weather Bureau, Research Paper No. 45", the two are one)
        out = list(labels)
        out[start:num + 1] = ["collection-title"] * (num + 1 - start)
        return out
    return labels
