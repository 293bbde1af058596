"""A reference with no title whose author run holds one: the title is in the run.

Vancouver-style web citations and hand-written lists read "Kitzes J. Reproducible Workflows;
2016. Available from: http://…", "Wickes E. Comment on ”Metadata”; 2015. Available from: …",
"Pritchard, Adam, 'Markdown Cheatsheet' (2013) <https://…>". The model ran the author on
through the title and left the reference without one. When no token is labelled title, the
reference opens with an author run and gives a link, the run ends at a quoted span (which is the title), or,
in Vancouver form, after the first name's initials ("Kitzes J."), and the rest of the run is
the title.
"""

from __future__ import annotations

import re
from typing import Sequence

_OPEN_QUOTE = re.compile(r"^['\"“‘”]\w")
_CLOSE_QUOTE = re.compile(r"\w[.,;:?!]?['\"”’][.,;:]?$")
#: Vancouver initials after a family name: "J.", "AM.", "E.", "SA."
_INITIALS = re.compile(r"^[A-Z]{1,3}\.$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Author-run tokens after the first name (Vancouver) or inside quotes → title, in a reference with no title."""
    if "title" in labels or not labels or labels[0] != "author" or "url" not in labels:
        return labels  # (web citations only: in AnyStyle's data a titleless author run is a name list)
    end = 0
    while end < len(labels) and labels[end] == "author":
        end += 1
    out = list(labels)
    if end >= 4 and _INITIALS.match(tokens[1]) and tokens[0][:1].isupper() and not tokens[0].endswith(","):
        out[2:end] = ["title"] * (end - 2)
        return out
    quote = next((i for i in range(1, end) if _OPEN_QUOTE.match(tokens[i])), -1)
    if quote > 0:
        close = next((k for k in range(quote, end) if _CLOSE_QUOTE.search(tokens[k])), -1)
        if close < 0:
            return labels
        out[quote:close + 1] = ["title"] * (close + 1 - quote)
        return out
    return labels
