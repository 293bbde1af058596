"""A web page's "Last reviewed" or "Updated" date is its date, and the sentence before it its title.

AMA and Vancouver citations of agencies' pages give the date the page was last changed as a
sentence of its own: "Centers for Disease Control and Prevention. CDC timeline 1980s. Page last
reviewed January 11, 2021. Accessed November 2, 2023. https://…", "… Evidence based guides for
states. Last reviewed February 21, 2024. Accessed …". The model, which saw few, read "Last
reviewed" as a journal and a year in the title as the date. The words that announce the date are
a note, the date after them the work's date (the page has no other), and what the model split off
the sentence before them as a journal or a date is the title's.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "Page last reviewed", "Last reviewed", "Last updated", "Last modified", "Updated", "Reviewed", "Created",
#: "Posted", "Published" (the first of them in a reference dates it: "Created June 16, 2017. Last updated …").
_PHRASES = (("page", "last", "reviewed"), ("page", "last", "updated"), ("last", "reviewed"), ("last", "updated"),
            ("last", "modified"), ("updated",), ("reviewed",), ("created",), ("posted",), ("published",))
#: The phrases' first words after a full stop, found in the joined tokens.
_ANY_PHRASE = re.compile(r"\. (?:Page|Last|Updated|Reviewed|Created|Posted|Published|PAGE|LAST|UPDATED|REVIEWED) ")
#: A date's first word: a month or a day's number.
_DATE_START = re.compile(r"^(?:[0-3]?\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
#: Labels the model gave the title's words before the phrase.
_SPLIT_OFF = frozenset({"journal", "container-title", "date"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The phrase → note, its date → date, the sentence before it → title."""
    if "title" not in labels or not _ANY_PHRASE.search(" ".join(tokens)):
        return labels
    for p in range(2, len(tokens) - 1):
        if not tokens[p - 1].endswith(".") or not tokens[p][:1].isupper():
            continue
        phrase = next((ph for ph in _PHRASES if tuple(t.lower() for t in tokens[p:p + len(ph)]) == ph), None)
        if phrase is None:
            continue
        d = p + len(phrase) + (1 if p + len(phrase) < len(tokens) and tokens[p + len(phrase)].lower() == "on" else 0)
        if d >= len(tokens) or not _DATE_START.match(tokens[d]):
            return labels
        end = next((k for k in range(d, min(d + 4, len(tokens))) if tokens[k].endswith(".")), -1)
        if end < 0 or not any(c.isdigit() for c in tokens[end]):
            return labels
        out = list(labels)
        out[p:d] = ["note"] * (d - p)
        out[d:end + 1] = ["date"] * (end + 1 - d)
        before = max((k for k in range(p - 1) if tokens[k].endswith(".")), default=-1) + 1
        if before > 0 and "title" in out[before:p] or (before > 0 and out[before - 1] == "title"):
            for k in range(before, p):
                if out[k] in _SPLIT_OFF:
                    out[k] = "title"
        for k in range(end + 1, len(out)):
            if out[k] == "date" and k > end:
                out[k] = "note"  # an access date after it is no date of the work
        return out
    return labels
