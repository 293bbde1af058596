"""A subtitle read as "Place: Publisher".

"International Energy Agency. (2018). Off-grid power in sub-Saharan Africa:
Market outlook 2018. https://…" — the colon after "Africa" looks like the one
between a place and its publisher, so the model may label "Africa:" location
and "Market outlook" publisher. A place follows a finished title: a closing
period or comma (APA, Harvard, MLA: "Title. London: Verso") or an opening
bracket (Chicago: "Title (London: Verso, 2019)"), whatever italic markup
("*Title.*") follows. When the title's last word has
no such ending and the "place" ends with a colon, the place and the publisher
after it are the rest of the title, and so is a bare year right after them
when the reference gave its date before the title ("Market outlook 2018").
"""

from __future__ import annotations

import re
from typing import Sequence

_ENDS_TITLE = (".", ",", ";", ")", "]", "”", "\"", "?", "!")
_BARE_YEAR = re.compile(r"^\d{4}[.,]?$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """location (ending in ':') + publisher glued to an unfinished title → title."""
    n = len(labels)
    for i in range(1, n):
        if labels[i] != "location" or labels[i - 1] != "title":
            continue
        if tokens[i - 1].rstrip("*_").endswith(_ENDS_TITLE) or tokens[i].startswith(("(", "[")):
            return labels
        j = i
        while j < n and labels[j] == "location":
            j += 1
        if not tokens[j - 1].endswith(":") or j >= n or labels[j] != "publisher":
            return labels
        out = list(labels)
        k = i
        while k < n and out[k] in ("location", "publisher"):
            out[k] = "title"
            k += 1
        if k < n and out[k] == "date" and _BARE_YEAR.match(tokens[k]) and "date" in out[:i] \
                and (k + 1 == n or out[k + 1] != "date"):
            out[k] = "title"
        return out
    return labels
