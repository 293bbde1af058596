"""A web citation's site, then its publisher: two names, not one.

Wikipedia's citations of web pages read '"Title". Site. Publisher. Retrieved
…': '"Brendan Eich Steps Down as Mozilla CEO". mozilla blog. Mozilla.',
'"Top 5 Browsers". StatCounter Global Stats. StatCounter.'. The model reads the
two full-stop-ended names after the quoted title as one container. A container
run that follows a quoted title and holds a full stop inside it is the site
(up to that stop) and its publisher (after it).
"""

from __future__ import annotations

import re
from typing import Sequence

#: A title token that closes its quotes and the title: '"Title".', '…CEO".'
_CLOSED_TITLE = re.compile(r"[\"”]\.?$")
#: A word that ends a sentence with its full stop ("blog.", "Stats."), not an initial ("M.").
_STOP = re.compile(r"\w{2,}\.$")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|io|at|de|uk)\b")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Container tokens after the first full stop inside a container run that follows a quoted title → publisher."""
    if "publisher" in labels or "journal" in labels:
        return labels
    n = len(labels)
    start = next((i for i in range(1, n) if labels[i] == "container-title" and labels[i - 1] == "title"), -1)
    if start < 0 or not _CLOSED_TITLE.search(tokens[start - 1]):
        return labels
    end = start
    while end < n and labels[end] == "container-title":
        end += 1
    stop = next((i for i in range(start, end - 1) if _STOP.search(tokens[i])), -1)
    if stop < 0 or not tokens[end - 1].endswith("."):
        return labels
    site, publisher = " ".join(tokens[start:stop + 1]).lower(), " ".join(tokens[stop + 1:end]).lower()
    if site == publisher or _DOMAIN.search(site):
        return labels  # "BetaBeat. BetaBeat.", "Kim Bellware article on salon.com. salon.com.": one name, said twice
    out = list(labels)
    out[stop + 1:end] = ["publisher"] * (end - stop - 1)
    return out
