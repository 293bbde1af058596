"""A body named by its acronym and its name spelt out, then the year: the author and date.

Author-date lists of agencies open "USGS (US Geological Survey). 2023c. “StreamStats.” https://…",
"EPA (US Environmental Protection Agency). 2022. “WATERS …”", "ADEQ (Arizona Department of
Environmental Quality). n.d. “eMaps.”". The model, which saw few bodies named this way, read the
whole opening as the title. An acronym, its bracketed name closed by a full stop, and a year (or
"n.d.") standing alone after it are the author and the date, whatever they were labelled.
"""

from __future__ import annotations

import re
from typing import Sequence

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")
#: The year after the body's name: "2022.", "2023c.", "n.d.", "(2019)."
_YEAR = re.compile(r"^\(?(?:1[6-9]\d\d|20\d\d)[a-z]?\)?[.,]$|^\(?n\.\s?d\.\)?[.,]?$")
#: A one-word quoted title: '“eMaps."', '"StreamStats."'.
_ONE_QUOTED_WORD = re.compile(r"^[“\"][\w-]+[.,]?[”\"][.,]?$")
#: Tokens the bracketed name may run over.
_MAX_NAME = 12


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Acronym, "(Name spelt out).", year → author, author…, date."""
    if len(tokens) < 4 or not _ACRONYM.match(tokens[0]) or not tokens[1].startswith("(") or tokens[1][1:2].islower():
        return labels
    close = next((k for k in range(1, min(len(tokens), _MAX_NAME + 1)) if tokens[k].endswith((").", "),"))), -1)
    if close < 0 or close + 1 >= len(tokens) or not _YEAR.match(tokens[close + 1]):
        return labels
    if any(")" in t or "(" in t for t in tokens[2:close]) or close + 2 >= len(tokens):
        return labels
    out = list(labels)
    out[:close + 1] = ["author"] * (close + 1)
    out[close + 1] = "date"
    quoted = tokens[close + 2]
    if _ONE_QUOTED_WORD.match(quoted) and out[close + 2] == "url":
        out[close + 2] = "title"  # '“eMaps."': a one-word quoted title, not the link after it
    return out
