"""An italic title and the names after its "by": "*Title*, by Ann Lee (University X) and Bo Ruiz (Lab Y)".

Reading lists, a journal issue's contents announced on a blog and course pages give a work
as its title in italics, then "by" and its writers, each group of names followed by its
affiliation in brackets. AnyStyle's data has no such form: the model read the title as an
author ("Automated Software Testing for MATLAB" as a person), the by-line as a container, or
kept the affiliations in the names ("Stuart Faulk (University of Oregon)"). Where a
reference opens with an italic span closed by a comma and "by", the span is the title, the
name words after "by" are the authors, and a bracketed affiliation after a name is a note
(so each name stands alone); what follows the names keeps its labels.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.parse.crf.repairs.italic_title import _OPENS, _close

#: Words of writers' names: capitalised words and initials, joining words, particles.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|and|&|van|von|de|der|den|da|del|di|la|le|y)[,;]?$")


def _affiliation_end(tokens: Sequence[str], start: int) -> int:
    """The index after the bracket that closes an affiliation opening at ``start``, or -1."""
    for j in range(start, min(len(tokens), start + 15)):
        if tokens[j].rstrip(",;.").endswith(")"):
            return j + 1
    return -1


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Italic span → title, "by" and the names after it → author, their affiliations → note."""
    if len(tokens) < 3 or not _OPENS.match(tokens[0]):
        return labels
    close = _close(tokens, 0)
    if close is None or close + 2 >= len(tokens) or not tokens[close].endswith(",") or tokens[close + 1] != "by":
        return labels
    out = list(labels)
    out[: close + 1] = ["title"] * (close + 1)
    j = close + 1
    names = 0
    out[j] = "author"
    j += 1
    while j < len(tokens):
        if tokens[j].startswith("("):
            end = _affiliation_end(tokens, j)
            if end < 0:
                break
            out[j:end] = ["note"] * (end - j)
            j = end
            continue
        if not _NAME_WORD.match(tokens[j]):
            break
        out[j] = "author"
        names += 1
        j += 1
    return out if names else labels
