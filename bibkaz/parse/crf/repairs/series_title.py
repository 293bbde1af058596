"""A report cited by series and number: the title runs from the number to the by-line.

CRS and similar notes cite "CRS Report R44825, The Earned Income Tax Credit (EITC):
Legislative History" and "CRS In Focus IF13158, Taxation of Tip Income Under the 2025
Reconciliation Law, by Brendan McDermott": an agency's acronym and a series name, the
report's number and a comma, the whole title, and at most a by-line. The labelled real
strings (training-data/real.jsonl) label them so; the model still cut titles at a colon
(reading the subtitle as a journal), ran the series on through the title ("CRS In Focus
IF12901, Unemployment Compensation for … Military" as series, "Servicemembers." as
author), or kept "by Name" in the title. Where a reference opens with that form, the
number's tokens are the series, what follows is the title up to ", by" / ", coordinated
by" (or a link, note or a date after a comma, which keep their labels), and the name
words of the by-line are the author.
"""

from __future__ import annotations

import re
from typing import Sequence

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_SERIES_WORD = re.compile(r"^[A-Z][a-z]+$")
#: A report number closing the series: "R44825,", "IF12901,", "RS20928,", "98-488,", "LSB10839,".
_NUMBER = re.compile(r"^(?:[A-Z]{1,3}\d{3,6}|\d{2,3}-\d{2,4})[,:]$")
#: Labels that end the title where they follow it (a link, a note, a date after a comma).
_AFTER = frozenset({"url", "doi", "note"})
#: Words of a by-line's names: capitalised words and initials, "and", particles.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|and|&|van|von|de|der|den|da|del|di|la|le)[,;.]?$")


def _number_at(tokens: Sequence[str]) -> int:
    """The index of the report number when the reference opens "ACRONYM Series… Number,", else -1."""
    if not tokens or not _ACRONYM.match(tokens[0]):
        return -1
    for k in range(1, min(5, len(tokens))):
        if _NUMBER.match(tokens[k]):
            return k
        if not _SERIES_WORD.match(tokens[k]):
            return -1
    return -1


def _byline_end(tokens: Sequence[str], start: int) -> int:
    """Where the names of a by-line starting at ``start`` ("by" or "coordinated by") end."""
    j = start + (2 if tokens[start].lower() in ("coordinated", "all", "both") else 1)
    while j < len(tokens) and _NAME_WORD.match(tokens[j]):
        j += 1
        word = tokens[j - 1]
        if word.endswith(".") and (len(word.strip(".,")) > 2 or word in ("Jr.", "Sr.")):
            # a full stop after a whole name word or a suffix closes the by-line (unless "and" follows)
            if word not in ("Jr.", "Sr.") or j >= len(tokens) or tokens[j] not in ("and", "&"):
                break
    return j


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Series and number → collection-title, then title up to the by-line, by-line names → author."""
    k = _number_at(tokens)
    if k < 1 or k + 1 >= len(tokens):
        return labels
    n = len(tokens)
    j = k + 1
    byline = -1
    while j < n:
        word = tokens[j].lower()
        after_comma = tokens[j - 1].endswith(",")
        if word in ("all", "both") and after_comma and j + 1 < n and tokens[j + 1].lower() == "by":
            byline = j  # "…, all by Christopher M. Davis" (the role words go with the names, as labelled)
            break
        if after_comma and (word == "by" or (word == "coordinated" and j + 1 < n and tokens[j + 1].lower() == "by")):
            byline = j
            break
        if labels[j] in _AFTER or (labels[j] == "date" and after_comma):
            break
        j += 1
    if j == k + 1:
        return labels
    out = list(labels)
    out[: k + 1] = ["collection-title"] * (k + 1)
    out[k + 1 : j] = ["title"] * (j - k - 1)
    if byline >= 0:
        end = _byline_end(tokens, byline)
        if end > byline + 1:
            out[byline:end] = ["author"] * (end - byline)
            # the title stood before the by-line: words after it are no title (a sentence run on)
            out[end:] = ["note" if lab == "title" else lab for lab in out[end:]]
    return out
