"""An agency's initials before one of its numbered documents are its author.

Notes cite an agency's directives and rulings by the agency's initials, the kind of
document and its number: "IRS Revenue Procedure 2025-32", "FNS Instruction 800-2.",
"OMB Circular A-130, Managing Information as a Strategic Resource.", "DOE Order 413.3B,
Program and Project Management …". The model reads the initials as the first word of the
title (the training data has few such strings), so the work had no author and a title
that another note, citing "Revenue Procedure 2025-32" under the agency's name, does not
share. When the reference opens with initials, a document word and a number, the initials
are the author; the document word and number stay the title when nothing titled follows
them, and are the series and number (collection-title, as "CRS Report R41234" is) when a
title of its own follows after a comma or colon.
"""

from __future__ import annotations

import re
from typing import Sequence

_INITIALS = re.compile(r"^[A-Z]{2,6}$")
#: Kinds of numbered documents agencies issue (the first word; "Revenue" must be followed by
#: "Procedure" or "Ruling").
_DOCUMENT = frozenset({"Revenue", "Notice", "Circular", "Instruction", "Directive", "Order", "Memorandum",
                       "Bulletin", "Form", "Publication", "Regulation", "Handbook", "Manual", "Advisory"})
_REVENUE_KIND = frozenset({"Procedure", "Procedure:", "Ruling", "Ruling:"})
_ENDS_CLAUSE = (",", ":", ".")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Initials → author before a numbered document; its designation → series when a title follows."""
    n = min(len(tokens), len(labels))
    if n < 3 or tokens[1] not in _DOCUMENT or not _INITIALS.match(tokens[0]):
        return labels
    if labels[0] not in ("title", "collection-title"):
        return labels
    start = 2 if tokens[1] != "Revenue" else 3
    if tokens[1] == "Revenue" and tokens[2] not in _REVENUE_KIND:
        return labels
    number = next((i for i in range(start, min(n, start + 2)) if any(c.isdigit() for c in tokens[i])), -1)
    if number < 0 or any(labels[i] not in ("title", "collection-title") for i in range(1, number + 1)):
        return labels
    out = list(labels)
    out[0] = "author"
    titled_after = number + 1 < n and labels[number + 1] == "title" and tokens[number].endswith(_ENDS_CLAUSE)
    out[1 : number + 1] = ["collection-title" if titled_after else "title"] * number
    return out
