"""A date the title ran into, when the reference has no other date.

Agencies' reports in notes: "Congressional Budget Office, The Budget and Economic Outlook:
2024 to 2034, February 2024, https://…". Numbers inside the title ("2024 to 2034") carry
the model on, and the month and year after the title's comma become its last words, so the
record has no date at all. When nothing is labelled date, a title whose last words are
"Month [day,] year" after a word ending in a comma, and which a link, a note, pages or the
end follows, ends before the month; the month, day and year are the date. A month after a
colon or inside the title's words ("Outlook: May 2022") is left to the title.
"""

from __future__ import annotations

import re
from typing import Sequence

_MONTH = re.compile(r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$")
_DAY = re.compile(r"^\d{1,2},$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d[,.;]?$")
#: What may follow the date: the reference's end or these.
_AFTER = frozenset({"url", "doi", "note", "pages"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The title's trailing ", Month [day,] year" → date, when no token is a date."""
    if "date" in labels:
        return labels
    n = len(tokens)
    end = max((i for i, lab in enumerate(labels) if lab == "title"), default=-1)
    if end < 3 or (end + 1 < n and labels[end + 1] not in _AFTER) or not _YEAR.match(tokens[end]):
        return labels
    month = end - 2 if _DAY.match(tokens[end - 1]) else end - 1
    if month < 2 or not _MONTH.match(tokens[month]) or not all(lab == "title" for lab in labels[month - 1 : end + 1]) \
            or not tokens[month - 1].rstrip("”\"'’").endswith(","):
        return labels
    out = list(labels)
    out[month : end + 1] = ["date"] * (end + 1 - month)
    return out
