"""An opening author run that goes on past the full stop closing the names.

Reading lists and white papers print "Family, Given. Title. Date. URL": "Rockwell, Mark. RPA:
‘It’s entry-level AI’. 28 February 2019.", "Le Clair, Craig et al. RPA, DPA, BPM, And DCM
Platforms: …", "ACT-IAC. Artificial Intelligence / Machine Learning Primer: …". The model read
the title's first words, capitalised and short, as more names, so the title lost them and
the authors gained a person "RPA". The names end at the first full stop that closes one: after
"et al.", after a whole given name following its family name and comma ("Rockwell, Mark."; an
initial's full stop closes nothing), or after a body's initials that open the reference
("ACT-IAC."). When the run goes on after that stop straight into the title, the rest is title.
"""

from __future__ import annotations

import re
from typing import Sequence

#: A whole given name closed by a full stop ("Mark.", "Phil."), not an initial ("J.") or a suffix.
_GIVEN_STOP = re.compile(r"^[A-Z][a-z]{2,}\.$")
#: A body's initials closed by a full stop at the reference's start ("ACT-IAC.", "NIST.").
_INITIALS_STOP = re.compile(r"^[A-Z][A-Z&-]{2,}\.$")
_SUFFIXES = frozenset({"Jr.", "Sr.", "Esq."})


def _stop(tokens: Sequence[str], start: int, end: int) -> int:
    """The index of the token closing the names in the run tokens[start:end], or -1.

    What follows a stop must not look like more names: another "FAMILY," (French lists close
    each name with a full stop: "JOUET, Emmanuelle. GREACEN, Tim."), a bracket ("(with H.
    Halén)"), a lone comma, or capitals only after initials ("OFF. OF THE COMM’R, …")."""
    for k in range(start, end - 1):
        token, after = tokens[k], tokens[k + 1]
        if after.startswith("(") or not any(c.isalnum() for c in after):
            continue
        if token in ("al.", "al.,") and k > start and tokens[k - 1] == "et":
            return k
        if k == start and _INITIALS_STOP.match(token) and any(c.islower() for c in after):
            return k
        if _GIVEN_STOP.match(token) and token not in _SUFFIXES and k > start and tokens[k - 1].endswith(",") \
                and not after.endswith(","):
            return k
    return -1


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Author tokens after the stop closing the opening names → title, when the title follows them."""
    n = min(len(tokens), len(labels))
    if n < 3 or labels[0] != "author":
        return labels
    end = 0
    while end < n and labels[end] == "author":
        end += 1
    if end >= n or labels[end] != "title":
        return labels
    stop = _stop(tokens, 0, end)
    if stop < 0:
        return labels
    out = list(labels)
    out[stop + 1 : end] = ["title"] * (end - stop - 1)
    return out
